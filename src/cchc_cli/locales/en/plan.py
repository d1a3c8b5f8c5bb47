"""en catalogue: plan."""

MESSAGES: dict[str, str] = {}
