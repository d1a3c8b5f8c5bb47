"""Foundation shared by every room: the YAML layer, pydantic-error mapping, model base,
diagnostics, ids, atomic writes, i18n, resources and formatting.

May import: the standard library and third-party packages only; never another cchc_cli room.
"""
