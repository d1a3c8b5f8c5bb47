"""The Ministry's appraisal (thẩm định) of the self-assessment and the final index.

* ``model``: the appraisal file (appraised scores of self-scored items, Ministry-scored parts,
  the published result) and its reading;
* ``semantics``: what the values mean: the index part each leaf belongs to, and the one rule
  that decides what an appraised value contributes (a rejected value counts 0);
* ``index`` (data) and ``compute`` (its only producer): the final index of one province —
  parts, areas, points lost and who lost them;
* ``checks``: the diagnostics of the file (CCHC600–CCHC649), run by the pipeline;
* ``compare``: several provinces ranked, and one year against an earlier one;
* ``summary``: the one line the consolidated report shows;
* ``view``: what ``cchc index`` prints (text and JSON).

May import: ``core``, ``criteria``, ``plan`` and ``scores`` (their models, queries and the
merged view, never a checks or view module). Within the room, only ``pipeline`` and the
``cli`` call ``checks``, and only the ``cli`` imports ``view``.
"""
