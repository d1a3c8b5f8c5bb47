"""The consolidated report: one model built from the checked workspace, rendered to Word,
Excel, HTML and Markdown.

Modules, in import order (each imports only those above it):

* :mod:`.document` — the report model: the dataclasses every renderer and template reads;
* :mod:`.labels` — fixed texts of the report (labels, title, letterhead) from the catalogue;
* :mod:`.notes` — the coordinator's notes file (section III) and its small Markdown reading;
* :mod:`.rows` — the merged tree as table rows, in the province's or one agency's view;
* :mod:`.templates` — template lookup, the sandboxed Jinja environment, template errors;
* :mod:`.provenance` — methodology and plan references, validation appendix, checksums;
* :mod:`.form` — the administrative form of the signed report (Nghị định 30/2020): number,
  date, opening paragraph, signer and recipients from the ``report:`` sections;
* :mod:`.reconcile` — how the agencies' appendix adds up to the province's total;
* :mod:`.build` — :func:`~.build.build_report`, the model from a ``CheckResult``;
* :mod:`.ziputil` — fixed timestamps, so Office files are byte-for-byte reproducible;
* :mod:`.markup` (Markdown, HTML), :mod:`.docx` with :mod:`.docx_form` (Word: rules sized to
  their text, no blank last page, the language), :mod:`.xlsx` with :mod:`.xlsx_book` (Excel) —
  the renderers; docx, html and md also render the internal companion (technical appendix);
* :mod:`.template_check` — ``cchc templates check``;
* :mod:`.targets` — output file names and the all-or-nothing write;
* :mod:`.run` — ``cchc report`` as one call: :class:`~.run.ReportRequest` in, outcome out;
* :mod:`.model` — a compatibility re-export of ``build_report`` for the CLI (to be removed).

Imports allowed: :mod:`cchc_cli.core`, the models and semantics of :mod:`cchc_cli.criteria`,
:mod:`cchc_cli.plan` and :mod:`cchc_cli.scores`, and :mod:`cchc_cli.pipeline` (its
``CheckResult`` and ``check_workspace``). Never a checks module (criteria/checks,
plan/resolve, scores/checks) nor a view module (criteria/view, plan/view,
scores/status_view, cli/output): the report reads checked data, it does not check or print.
"""
