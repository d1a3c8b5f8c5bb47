"""The foundation every other room builds on; knows nothing of criteria, plans or scores.

What lives here: reading YAML with line/column for every value (``yamlio``) and the one text
decoder (``textio``); mapping pydantic errors to file:line:col (``modelval``) and the strict
model base (``modelbase``); ``Diagnostic``, exit codes and the one ``--strict`` rule
(``diagnostics``); criterion ids (``ids``); number/date formatting (``fmt``); the message
catalogue (``i18n``); atomic file writes (``atomic``) and the one overwrite rule of every
command that writes (``outputs``); file names compared as a person sees them (``names``);
bundled data files (``resources``); the workspace file ``cchc.yaml`` (``workspace``), what it
points at (``workspace_layout``) and ``cchc init`` (``workspace_init``).

May import: the standard library and third-party packages only; never another cchc_cli room.
"""
