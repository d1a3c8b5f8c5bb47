"""The province's plan: who scores which item.

* ``model``: the plan file model and the resolved plan with its queries (who scores or lists
  which leaf, in which role; the leaves under a node; whether the Ministry scores a leaf);
* ``names``: how owners are written for people, the one formatter every room uses;
* ``resolve`` (with ``resolve_state``, ``resolve_claims``): the plan's rules turned into owners,
  with the diagnostics of the plan (a checks stage: only ``pipeline`` and ``cli`` call it);
* ``view``: what ``cchc who`` and ``cchc owners`` print.

May import: ``core`` and ``criteria.model`` (never ``criteria.checks`` or ``criteria.view``).
"""
