"""The criteria tree (methodology): model, structural checks, table import, views.

May import: ``core``.
"""
