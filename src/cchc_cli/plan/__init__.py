"""The province's plan: who scores which item. Model with its queries, resolution, views.

May import: ``core``, ``criteria`` (model only).
"""
