"""vi catalogue: criteria."""

MESSAGES: dict[str, str] = {}
