from ftz.core.rules.engine import Decision, FiredRow, RuleError, RuleSet
from ftz.core.rules.golden import GoldenCase, load_golden, run_case, table_rows, unfired_rows

__all__ = [
    "Decision",
    "FiredRow",
    "GoldenCase",
    "RuleError",
    "RuleSet",
    "load_golden",
    "run_case",
    "table_rows",
    "unfired_rows",
]
