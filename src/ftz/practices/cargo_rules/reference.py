"""Reference data of p05 (data/*.yaml): the amendments of the Codes, the three administrations,
the UN numbers with their class and packing groups, and the listed cargoes; and the check that a
cargo's conditions hang together (a UN number of four digits whose class matches, a group that
agrees with the chemical hazard, no IMSBC group on packaged goods)."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ftz.core.kit.errors import FieldProblem, FtzError

DATA = Path(__file__).parent / "data"
REGIMES = ("imsbc", "imdg", "general")
GROUPS = ("A", "B", "C", "AB")
CONDITION_FIELDS = (
    "regime",
    "imsbc_group",
    "mhb",
    "imdg_class",
    "un_number",
    "packing_group",
    "tml_test",
    "stowage_category",
    "segregation",
    "special_provisions",
    "conditions_zh",
    "conditions_en",
)


def _yaml(name: str) -> Any:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


@cache
def amendments() -> list[dict[str, Any]]:
    return list(_yaml("amendments.yaml")["amendments"])


def amendment(code: str) -> dict[str, Any] | None:
    return next((a for a in amendments() if a["code"] == code), None)


@cache
def administrations() -> tuple[list[dict[str, str]], str]:
    """The three administrations whose agreement an assessment needs, and the citation."""
    loaded = _yaml("amendments.yaml")
    return list(loaded["administrations"]), str(loaded["administrations_citation"])


@cache
def un_numbers() -> dict[str, dict[str, Any]]:
    rows = _yaml("un_numbers.yaml")
    return {
        str(un): {"class": c, "packing_groups": list(pgs), "name_en": en, "name_zh": zh}
        for un, (c, pgs, en, zh) in rows.items()
    }


@cache
def listed_cargoes() -> dict[str, Any]:
    loaded: dict[str, Any] = _yaml("cargoes.yaml")
    return loaded


def _problem(problems: list[FieldProblem], name: str, reason: str) -> None:
    problems.append(FieldProblem(name, reason))


def _check_un(c: dict[str, Any], problems: list[FieldProblem]) -> None:
    un, klass, pg = c.get("un_number", ""), c.get("imdg_class", ""), c.get("packing_group", "")
    if not klass and not un:
        return
    if not un:
        _problem(problems, "un_number", f"class {klass} goods need their UN number")
        return
    if not (len(un) == 4 and un.isdigit()):
        _problem(problems, "un_number", f"UN{un}: a UN number is four digits, e.g. 1495")
        return
    known = un_numbers().get(un)
    if known is None:
        _problem(
            problems, "un_number", f"UN{un} is not in the reference list (data/un_numbers.yaml)"
        )
        return
    if klass != known["class"]:
        _problem(
            problems,
            "imdg_class",
            f"UN{un} {known['name_en']} is class {known['class']}, not {klass or 'none'}",
        )
    allowed = known["packing_groups"]
    # Solid bulk cargoes are not packaged: the IMSBC schedule gives no packing group.
    bulk_without = c.get("regime") == "imsbc" and not pg
    if allowed and pg not in allowed and not bulk_without:
        _problem(problems, "packing_group", f"UN{un} takes packing group {' / '.join(allowed)}")
    if not allowed and pg:
        _problem(problems, "packing_group", f"UN{un} has no packing group")


def _check_regime(c: dict[str, Any], problems: list[FieldProblem]) -> None:
    regime, group = c.get("regime"), c.get("imsbc_group", "")
    hazard = bool(c.get("imdg_class")) or bool(c.get("mhb"))
    if regime == "imsbc":
        if group not in GROUPS:
            _problem(problems, "imsbc_group", "a bulk cargo needs its group: A, B, C or AB")
        elif hazard and group in ("A", "C"):
            _problem(
                problems,
                "imsbc_group",
                f"a chemical hazard (class or MHB) makes group "
                f"{'AB' if group == 'A' else 'B'}, not {group}",
            )
        elif not hazard and group in ("B", "AB"):
            _problem(
                problems,
                "imsbc_group",
                f"group {group} needs a chemical hazard: an IMDG class or MHB",
            )
        if c.get("stowage_category"):
            _problem(problems, "stowage_category", "stowage categories are IMDG (packaged) only")
    elif regime == "imdg":
        if group or c.get("mhb"):
            _problem(problems, "imsbc_group", "packaged dangerous goods have no IMSBC group")
        if not c.get("imdg_class"):
            _problem(problems, "imdg_class", "IMDG goods need their class or division")
    elif regime == "general":
        for name in ("imsbc_group", "imdg_class", "un_number", "packing_group"):
            if c.get(name):
                _problem(problems, name, "general cargo carries no group, class or UN number")
    else:
        _problem(problems, "regime", f"one of {', '.join(REGIMES)}")


def check_conditions(conditions: dict[str, Any], prefix: str = "") -> None:
    """Raise a 422 naming every field that contradicts another or the reference data."""
    problems: list[FieldProblem] = []
    _check_regime(conditions, problems)
    _check_un(conditions, problems)
    if problems:
        for p in problems:
            p.field = prefix + p.field
        raise FtzError(
            detail="; ".join(f"{p.field}: {p.reason}" for p in problems),
            status=422,
            title="Invalid input",
            type_slug="validation",
            errors=problems,
        )


def effective_from(label: str, fallback: date) -> date:
    """When a version labelled with an amendment applies; other labels use `fallback`."""
    found = amendment(label)
    applies: date = found["applies_from"] if found else fallback
    return applies
