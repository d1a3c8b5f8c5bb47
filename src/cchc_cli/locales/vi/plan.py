"""vi catalogue: plan."""

MESSAGES: dict[str, str] = {}
