"""One module per command family; each is imported only when one of its commands runs.

check: validate, status, merged · plan: who, owners · criteria: tree, criteria import ·
scores: scaffold, schema · report: report, templates check · index: index · init: init.
The root group (:mod:`cchc_cli.cli.app`) names them in its ``COMMANDS`` table.
"""
