"""The criteria room: the methodology as a tree of scored items, read from one YAML file.

What lives here:

* ``model``: what a criteria file may contain (pydantic) and the built tree (``Node``,
  ``CriteriaTree``);
* ``stats``: pure queries over a tree (nodes per level, figures and whether they are
  confirmed), shared by checks, view and import;
* ``codes``: the diagnostic codes of this stage (CCHC201-CCHC268);
* ``checks`` (with ``scoring_checks``, which only it imports): the structural checks
  (``check_tree``) — return diagnostics, never print;
* ``view``: the displays of ``cchc tree`` (text, JSON, CSV);
* ``table_read`` → ``table_rows`` → ``yaml_writer``, driven by ``table_import``:
  ``cchc criteria import`` (a criteria YAML from a CSV/.xlsx table); ``table_read`` reads real
  spreadsheets through ``table_sniff`` (what the file is), ``table_csv``/``table_xlsx`` (a
  ``table_grid``), ``table_header``/``table_layout`` (what the grid means) and
  ``table_cells``/``table_merges``/``table_mojibake`` (cell-level trouble), and
  ``table_fanout`` counts a problem repeated down the table instead of repeating it.

May import: ``cchc_cli.core`` only (and this room). Inside the room, nothing imports
``checks`` or ``view``: the table import receives the tree checks from its caller
(``import_table(..., check=check_tree)`` in the CLI), and ``view`` describes the little it
reads of an assignment plan by protocols instead of importing the plan room.
"""
