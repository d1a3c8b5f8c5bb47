"""English catalogue: one dict merged from the domain modules."""

from cchc_cli.locales import merge
from cchc_cli.locales.en import core, criteria, plan, report, scores

MESSAGES: dict[str, str] = merge(
    core.MESSAGES, criteria.MESSAGES, plan.MESSAGES, scores.MESSAGES, report.MESSAGES
)
