"""The submission pack (``cchc pack``): one zip with everything the Ministry's scoring software
asks for, laid out item by item.

Modules, in import order:

* :mod:`.names` — names inside the zip: NFC, safe on Windows, short, never two alike;
* :mod:`.content` — the report's items with their evidence documents and the files to copy,
  the scan check (image or PDF);
* :mod:`.archive` — the deterministic zip, evidence streamed from disk;
* :mod:`.documents` — the report documents that go in the pack (the one place that decides);
* :mod:`.index_xlsx`, :mod:`.index_html` (with ``index.html.j2``) — the index;
* :mod:`.run` — ``cchc pack`` as one call: :class:`~.run.PackRequest` in, outcome out; the
  rule for an existing file at the target (:func:`~.run.may_write`, the general rule of
  core/outputs.py).

Imports allowed: :mod:`cchc_cli.core`, :mod:`cchc_cli.criteria`, :mod:`cchc_cli.plan`,
:mod:`cchc_cli.scores` (models and file helpers, never a checks module),
:mod:`cchc_cli.pipeline` and :mod:`cchc_cli.report` (the model and its renderers).
"""
