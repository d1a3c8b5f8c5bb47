"""en catalogue: criteria (tree checks, `cchc tree`, `cchc criteria import`)."""

MESSAGES: dict[str, str] = {
    # --- labels used inside messages
    "criteria.where.root": "an area, directly under `items`",
    "criteria.where.under": "a direct child of `{parent}`",
    "criteria.kind.areas": "areas (level 1)",
    "criteria.kind.criteria": "criteria (level 2)",
    "criteria.kind.subcriteria": "sub-criteria (level 3)",
    "criteria.rubric.min_max": "`min` ({min}) must be below `max` ({max})",
    "criteria.rubric.fraction": "`fraction: {value}` must lie between 0 and 1 (a share of the "
    "maximum)",
    "criteria.rubric.from_range": "`from: {value}` lies outside the measured range [{min}, {max}]",
    "criteria.rubric.duplicate_from": "`from: {value}` already appears on line {first_line}",
    "criteria.rubric.no_min": "no band starts at the rubric's minimum (`from: {min}`), so low "
    "values fall in no band",
    "criteria.rubric.no_full": "no band gives full points (`fraction: 1`), so no item using it "
    "can reach its maximum",
    "criteria.method.self": "self-scored",
    "criteria.method.survey": "survey",
    "criteria.method.sipas": "SIPAS",
    "criteria.method.none": "no method",
    # --- tree checks (criteria_checks.py)
    "CCHC201": "Item id `{id}` is duplicated: used on line {first_line} and again on line {line}.",
    "CCHC201.hint": "Every item needs its own id. Check the annex and fix one of them (Excel "
    "turns `1.10` into `1.1`: format the id column as Text).",
    "code.CCHC201": "Duplicate item id in the criteria tree",
    "CCHC202": "Item id `{id}` is not valid: ids are positive whole numbers joined by dots, "
    "without leading zeros (e.g. 3, 3.2, 3.2.5).",
    "CCHC202.hint": 'Fix the id as in the annex; quote it, e.g. `id: "3.2.5"`.',
    "code.CCHC202": "Item id is not dotted numbers (3.2.5)",
    "CCHC203": "Id `{id}` does not match its place in the tree: here ({place}) it must look like "
    "`{expected}`.",
    "CCHC203.hint": "A child's id is its parent's id plus one number (3.2 → 3.2.1), with no level "
    "skipped. Move the item under the right parent (indent it under that item's `children:`) or "
    "fix the id.",
    "code.CCHC203": "Child id does not extend its parent's id (or skips a level)",
    "CCHC204": "The children of `{id}` add up to {sum}, but `{id}` has a maximum of {max} "
    "(difference {difference}).",
    "CCHC204.hint": "Check the annex: fix `max` of `{id}` or of a child ({children}) so the "
    "children add up exactly to the parent.",
    "code.CCHC204": "Children's maxima do not add up to the parent's maximum",
    "CCHC205": "The areas add up to {total}, but `declared.total` is {declared} (difference "
    "{difference}).",
    "CCHC205.hint": "Check the maxima of the areas ({areas}) against the annex; they must add up "
    "to {declared}.",
    "code.CCHC205": "Areas do not add up to the declared total",
    "CCHC206": "Score level {level} of `{id}` lies outside [0, {max}].",
    "CCHC206.hint": "Every level must lie between 0 and the item's maximum ({max}); fix the level "
    "or `max`.",
    "code.CCHC206": "Score level outside [0, max]",
    "CCHC207": "The levels of `{id}` ({levels}) lack {missing}: they must include 0 and the "
    "maximum {max}.",
    "CCHC207.hint": "Add the missing level to `levels`, e.g. `levels: [0, 0.5, {max}]`; if the "
    "annex gives another maximum, fix `max`.",
    "code.CCHC207": "Score levels do not include 0 and the maximum",
    "CCHC208": "Item `{id}` comes after `{previous}` but sorts before it (1.2 comes before 1.10).",
    "CCHC208.hint": "Put the siblings in numeric order, as in the annex.",
    "code.CCHC208": "Siblings not in natural numeric order",
    "CCHC209": "The tree has {actual} {kind}, but the methodology declares {declared}.",
    "CCHC209.hint": "The tree has {leaves} scored (leaf) items. Check against the official annex: "
    "add or remove level-{depth} items, or fix the figure in `declared` if the published source "
    "differs.",
    "code.CCHC209": "Number of areas/criteria/sub-criteria differs from the declared count "
    "(warning)",
    "CCHC210": "{working} of the {total} figures in the criteria file are working assumptions, "
    "not checked against an official document; only {confirmed} are confirmed with a source.",
    "CCHC210.hint": "Check against the official annex and add `confirmed: {{max: SOURCE_KEY}}` "
    "per item, or re-import the whole tree with `cchc criteria import` (README, section "
    "criteria). Scores computed on working figures are provisional.",
    "code.CCHC210": "The criteria file still has working (unverified) figures — one warning per "
    "file",
    "CCHC211": "Leaf `{id}` has no `method`.",
    "CCHC211.hint": "Add `method: self` (scored by the agency), `survey` (Ministry survey) or "
    "`sipas` (satisfaction index); or add children if this is not a leaf.",
    "code.CCHC211": "Leaf without a scoring method",
    "CCHC212": "Item `{id}` has {children} children but also `{field}`: only leaves are scored.",
    "CCHC212.hint": "Remove `{field}` from `{id}` and give each child its own scoring; a parent's "
    "score is the sum of its children.",
    "code.CCHC212": "Item with children has method/levels/rubric",
    "CCHC213": "Item `{id}` has both `levels` and `rubric`: use only one way of scoring.",
    "CCHC213.hint": "Keep `levels` (fixed score levels) or `rubric` (a percentage scale) and "
    "delete the other.",
    "code.CCHC213": "Self-scored item with both levels and rubric",
    "CCHC214": "Item `{id}` is scored by `{method}` (the Ministry) but has `{field}`.",
    "CCHC214.hint": "The province does not score this item: remove `{field}`; if the province "
    "scores it, change to `method: self`.",
    "code.CCHC214": "survey/sipas item with levels/rubric",
    "CCHC215": "Item `{id}` uses rubric `{rubric}`, which is not declared under `rubrics`.",
    "CCHC215.hint": "Use a declared rubric ({known}) or declare `{rubric}` under `rubrics`.",
    "CCHC215.hint_guess": "Did you mean `{guess}`? Declared rubrics: {known}.",
    "code.CCHC215": "Unknown rubric",
    "CCHC216": "Rubric `{rubric}` is not valid: {reason}.",
    "CCHC216.hint": "A band `{{from: X, fraction: F}}` means: a measured value of X or more gives "
    "F × the maximum; F between 0 and 1, distinct `from` values, one band starting at `min` and "
    "one with `fraction: 1`.",
    "code.CCHC216": "Invalid rubric: fraction outside [0, 1], duplicate band, no first/full band",
    "CCHC217": "The maximum of `{id}` is {max}: it must be greater than 0.",
    "CCHC217.hint": "Write the maximum given in the annex; an item worth no points does not "
    "belong in the tree.",
    "code.CCHC217": "Maximum not greater than 0",
    "CCHC218": "Source `{source}` is not declared under `sources`.",
    "CCHC218.hint": 'Declare `{source}: "document, page …"` under `sources`, or use a declared '
    "key ({known}).",
    "CCHC218.hint_guess": "Did you mean `{guess}`? Declared sources: {known}.",
    "code.CCHC218": "Source key not declared under `sources`",
    "CCHC219": "`{what}` says `status: confirmed` but gives no `source`.",
    "CCHC219.hint": "Add `source: KEY` pointing to the official document under `sources`; without "
    "one, keep `status: working`.",
    "code.CCHC219": "Figure marked confirmed without a source",
    "CCHC220": "Numbering skips: `{previous}` is followed by `{id}`, `{missing}` is missing.",
    "CCHC220.hint": "Usually a typing slip (`1.10` for `1.2`) or an item left out while "
    "transcribing; check the annex and number siblings consecutively from 1.",
    "code.CCHC220": "Gap in sibling numbering (typically a mistyped 1.10)",
    "CCHC221": "Self-scored item `{id}` has neither `levels` nor `rubric`: any score from 0 to "
    "{max} is accepted.",
    "CCHC221.hint": "If the annex defines score levels, add `levels: [0, …, {max}]` or `rubric: "
    "KEY` so cchc can check self-scores.",
    "code.CCHC221": "Self-scored item without levels or rubric (free score in [0, max]) — warning",
    "CCHC223": "Item `{id}` lists `confirmed: {{{field}: …}}` but has no `{field}`.",
    "CCHC223.hint": "Remove `{field}` from `confirmed`, or add `{field}` to the item as in the "
    "annex.",
    "code.CCHC223": "`confirmed` names a field the item does not have",
    # --- cchc tree (tree_view.py)
    "criteria.role.cooperating": "cooperating",
    "criteria.tree.header": "{name} — {decision}, {year}, {level} level: {total} points in total "
    "[{file}]",
    "criteria.tree.points": "{max} pts",
    "criteria.tree.levels": "(levels {levels})",
    "criteria.tree.rubric": "(rubric {rubric})",
    "criteria.level.province": "province",
    "criteria.level.ministry": "ministry",
    "criteria.tree.more": "(+{count} children)",
    "criteria.tree.legend_working": "* the maximum is a working figure, not yet checked against "
    "the official annex.",
    "CCHC250": "There is no item `{id}` in the criteria file {file}.",
    "CCHC250.hint": "Type an existing id (e.g. `cchc tree 3.2`); areas: {areas}. Whole tree: "
    "`cchc tree --depth 2`.",
    "CCHC250.hint_guess": "Did you mean `{guess}`? Whole tree: `cchc tree --depth 2`.",
    "code.CCHC250": "`cchc tree ID`: id not in the criteria tree",
    "criteria.tree.plan_errors": "Note: the assignment plan {file} has {count} errors; the owners "
    "shown may be wrong — run `cchc validate` to see them.",
    # --- cchc criteria import (criteria_import.py)
    "CCHC230": "Cannot read the table: {reason}.",
    "CCHC230.hint": 'Use an .xlsx file or a UTF-8 CSV (Excel: File > Save As > "CSV UTF-8 (Comma '
    'delimited)"); the first row names the columns id, title, max, method (levels, rubric, '
    "guidance if used).",
    "code.CCHC230": "Import table unreadable (not UTF-8, broken .xlsx, no data rows)",
    "CCHC231": "The table lacks required columns: {missing}.",
    "CCHC231.hint": "The header row needs id, title, max; accepted columns: {allowed} (or the "
    "Vietnamese names mã, tên, điểm tối đa, cách chấm, mức điểm, thang điểm, hướng dẫn).",
    "code.CCHC231": "Import table lacks a required column (id, title, max)",
    "CCHC232": "Column `{column}` is not part of the format and is ignored.",
    "CCHC232.hint": "Accepted columns: {allowed}. Remove or rename the column if it holds data to "
    "import.",
    "CCHC232.hint_guess": "Did you mean `{guess}`? Accepted columns: {allowed}.",
    "CCHC232.duplicate": "Column `{column}` repeats column `{name}` (column {first}).",
    "code.CCHC232": "Unrecognised column (warning, ignored) or repeated column (error)",
    "CCHC233": "Cell `{column}` on row {row} is empty.",
    "CCHC233.hint": "Every row needs an id, a title and a max; delete rows you do not use.",
    "code.CCHC233": "Required cell empty in the import table",
    "CCHC234": "Cell `{column}` holds `{value}`, which is not a number.",
    "CCHC234.hint": "Write numbers with a decimal point or comma (0.5 or 0,5); separate levels "
    "with semicolons: `0; 0.5; 1`.",
    "code.CCHC234": "Maximum or score level is not a number",
    "CCHC235": "Method `{value}` is not valid.",
    "CCHC235.hint": "Write one of: {allowed} (self = scored by the agency; survey = Ministry "
    "survey; sipas = satisfaction index); leave it empty for items with children.",
    "CCHC235.hint_guess": "Did you mean `{guess}`? Allowed values: {allowed}.",
    "code.CCHC235": "Invalid value in the method column",
    "CCHC236": "The id cell (column {column}, row {row}) is a {kind} `{value}`, not text: Excel "
    "may have turned `1.10` into `1.1`.",
    "CCHC236.hint": "Format the whole id column as Text (right click > Format Cells > Text) and "
    "retype the ids exactly as in the annex, e.g. 1.10.",
    "code.CCHC236": "Item id in an Excel file is a number/date (ambiguous: 1.1 or 1.10?)",
    "CCHC237": "Item `{id}` has no parent `{parent}` in the table.",
    "CCHC237.hint": "Add a row for `{parent}` (id, title, max) or fix the id `{id}`.",
    "code.CCHC237": "Import table lacks the parent item's row",
    "CCHC238": "File {out} already exists; cchc does not overwrite it.",
    "CCHC238.hint": "Choose another --out name, or add --force to replace the old file.",
    "code.CCHC238": "Output of `criteria import` already exists (use --force)",
    "CCHC239": "The row has {cells} cells but the header has only {columns} columns.",
    "CCHC239.hint": "A cell probably contains the delimiter without quotes; open the table in "
    "Excel and save it again as CSV UTF-8.",
    "code.CCHC239": "Table row has more cells than the header",
    "criteria.import.old_excel": ".xls/.ods is not supported; save as .xlsx or UTF-8 CSV",
    "criteria.import.not_utf8": "the CSV file is not UTF-8 (byte {byte})",
    "criteria.import.csv_error": "malformed CSV ({detail})",
    "criteria.import.no_rows": "no header row or no data rows",
    "criteria.import.bad_xlsx": "cannot open the Excel file ({detail})",
    "criteria.import.kind_number": "number",
    "criteria.import.kind_date": "date/boolean",
    "criteria.import.default_name": "Public administration reform index (PAR INDEX)",
    "criteria.import.header": "CRITERIA: {name} — {decision}, {year}\nGenerated by `cchc criteria "
    "import` from the table {table}.\nEvery figure has status `{status}`, source `{source}`: a "
    "transcription of the decision's official annex.\nWhoever transcribed it is responsible for "
    "checking every row (id, title, maximum, method) against the paper annex.\nTo change: edit "
    "this file, or fix the table and import again with --force. Check: `cchc validate`, `cchc "
    'tree`.\nItem ids are always quoted ("1.10" is not "1.1"); points use a decimal point.',
    "criteria.import.annex_source": "Annex of {decision}, transcribed from the table {table} with "
    "`cchc criteria import`.",
    "criteria.import.rubric_hint": "The table only names the rubric `{rubric}`; its definition "
    "comes from an existing criteria file: add `--like criteria/2019.yaml`.",
    "criteria.import.need_meta": "--year and --decision are required (or --like CRITERIA_FILE to "
    "take them from there)",
    "criteria.import.locked": "Cannot write {out}: the file is open in another program. Close it "
    "and run again.",
    "criteria.import.done": "Wrote {out} from {table}: {areas} areas, {criteria} criteria, "
    "{subcriteria} sub-criteria, {leaves} scored items, {total} points in total (status {status}).",
    # --- command help
    "help.cmd.tree": "Show the criteria tree (or one branch: `cchc tree 3.2`) with maxima, "
    "methods and owners.",
    "help.opt.tree_depth": "Number of levels shown (1 = only the chosen item, or the areas).",
    "help.opt.tree_format": "Output: text (default), json or csv (the columns `cchc criteria "
    "import` reads).",
    "help.opt.tree_file": "Show any criteria file instead of the workspace's (no owners).",
    "help.cmd.criteria": "Work with criteria files (import from a spreadsheet).",
    "help.cmd.criteria_import": "Build a criteria YAML from a table (CSV or .xlsx) transcribing "
    "the official annex; columns id, title, max, method, levels, rubric, guidance.",
    "help.opt.import_out": "YAML file to write (never overwritten without --force).",
    "help.opt.import_force": "Allow replacing an existing --out file.",
    "help.opt.import_like": "Take the methodology, declared counts, sources and rubrics from an "
    "existing criteria file.",
    "help.opt.import_name": "Name of the index.",
    "help.opt.import_level": "Level (province, ministry, …).",
    "help.opt.import_year": "Assessment year.",
    "help.opt.import_decision": "Number of the decision issuing the methodology, e.g. 1150/QĐ-BNV.",
    "help.opt.import_decision_date": "Date of that decision (YYYY-MM-DD).",
    "help.opt.import_total": "Declared total points (default 100).",
    "help.opt.import_counts": "Declared numbers of areas/criteria/sub-criteria, e.g. 8/43/95.",
    "help.opt.import_status": "Status of the figures: confirmed (default, transcribed from the "
    "official annex) or working.",
}
