"""en catalogue: scores (agency score files, scaffold, schema, status, merged)."""

MESSAGES: dict[str, str] = {
    # --- file-level checks
    "CCHC400": "No score file for {name} ({agency_code}) in folder {folder}; this agency is "
    "assigned {count} items.",
    "CCHC400.hint": "Create it with `cchc scaffold {agency_code}` (file {file}), fill in the "
    "scores, then run `cchc validate` again.",
    "code.CCHC400": "A scoring agency has no score file (warning before the deadline, error from "
    "the deadline on)",
    "CCHC401": "Agency code `{agency_code}` is not in the assignment plan ({plan}).",
    "CCHC401.hint": "Write the agency code exactly as in the plan: {known}.",
    "CCHC401.hint_guess": "Did you mean `{guess}`? Codes in the plan: {known}.",
    "code.CCHC401": "Agency code of a score file is not in the plan",
    "CCHC402": "File {file} declares agency {agency_code} ({name}), but file {other} (line "
    "{other_line}) declares it too; only {other} is used for the merge.",
    "CCHC402.hint": "One score file per agency: merge {other} and {file} into one file and "
    "delete the other, or fix `agency:` if the code is wrong.",
    "code.CCHC402": "Two score files declare the same agency",
    "CCHC403": "Assessment year `year: {year}` differs from the plan's year ({plan_year}, file "
    "{plan}).",
    "CCHC403.hint": "Write `year: {plan_year}`; if this is another year's file, move it out of "
    "the scores folder.",
    "code.CCHC403": "Score file year differs from the plan year",
    "CCHC404": "The file says `status: submitted` but has no submission date `submitted:`.",
    "CCHC404.hint": "Add `submitted: YYYY-MM-DD` (the date the report was signed and sent, e.g. "
    "2020-01-15); if it has not been sent yet, keep `status: draft`.",
    "code.CCHC404": "Submitted without a submission date",
    "CCHC405": "Report submitted on {submitted}, {days} days late (due before {due}, i.e. on "
    "{last_day} at the latest).",
    "CCHC405.hint": "Check the `submitted:` date; if it really was late, the coordinator should "
    "give the reason in the consolidated report.",
    "code.CCHC405": "Score file submitted after the deadline (warning with days late)",
    # --- item checks
    "CCHC410": "There is no item `{id}` in the criteria.",
    "CCHC410.hint": "Use the exact id from {criteria}, in double quotes. Your agency's ids: {own}.",
    "CCHC410.hint_guess": 'Did you mean `{guess}`? Write ids in double quotes, e.g. "{guess}":.',
    "code.CCHC410": "Item id not in the criteria",
    "CCHC411": "Item {id} belongs to {owners}, not to {name}.",
    "CCHC411.hint": "Remove item {id} from this file; score only the items assigned to you (see "
    "`cchc scaffold` or the plan). If the plan is wrong, the coordinator fixes the plan file.",
    "code.CCHC411": "Scoring an item assigned to another agency (names the owner)",
    "CCHC412": "Item {id} ({title}) is scored by the Ministry through {method}; the province "
    "does not score it.",
    "CCHC412.hint": "Remove item {id} from the score file.",
    "code.CCHC412": "Scoring an item the Ministry scores (survey, SIPAS)",
    "CCHC413": "{id} is a group of items and is not scored directly; its score is the sum of its "
    "sub-items.",
    "CCHC413.hint": "Score each sub-item: {leaves}.",
    "code.CCHC413": "Scoring a group id (not a leaf item)",
    "CCHC414": "A cooperating agency does not score item {id} (field `{field}`); it is scored by "
    "{owners}.",
    "CCHC414.hint": "Remove the `{field}:` line; a cooperating agency gives only a `comment:` "
    "and `evidence:`.",
    "code.CCHC414": "Cooperating agency gives a score (score/measured)",
    "CCHC415": "Item {id}{part} is not scored yet: {title} (maximum {max} points).",
    "CCHC415.hint": 'Write the score in `score:` of item "{id}", with an explanation and evidence.',
    "CCHC415.hint_rubric": "Write the measured value (percentage) in `measured:` of item "
    '"{id}"; cchc computes the score.',
    "code.CCHC415": "Assigned item not scored (warning for a draft before the deadline, error "
    "after)",
    "CCHC416": "Score {score} of item {id} is outside the allowed range [0, {max}].",
    "CCHC416.hint": "Give a score from 0 to {max}.",
    "code.CCHC416": "Score negative or above the maximum",
    "CCHC417": "Score {score} of item {id} is not one of the allowed levels ({levels}).",
    "CCHC417.hint": "Choose one of: {levels}.",
    "code.CCHC417": "Score is not one of the item's levels",
    "CCHC418": "The score says {score} but the rubric gives {computed} points for the measured "
    "value {measured}{unit} (item {id}).",
    "CCHC418.hint": "Remove the `score:` line (cchc computes it from `measured:`) or write "
    "`score: {computed}`; if the measured value is wrong, fix `measured:`.",
    "code.CCHC418": "Claimed score disagrees with the score of the measured value",
    "CCHC419": "Item {id} has no rubric; a measured value `measured: {measured}` does not apply.",
    "CCHC419.hint": "Remove the `measured:` line and write the score in `score:`.",
    "code.CCHC419": "measured given for an item without a rubric",
    "CCHC420": "Measured value {measured}{unit} of item {id} is outside the scale [{min}, {max}].",
    "CCHC420.hint": "The measured value is a rate from {min} to {max}; check the calculation.",
    "code.CCHC420": "Measured value outside the rubric's scale",
    "CCHC421": "Item {id} claims {score} points but has no evidence.",
    "CCHC421.hint": "Add each document under `evidence:` (number `number:`, date `date:`, "
    "issuer, title); points without evidence are not counted.",
    "code.CCHC421": "Points claimed without evidence",
    "CCHC422": "Evidence document {index} of item {id} ({label}) has no document number `number:`.",
    "CCHC422.hint": "Write the number and symbol as printed on the document, e.g. `number: "
    "123/KH-UBND`.",
    "code.CCHC422": "Evidence document without number",
    "CCHC423": "Evidence document {index} of item {id} ({label}) has no issue date `date:`.",
    "CCHC423.hint": "Write the issue date as YYYY-MM-DD, e.g. `date: 2019-03-15`.",
    "code.CCHC423": "Evidence document without date",
    "CCHC424": "Item {id} has neither complete evidence nor an explanation.",
    "CCHC424.hint": "The Ministry requires an explanation for every item without (complete) "
    "evidence: write the reason in `explanation:` or add the documents (with number and date).",
    "code.CCHC424": "Incomplete evidence without an explanation",
    "CCHC425": "Evidence path `{path}` is not allowed: {reason}.",
    "CCHC425.hint": "Put the scan in the evidence folder ({folder}) and give its path relative "
    "to that folder, e.g. `file: snv/123-KH-UBND.pdf`.",
    "code.CCHC425": "Evidence path absolute or leaving the workspace",
    "CCHC426": "Evidence file `{path}` not found ({reason}).",
    "CCHC426.hint": "Paths are relative to the evidence folder ({folder}); check the file name, "
    "the extension (.pdf) and upper/lower case, or copy the file there.",
    "code.CCHC426": "Evidence file does not exist",
    "CCHC428": "Evidence of item {id} is dated {date}, after the report's submission date "
    "{submitted}.",
    "CCHC428.hint": "Check the document date (`date:`) or the submission date (`submitted:`).",
    "code.CCHC428": "Evidence dated after the submission date",
    # --- scaffold / schema command problems
    "CCHC430": "File {file} of {agency_code} already exists; cchc never overwrites an existing "
    "file.",
    "CCHC430.hint": "Use `cchc scaffold {agency_code} --update` to add newly assigned items "
    "without changing what is written; or rename/delete the old file to start again.",
    "code.CCHC430": "scaffold: file exists, not overwritten",
    "CCHC431": "Cannot add items to {file} automatically: `items:` must be a mapping written on "
    "several lines.",
    "CCHC431.hint": "Bring the file to the shape `cchc scaffold` writes (`items:`, then one "
    '`"1.1.1":` line per item indented by 2 spaces) and run `cchc scaffold --update` again.',
    "code.CCHC431": "scaffold --update: the file's structure does not allow adding items",
    "CCHC432": "Several files declare agency {agency_code}: {files}.",
    "CCHC432.hint": "Keep a single file per agency and run the command again.",
    "code.CCHC432": "scaffold: several files declare the same agency",
    "CCHC433": "{name} ({agency_code}) scores or cooperates on no item in the plan.",
    "CCHC433.hint": "Check the agency code; see the assignments with `cchc owners --agency "
    "{agency_code}`.",
    "code.CCHC433": "scaffold/schema: agency has no items",
    "CCHC434": "There is no agency `{agency_code}` in the assignment plan.",
    "CCHC434.hint": "Scoring agency codes: {known}.",
    "code.CCHC434": "scaffold/schema: agency code not in the plan (exit code 2)",
    "CCHC435": "Cannot write file {file}: {reason}.",
    "CCHC435.hint": "If the file is open in another program, close it and run again; check that "
    "the folder is writable.",
    "code.CCHC435": "Output file could not be written (scaffold, schema)",
    # --- fragments
    "scores.owner_domain": "{name} (part {domain})",
    "scores.owner_list": "{owners}",
    "scores.owner_none": "no agency (not assigned in the plan)",
    "scores.method.survey": "the survey of leaders and managers",
    "scores.method.sipas": "the satisfaction survey (SIPAS)",
    "scores.method.self": "self-assessment",
    "scores.method.None": "an unknown method",
    "scores.missing_part": " (part {domain})",
    "scores.missing_decision": " (the coordinator's decision)",
    "scores.path.empty": "empty path",
    "scores.path.absolute": "it is an absolute path; it must be relative, inside the evidence "
    "folder",
    "scores.path.outside": "it points outside the workspace",
    "scores.path.missing": "no such file",
    "scores.path.not_file": "it is a folder, not a file",
    # --- scaffold text
    "scores.scaffold.header": "Self-assessment score file of the PAR INDEX {year} for {name} "
    "({code}), province {province}.\nWritten by `cchc scaffold {code}`. Each item under `items:` "
    "carries comments: title, maximum, levels or rubric, the evidence to submit and the agency's "
    "role.\n\nHow to fill in: `score:` = self-assessed points (decimal point, e.g. 0.5); for a "
    "rubric item write the measured value in `measured:` (e.g. 95.5) and cchc computes the "
    "score; `explanation:` = explanation (required when evidence is missing or the score is "
    "below the maximum); `evidence:` = list of evidence documents, one entry each:\n- number: "
    "123/KH-UBND  (document number and symbol)\n  date: 2019-03-15  (issue date, YYYY-MM-DD)\n  "
    "issuer: UBND tỉnh  (issuing body)\n  title: Kế hoạch cải cách hành chính năm 2019  "
    "(title)\n  file: {code_lower}/123-KH-UBND.pdf  (optional: the scan, inside folder "
    "{evidence})\n\nCheck with `cchc validate`. When the official report is sent: change "
    "`status: draft` to `status: submitted` and write the signing date in `submitted:`. Due to "
    "{coordinator}: before {due}.",
    "scores.scaffold.status_comment": "draft = being written; submitted = official report sent",
    "scores.scaffold.submitted_comment": "date the report was signed and sent, YYYY-MM-DD (e.g. "
    "2020-01-15)",
    "scores.scaffold.max": "Maximum: {max}.",
    "scores.scaffold.levels": "Levels: {levels}.",
    "scores.scaffold.band": "from {value}{unit}: {points} points",
    "scores.scaffold.rubric": "Scored on the rubric “{title}” — write the measured value in "
    "`measured:`: {bands}.",
    "scores.scaffold.guidance": "Evidence: {guidance}",
    "scores.scaffold.role.lead": "Role: lead, scores this item.",
    "scores.scaffold.role.part": "Role: scores the part “{domain}” on the item's full scale; the "
    "item is split between: {owners}; item score = {combine}.",
    "scores.scaffold.role.decision": "Role: the plan's coordinator decides this split item's "
    "score (write `score:`) after seeing the parts of: {owners}.",
    "scores.scaffold.role.cooperating": "Role: cooperating — gives only a `comment:` and "
    "`evidence:`, no score; lead: {owners}.",
    "scores.scaffold.combine.min": "the lowest part",
    "scores.scaffold.combine.mean": "the mean of the parts",
    "scores.scaffold.combine.coordinator": "decided by the plan's coordinator",
    "scores.scaffold.update_marker": "Items below were added by `cchc scaffold --update` (newly "
    "assigned by the plan).",
    "scores.scaffold.usage": "Give one agency code (e.g. `cchc scaffold SNV`) or --all, not both.",
    "scores.scaffold.created": "Created {file} ({count} items) and {schema}.",
    "scores.scaffold.updated": "Added {count} items to {file}: {items}. Existing content "
    "unchanged.",
    "scores.scaffold.unchanged": "{file}: no new items; file unchanged.",
    # --- schema descriptions
    "scores.schema.title": "PAR INDEX {year} self-assessment score file — {name} ({code})",
    "scores.schema.description": "Written by `cchc schema`; lists only the items the agency "
    "scores or cooperates on.",
    "scores.schema.format": "Score file format version (currently 1).",
    "scores.schema.year": "Assessment year, the same as the plan's.",
    "scores.schema.items": 'Items: ids in double quotes, e.g. "1.1.1".',
    "scores.schema.item": "{id} — {title}. Maximum: {max}.",
    "scores.schema.score": "Self-assessed score, from 0 to {max}.",
    "scores.schema.measured": "Measured value on the rubric “{title}” ({unit}); cchc computes "
    "the score.",
    "scores.schema.explanation": "Explanation (required when evidence is missing).",
    "scores.schema.comment": "Comment, note.",
    "scores.schema.evidence": "Evidence documents, one entry each.",
    "scores.schema.ev.number": "Document number and symbol, e.g. 123/KH-UBND.",
    "scores.schema.ev.date": "Issue date, YYYY-MM-DD.",
    "scores.schema.ev.issuer": "Issuing body.",
    "scores.schema.ev.title": "Title of the document.",
    "scores.schema.ev.file": "Scan (optional), path relative to the evidence folder.",
    "scores.schema.written": "Wrote {file}.",
    # --- status
    "scores.status.title": "Self-assessment progress — {province} {year}",
    "scores.status.col.code": "Code",
    "scores.status.col.agency": "Agency",
    "scores.status.col.file": "File",
    "scores.status.col.state": "Status",
    "scores.status.col.owned": "Assigned",
    "scores.status.col.scored": "Scored",
    "scores.status.col.missing": "Missing",
    "scores.status.col.errors": "Errors",
    "scores.status.col.warnings": "Warnings",
    "scores.status.col.points": "Points / max",
    "scores.status.state.none": "no file",
    "scores.status.state.draft": "draft",
    "scores.status.state.submitted": "submitted {date}",
    "scores.status.state.late": "submitted {date} ({days} days late)",
    "scores.status.deadline_left": "Due before {due} (last day {last_day}) — {days} days left; "
    "{pending} agencies have not submitted.",
    "scores.status.deadline_today": "Due before {due} — today is the last day; {pending} "
    "agencies have not submitted.",
    "scores.status.deadline_late": "Due before {due} — {days} days late; {pending} agencies have "
    "not submitted.",
    "scores.status.deadline_done": "Due before {due} — every agency has submitted.",
    "scores.status.total": "Province (self-assessed part): {score} / {max} points; "
    "{scored}/{leaves} items scored. Scored by the Ministry (survey, SIPAS): {ministry} points.",
    "scores.status.see_validate": "Run `cchc validate` to see each error and warning.",
    # --- merged
    "scores.merged.title": "Consolidated self-assessment — {province} {year}",
    "scores.merged.col.item": "Id",
    "scores.merged.col.title": "Item",
    "scores.merged.col.score": "Score",
    "scores.merged.col.max": "Max",
    "scores.merged.col.owners": "Agency",
    "scores.merged.col.status": "Status",
    "scores.merged.status.scored": "scored",
    "scores.merged.status.missing": "missing",
    "scores.merged.status.ministry": "scored by the Ministry",
    "scores.merged.total": "Self-assessed total: {score} / {max}; scored by the Ministry: "
    "{ministry} points.",
    # --- help
    "help.cmd.scaffold": "Write an empty score file for an agency (or --all): exactly the items "
    "it is assigned, with comments; never overwrites. --update adds newly assigned items and "
    "keeps what is written.",
    "help.cmd.schema": "Write the JSON Schema of an agency's score file (VS Code then completes "
    "item ids and underlines mistakes). Printed by default; --out writes a file.",
    "help.cmd.status": "Progress table: per agency the items assigned, scored, missing, errors, "
    "warnings and points claimed; days left to the deadline (or days late) and the province "
    "total.",
    "help.cmd.merged": "Print the consolidated result: every item with its agencies, score "
    "(parts combined), evidence and explanation; totals per area, criterion and province.",
    "help.opt.scaffold_all": "Write a file for every scoring agency.",
    "help.opt.scaffold_update": "Existing file: only add newly assigned items at the end of "
    "`items:`, without changing a single byte of what is written.",
    "help.opt.schema_out": "Write the schema to this file instead of printing it.",
}
