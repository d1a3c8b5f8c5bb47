"""vi catalogue: scores."""

MESSAGES: dict[str, str] = {}
