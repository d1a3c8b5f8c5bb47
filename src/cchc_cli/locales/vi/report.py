"""vi catalogue: report."""

MESSAGES: dict[str, str] = {}
