"""en catalogue: scores."""

MESSAGES: dict[str, str] = {}
