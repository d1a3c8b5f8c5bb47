"""en catalogue: report."""

MESSAGES: dict[str, str] = {}
