"""en catalogue: plan (assignment plans, resolution, `cchc who`, `cchc owners`)."""

MESSAGES: dict[str, str] = {
    # --- labels used inside messages
    "plan.rule_lead": "“{agency} → {target}” ({where})",
    "plan.rule_split": "“split {target} among {agencies}, combine: {combine}” ({where})",
    # --- diagnostics
    "CCHC300": "Agency code `{agency_code}` (field `{field}`) is not declared under `agencies`.",
    "CCHC300.hint": "Use a code declared under `agencies` ({known}), or declare this agency.",
    "CCHC300.hint_guess": "Did you mean `{guess}`? Declared codes: {known}.",
    "code.CCHC300": "Agency code not declared under `agencies`",
    "CCHC301": "Agency code `{agency_code}` is declared twice: line {first_line} and line {line}.",
    "CCHC301.hint": "Give each agency its own code: change the code on line {line} or remove the "
    "duplicate.",
    "code.CCHC301": "Duplicate agency code",
    "CCHC302": "Agency name “{name}” (code `{agency_code}`, line {line}) is the same as the name "
    "of `{first_code}` on line {first_line}.",
    "CCHC302.hint": "Declare each agency once; if these are two agencies, write each one's full "
    "name. (Names are compared after Unicode NFC normalisation, ignoring case.)",
    "code.CCHC302": "Duplicate agency name (also when typed in NFD vs NFC)",
    "CCHC303": "Agency `{agency_code}` ({name}) has role `supporting` (it only supplies evidence) "
    "and cannot be given a score (field `{field}`).",
    "CCHC303.hint": "Assign the item to an agency with `role: scoring`, or change `{agency_code}` "
    "to `scoring` if the plan gives it items to score.",
    "code.CCHC303": "Supporting agency assigned to score",
    "CCHC304": "Agency `{agency_code}` is both the lead and a cooperating agency of the same rule.",
    "CCHC304.hint": "Remove `{agency_code}` from `cooperating`: the lead already has every right "
    "of a cooperating agency.",
    "code.CCHC304": "Cooperating agency equals the lead",
    "CCHC305": "Agency `{agency_code}` appears twice among the parts of {target}: line "
    "{first_line} and line {line}.",
    "CCHC305.hint": "Each agency scores one part (one domain): merge the two parts of "
    "`{agency_code}` or fix the agency code.",
    "code.CCHC305": "Agency given two parts of the same split item",
    "CCHC306": "The plan says `methodology: {plan}` but the criteria ({criteria_file}) follow "
    "decision `{criteria}`.",
    "CCHC306.hint": "Check it: plan and criteria must follow the same methodology; write "
    "`{criteria}` if it is only spelled differently.",
    "code.CCHC306": "Plan methodology differs from the criteria's decision",
    "CCHC307": "The plan is for year {plan} but the criteria ({criteria_file}) are for year "
    "{criteria}.",
    "CCHC307.hint": "Use the criteria of the assessed year, or fix the plan's `year`.",
    "code.CCHC307": "Plan year differs from the criteria year",
    "CCHC308": "Cooperating agency `{agency_code}` is listed twice (first on line {first_line}).",
    "CCHC308.hint": "Remove the repeated line.",
    "code.CCHC308": "Cooperating agency listed twice",
    "CCHC310": "Item id `{id}` in `{scope}` does not exist in the criteria ({criteria_file}).",
    "CCHC310.hint": 'Write the item id exactly as in the criteria, in double quotes, e.g. "3.2.5".',
    "CCHC310.hint_guess": 'Did you mean "{guess}"? Write the item id exactly, in double quotes.',
    "code.CCHC310": "Assignment rule names an item id that does not exist",
    "CCHC311": "Item id `{id}` in `except` does not exist in the criteria ({criteria_file}).",
    "CCHC311.hint": 'Write the excluded item\'s id exactly, in double quotes, e.g. "1.5".',
    "CCHC311.hint_guess": 'Did you mean "{guess}"? Write the excluded item\'s id exactly, in '
    "double quotes.",
    "code.CCHC311": "Exception (`except`) names an item id that does not exist",
    "CCHC312": "Item {id} is excluded (`except`) but lies outside the rule's scope ({items}); the "
    "exception does nothing.",
    "CCHC312.hint": "Check the id: an exception must be inside {items}; remove the line if it is "
    "not needed.",
    "code.CCHC312": "Exception outside the rule's scope",
    "CCHC313": "Item {id} is scored by the Ministry of Home Affairs (method `{method}`); no "
    "provincial agency self-scores it.",
    "CCHC313.hint": "Remove {id} from this rule: items scored by survey or SIPAS need no "
    "assignment.",
    "code.CCHC313": "Ministry-scored item (survey/sipas) assigned to a provincial agency",
    "CCHC314": "The rule for {id} selects no self-scored item (every sub-item is Ministry-scored "
    "or excluded).",
    "CCHC314.hint": "Check the id {id} and the `except` list; remove the rule if it is not needed.",
    "code.CCHC314": "Rule selects no self-scored item",
    "CCHC315": "{count} self-scored item(s) have no agency: {leaves}.",
    "CCHC315.hint": "Add a `lead` (or `split`) rule for these items as the plan says, or remove "
    "them from an `except` that excluded them by mistake.",
    "code.CCHC315": "Self-scored item without an agency",
    "CCHC316": "Two rules of the same specificity give items {leaves} to different owners: {first} "
    "and {second}.",
    "CCHC316.hint": "Keep one rule; or add an `except` to one of them, or write a more specific "
    "rule (deeper id). Until fixed, cchc uses the rule that comes first in the file.",
    "code.CCHC316": "Two rules of the same specificity give an item to different owners",
    "CCHC317": "Rule {rule} changes nothing for items {leaves}: {other} already gives them the "
    "same owner.",
    "CCHC317.hint": "Remove the redundant rule, or remove the shared items from one of the two "
    "rules.",
    "code.CCHC317": "Redundant rule (same owner given twice)",
    "CCHC318": "Items {leaves}: rule {overridden} is overridden by the more specific rule "
    "{winner}.",
    "CCHC318.hint": "For information: the rule with the deeper id applies. If the plan means "
    "otherwise, add an `except` to the broader rule to make it explicit.",
    "code.CCHC318": "Two rules overlap: the more specific one applies",
    "CCHC319": "Id {id} is already inside {outer} of the same rule; this entry does nothing.",
    "CCHC319.hint": "Remove {id} from the `items` list.",
    "code.CCHC319": "Id repeated or nested within the same rule",
    # --- `cchc who` / `cchc owners`
    "help.cmd.who": "Show which agency scores an item (or every item of an area/parent criterion), "
    "with its role and the rule (file:line) that assigned it.",
    "help.cmd.owners": "List the whole resolved assignment map: one line per leaf item, in id "
    "order.",
    "help.opt.owners_agency": "Only the items this agency scores, scores a part of, or cooperates "
    "on (BNV: the Ministry-scored items).",
    "plan.role.lead": "lead",
    "plan.role.part": "part: {domain}",
    "plan.role.cooperating": "cooperating",
    "plan.role.ministry": "by survey/SIPAS",
    "plan.no_owner": "(unassigned)",
    "plan.combine_short": "combine: {combine}",
    "plan.combine.min": "the lowest of the parts' scores (min)",
    "plan.combine.mean": "the mean of the parts' scores (mean)",
    "plan.combine.coordinator": "decided by the plan's coordinator ({coordinator}) in its own "
    "score file (coordinator)",
    "plan.owners_line": "{owners} · rule {rule}",
    "plan.who.leaf": "max {max} points · method: {method}",
    "plan.who.subtree": "max {max} points · {count} leaf item(s)",
    "plan.owners_count": "{count} item(s).",
    "plan.who.owner": "{code} {name} — {role}: {items} — rule {rule}",
    "plan.who.ministry": "{code} {name} — {role}: {items} — from each item's `method` in {rule}",
    "plan.who.unowned": "Not assigned to any agency: {items}",
    "plan.who.combine": "Split item(s) {items}: each agency scores its part on the item's full "
    "scale; the item's score: {combine}.",
    "plan.who.cooperating_note": "Cooperating agencies on {items} add evidence and comments, never "
    "the score.",
    "plan.who.overridden": "{items}: rule {lost} is overridden by the more specific rule {won}.",
    "CCHC320": "There is no item with id `{id}` in the criteria ({criteria_file}).",
    "CCHC320.hint": "List the ids with `cchc tree`, then try again, e.g. `cchc who 4.3`.",
    "CCHC320.hint_guess": "Did you mean `{guess}`? E.g. `cchc who {guess}`.",
    "code.CCHC320": "Item id given on the command line does not exist",
    "CCHC321": "There is no agency with code `{agency_code}` in the assignment plan.",
    "CCHC321.hint": "Use a declared code: {known}.",
    "CCHC321.hint_guess": "Did you mean `{guess}`? Declared codes: {known}.",
    "code.CCHC321": "Agency code given with --agency does not exist",
}
