"""``cchc remedy``: what follows the Ministry's appraisal, on the same files.

While the appraisal is ``provisional``: the coordinator's letter asking each department to
explain the items the Ministry marked down (giải trình), with room for the answer and the
additional evidence. Once it is ``final``: the remedy plan (kế hoạch khắc phục), the points lost
per department with the appraiser's reason and blank columns for cause, remedy, deadline and
cooperating agencies, plus (the province's plan) the results by part, area and department.

Modules, in import order:

* :mod:`.model` — the document's data (every renderer reads it);
* :mod:`.rows` — which items each department answers for (the one place that attributes them);
* :mod:`.form` — number, date, signer, recipients, citations (on the report's form builders);
* :mod:`.build` — :func:`~.build.build_remedy`, the document from a ``CheckResult``;
* :mod:`.docx` (the Word templates ``templates/remedy/*.docx``, made by
  ``scripts/make_remedy_templates.py``), :mod:`.markup` (``templates/remedy/*.md.j2``),
  :mod:`.xlsx` (the report's workbook conventions) — the renderers;
* :mod:`.targets` — file names, ``--out``, writing through the one overwrite rule;
* :mod:`.run` — ``cchc remedy`` as one call: :class:`~.run.RemedyRequest` in, outcome out.

Imports allowed: :mod:`cchc_cli.core`, the models of :mod:`cchc_cli.criteria`,
:mod:`cchc_cli.plan`, :mod:`cchc_cli.scores` and :mod:`cchc_cli.appraisal` (never a checks or
view module), :mod:`cchc_cli.pipeline` and :mod:`cchc_cli.report` (its form builders, template
machinery and workbook helpers).
"""
