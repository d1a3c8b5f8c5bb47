"""Agency score files: what each agency wrote, checked against the plan and merged.

* ``model``: the file model; ``files``: finding and loading the files (and evidence paths);
  ``semantics``: what the values mean (the score that counts, complete evidence, the one file
  per agency); ``deadline``: due-date arithmetic;
* ``checks`` (with ``item_checks``, ``evidence_checks``): the diagnostics of the files;
* ``merge``: the merged view of the province (its data and how it is built);
* ``scaffold`` (with ``scaffold_items``, ``scaffold_update``) and ``schema``: files and JSON
  Schemas written for the agencies;
* ``status_view``: what ``cchc status`` and ``cchc merged`` show.

May import: ``core``, ``criteria`` and ``plan`` (their models and the plan's queries and owner
names, never ``criteria.checks``, ``plan.resolve*`` or a view module). Within the room, only
``pipeline`` and the ``cli`` call the checks, and no module imports ``status_view``.
"""
