"""Diagnostic codes of the criteria stage (stable: never renumber).

One home for them, so the checks, the table import and the tree view name each code once.
"""

from __future__ import annotations

# ------------------------------------------------------------- structural checks (checks.py)
DUPLICATE_ID = "CCHC201"
BAD_ID = "CCHC202"
MISPLACED_ID = "CCHC203"
CHILDREN_SUM = "CCHC204"
AREAS_SUM = "CCHC205"
LEVEL_RANGE = "CCHC206"
LEVEL_ENDS = "CCHC207"
ORDER = "CCHC208"
COUNTS = "CCHC209"
WORKING = "CCHC210"
NO_METHOD = "CCHC211"
INNER_SCORING = "CCHC212"
LEVELS_AND_RUBRIC = "CCHC213"
MINISTRY_SCORING = "CCHC214"
UNKNOWN_RUBRIC = "CCHC215"
BAD_RUBRIC = "CCHC216"
MAX_NOT_POSITIVE = "CCHC217"
UNKNOWN_SOURCE = "CCHC218"
CONFIRMED_NO_SOURCE = "CCHC219"
NUMBER_GAP = "CCHC220"
FREE_SCORE = "CCHC221"
CONFIRMED_ABSENT = "CCHC223"

# ----------------------------------------- table import (table_read, table_rows, table_import)
UNREADABLE = "CCHC230"
MISSING_COLUMN = "CCHC231"
UNKNOWN_COLUMN = "CCHC232"
EMPTY_CELL = "CCHC233"
BAD_NUMBER = "CCHC234"
BAD_METHOD = "CCHC235"
EXCEL_NUMBER_ID = "CCHC236"
NO_PARENT = "CCHC237"
OUT_EXISTS = "CCHC238"
EXTRA_CELLS = "CCHC239"

# --------------------------------- real spreadsheets (table_sniff, table_xlsx, table_layout …)
SHEET_READ = "CCHC251"
NO_SUCH_SHEET = "CCHC252"
HIDDEN_SHEET_CHOSEN = "CCHC253"
MERGED_CELL = "CCHC254"
MERGED_FILLED = "CCHC255"
ROWS_SKIPPED = "CCHC256"
FORMULA_NO_VALUE = "CCHC257"
FORMULA_ERROR = "CCHC258"
MOJIBAKE = "CCHC259"
MORE_OF_THE_SAME = "CCHC260"
COLUMN_WRONG = "CCHC261"
TOTALS_ROW = "CCHC262"
HIDDEN_CELLS = "CCHC263"
UNSUPPORTED_FORMAT = "CCHC264"
UNNAMED_COLUMN = "CCHC265"
SHEET_NOT_APPLICABLE = "CCHC266"
DATE_AS_NUMBER = "CCHC267"
CELLS_CLEANED = "CCHC268"

# ------------------------------------------------------------------------- tree view (view.py)
UNKNOWN_ID = "CCHC250"
