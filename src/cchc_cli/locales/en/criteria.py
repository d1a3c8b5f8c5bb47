"""en catalogue: criteria."""

MESSAGES: dict[str, str] = {}
