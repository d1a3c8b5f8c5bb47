"""en catalogue: report (`cchc report`, `cchc templates check`, the report's fixed texts)."""

MESSAGES: dict[str, str] = {
    # --- diagnostics: templates
    "CCHC501": "Report template has a Jinja syntax error: {error}.",
    "CCHC501.hint": "Fix the tag on this line of the template: every `{{{{` needs `}}}}`, every "
    "`{{% block %}}`/`{{% if %}}`/`{{% for %}}` needs its closing tag. Run `cchc templates check` "
    "again.",
    "code.CCHC501": "Report template syntax error (Jinja)",
    "CCHC502": "Report template uses a variable the report data does not have: {error}.",
    "CCHC502.hint": "Check the spelling of the variable on this line; the variables you can use "
    "are listed in README, section “Report”. Run `cchc templates check` on the whole folder.",
    "code.CCHC502": "Report template uses an undefined variable or attribute",
    "CCHC503": "Report template uses variable `{name}`, which is not one of the report's "
    "variables.",
    "CCHC503.hint": "Variables you can use: {known}.",
    "CCHC503.hint_guess": "Did you mean `{guess}`? Variables you can use: {known}.",
    "code.CCHC503": "Report template uses an unsupported variable name",
    "CCHC504": "Report template does something the safe template sandbox forbids: {error}.",
    "CCHC504.hint": "Templates may only read the report data; remove the call or internal "
    "attribute (starting with `_`) on this line.",
    "code.CCHC504": "Report template breaks the sandbox rules",
    "CCHC505": "Rendering the report template failed: {error}.",
    "CCHC505.hint": "Check the expression on this line of the template (arithmetic, filters, "
    "types).",
    "code.CCHC505": "Error while running a report template",
    "CCHC506": "Cannot read report template `{template}`.",
    "CCHC506.hint": "Check that the file exists, is named correctly and opens; a .docx file "
    "must be "
    "a valid Word document (saved by Word as .docx, not .doc).",
    "code.CCHC506": "Template file missing or unreadable",
    "CCHC507": "Jinja tag in the Word template is wrong: {error} (near “{context}”).",
    "CCHC507.hint": "Open the .docx template in Word and retype this tag in one go (Word often "
    "splits `{{{{ … }}}}` when it is edited in the middle); table-row tags are written "
    "`{{%tr for … %}}`, paragraph tags `{{%p if … %}}`.",
    "code.CCHC507": "Jinja tag in the Word (.docx) template is wrong",
    "CCHC508": "Report template folder `{folder}` does not exist or is not a folder.",
    "CCHC508.hint": "Point `--templates DIR` or `templates` in cchc.yaml at the right folder; to "
    "use the built-in templates, leave it out.",
    "code.CCHC508": "Report template folder does not exist",
    "CCHC509": "File `{name}` in the template folder does not replace any cchc template, so it is "
    "not used (unless another template includes it).",
    "CCHC509.hint": "Built-in template names: {known}.",
    "CCHC509.hint_guess": "Did you mean `{guess}`? Built-in template names: {known}.",
    "code.CCHC509": "File in the template folder matches no template name",
    # --- diagnostics: report
    "CCHC510": "No final report: the data still has {errors} error(s) (listed in the messages "
    "with this one).",
    "CCHC510.hint": "Fix the errors and run `cchc report` again; to preview, run "
    "`cchc report --draft` (every page is marked “DỰ THẢO”, draft).",
    "code.CCHC510": "Report refused because the data has errors (use --draft for a draft)",
    "CCHC511": "Cannot make a report, not even a draft: the criteria or the assignment plan do "
    "not load.",
    "CCHC511.hint": "Fix the criteria and assignment plan errors first (`cchc validate`).",
    "code.CCHC511": "Not enough data to make any report",
    "CCHC512": "Made a DRAFT although the data has {errors} error(s); do not sign or send it.",
    "CCHC512.hint": "Fix the errors and run again without `--draft` to get the final report.",
    "code.CCHC512": "Draft made while the data has errors",
    "CCHC520": "Cannot write `{path}`: the file is open in another program (Word, Excel…).",
    "CCHC520.hint": "Close the file and run the command again. The previous report is unchanged.",
    "code.CCHC520": "Report file is open in Word/Excel: close it and run again",
    "CCHC521": "Cannot write `{path}`: {error}.",
    "CCHC521.hint": "Check that the output folder is writable and has free space (`output` in "
    "cchc.yaml or `--out`). No partial file was written; the previous report is unchanged.",
    "code.CCHC521": "Cannot write the report file (read-only folder, disk full…)",
    "CCHC522": "There is no agency with code `{agency_code}` in the assignment plan.",
    "CCHC522.hint": "Agency codes in the plan: {known}.",
    "CCHC522.hint_guess": "Did you mean `{guess}`? Agency codes in the plan: {known}.",
    "code.CCHC522": "`--agency` names an agency code that is not in the plan",
    "CCHC523": "Cannot read the difficulties and recommendations file (`notes` in cchc.yaml): "
    "{error}.",
    "CCHC523.hint": "Save it as plain text encoded as UTF-8 (in Notepad: Save As → Encoding: "
    "UTF-8).",
    "code.CCHC523": "Notes file unreadable or not UTF-8",
    "CCHC524": "Agency `{agency_code}` ({name}) is not assigned any item to score.",
    "CCHC524.hint": "Its report will have no score table; check the agency code or the "
    "assignment plan.",
    "code.CCHC524": "Agency has no assigned items",
    "CCHC525": "`--out {path}` cannot be used with `--format {fmt}`: {reason}.",
    "CCHC525.hint": "With `--format all`, `--out` is a folder; with one format, `--out` is a file "
    "name or an existing folder.",
    "code.CCHC525": "`--out` does not fit `--format`",
    "report.out_is_file": "it is a file, a folder is needed",
    # --- command line
    "help.cmd.report": "Make the self-assessment report (Word, Excel, HTML, Markdown) from the "
    "checked data; refuses when the data has errors unless --draft is given.",
    "help.cmd.templates": "Work with report templates.",
    "help.cmd.templates_check": "Check a report template folder: syntax, variable names, tags in "
    "the Word template.",
    "help.opt.report_format": "Format: docx, xlsx, html, md or all (default: all).",
    "help.opt.out": "Where to write: a file name (one format) or a folder; default: `output` in "
    "cchc.yaml.",
    "help.opt.agency": "Make one agency's own report (agency code, e.g. SNV).",
    "help.opt.draft": "Make a DRAFT even when the data has errors (every page is marked “DỰ "
    "THẢO”).",
    "help.opt.date": "Report date (YYYY-MM-DD) printed on the report; by default no date is "
    "printed.",
    "help.opt.templates": "The province's template folder; its files replace the built-in "
    "templates of the same name.",
    "report.written": "Wrote {path}",
    "report.templates_ok": "Template folder {folder}: no errors ({count} template files).",
    # --- texts built into the model
    "report.title.province": "Results of the self-assessment and scoring of the Public "
    "Administration Reform Index {year} of {province_full}",
    "report.title.agency": "Results of the self-scoring of the PAR Index {year} criteria and "
    "sub-criteria assigned to {agency}",
    "report.letterhead.province_1": "People's Committee",
    "report.letterhead.province_2": "{province_full}",
    "report.letterhead.agency_1": "People's Committee of {province_full}",
    "report.province_full": "{province} province",
    "report.draft_mark": "DỰ THẢO (DRAFT)",
    "report.owner.part": "{name} ({domain})",
    "report.owner.cooperating": "{name} (cooperating)",
    "report.owner.ministry": "Ministry of Home Affairs",
    "report.ev.number": "no. {number}",
    "report.ev.date": "of {date}",
    "report.ev.issuer": "by {issuer}",
    "report.validation_summary": "{errors} error(s), {warnings} warning(s), {infos} info",
    # --- fixed labels (templates: labels.<name>)
    "report.label.report_word": "REPORT",
    "report.label.nation": "SOCIALIST REPUBLIC OF VIETNAM",
    "report.label.motto": "Independence - Freedom - Happiness",
    "report.label.draft_notice": "Draft: the data has not passed every check; do not sign or send.",
    "report.label.working_notice": "Note: the criteria set in use is a working transcription, not "
    "fully checked against the official annex of Decision {decision}; some titles and maxima may "
    "differ from the official ones.",
    "report.label.generated": "Report date",
    "report.label.based_on": "Based on",
    "report.label.methodology": "Index methodology",
    "report.label.plan": "Plan",
    "report.label.coordinator": "Coordinating agency",
    "report.label.due_before": "Written report due at the Department of Home Affairs before",
    "report.label.section_summary": "I. SELF-ASSESSMENT AND SCORING RESULTS",
    "report.label.section_summary_intro": "Summary of self-scores by area, criterion and "
    "sub-criterion (the self-assessed total counts only the items the province scores itself).",
    "report.label.section_explanations": "II. EXPLANATIONS FOR ITEMS WITHOUT OR WITH INCOMPLETE "
    "EVIDENCE",
    "report.label.section_notes": "III. DIFFICULTIES AND RECOMMENDATIONS",
    "report.label.section_agency_summary": "I. SELF-SCORING RESULTS OF THE ASSIGNED ITEMS",
    "report.label.section_cooperation": "III. ITEMS SCORED IN COOPERATION",
    "report.label.appendices": "APPENDICES",
    "report.label.appendix_lost": "Appendix 1. Items below their maximum (points lost, largest "
    "first)",
    "report.label.appendix_agencies": "Appendix 2. Summary by scoring agency",
    "report.label.appendix_validation": "Appendix 3. Data checks",
    "report.label.appendix_checksums": "Appendix 4. SHA-256 checksums of the input files",
    "report.label.chart_title": "Self-score against maximum",
    "report.label.chart_by_area": "By area",
    "report.label.chart_full": "Full marks",
    "report.label.chart_partial": "Below maximum",
    "report.label.chart_score": "Self-score",
    "report.label.chart_max": "Maximum",
    "report.label.col_no": "No.",
    "report.label.col_id": "Id",
    "report.label.col_title": "Area / criterion / sub-criterion",
    "report.label.col_item": "Item",
    "report.label.col_max": "Maximum",
    "report.label.col_self_max": "Self-assessed maximum",
    "report.label.col_score": "Self-score",
    "report.label.col_percent": "Ratio",
    "report.label.col_owner": "Scoring agency",
    "report.label.col_evidence": "Evidence",
    "report.label.col_explanation": "Explanation",
    "report.label.col_comment": "Cooperating agency's comment",
    "report.label.col_lost": "Points lost",
    "report.label.col_method": "Assessed by",
    "report.label.col_agency": "Agency",
    "report.label.col_items": "Assigned items",
    "report.label.col_scored": "Scored",
    "report.label.col_missing": "Not scored",
    "report.label.col_cooperating": "Cooperating",
    "report.label.col_file": "File",
    "report.label.col_file_status": "File status",
    "report.label.col_sha256": "SHA-256",
    "report.label.col_severity": "Severity",
    "report.label.col_code": "Code",
    "report.label.col_where": "Where",
    "report.label.col_message": "Message",
    "report.label.col_measured": "Measured",
    "report.label.total": "Self-assessed total",
    "report.label.total_agency": "The agency's self-scored total",
    "report.label.total_line": "Self-assessed total",
    "report.label.out_of": "out of",
    "report.label.points": "points",
    "report.label.ministry_items": "Items assessed by the Ministry of Home Affairs (survey of "
    "leaders and managers, SIPAS satisfaction index), not self-scored by the province",
    "report.label.ministry_total": "Maximum of the items assessed by the Ministry",
    "report.label.full_max": "Maximum of the whole index",
    "report.label.method_self": "Self-assessment",
    "report.label.method_survey": "Survey",
    "report.label.method_sipas": "Satisfaction index (SIPAS)",
    "report.label.status_missing": "Not scored",
    "report.label.status_ministry": "Assessed by the Ministry",
    "report.label.evidence_none": "No evidence",
    "report.label.evidence_incomplete": "Incomplete evidence (a document lacks its number or date)",
    "report.label.no_explanation": "(no explanation given)",
    "report.label.none_lost": "No item is below its maximum.",
    "report.label.none_explanations": "Every self-assessed item has complete evidence.",
    "report.label.none_cooperation": "The agency cooperates on no item.",
    "report.label.no_notes": "Nothing yet (name the difficulties and recommendations file in "
    "`notes` of cchc.yaml).",
    "report.label.validation_ok": "The data passed every check without errors.",
    "report.label.validation_errors": "The data still has errors: this report is only a draft.",
    "report.label.file_submitted": "Submitted",
    "report.label.file_draft": "Being drafted",
    "report.label.file_none": "No file",
    "report.label.agency_file": "Score file",
    "report.label.coordinator_mark": "coordinator",
    "report.label.sheet_summary": "Summary",
    "report.label.sheet_explanations": "Explanations",
    "report.label.sheet_lost": "Points lost",
    "report.label.sheet_agencies": "By agency",
    "report.label.sheet_cooperation": "Cooperation",
    "report.label.sheet_checks": "Checks",
    "report.label.recipients": "Recipients",
    "report.label.signature": "ON BEHALF OF THE PEOPLE'S COMMITTEE",
    "report.label.signature_agency": "DIRECTOR",
}
