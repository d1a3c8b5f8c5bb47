"""Agency score files: model and score semantics, file discovery, deadlines, checks,
scaffold, schema, merge.

May import: ``core``, ``criteria`` and ``plan`` (models only).
"""
