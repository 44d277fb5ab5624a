"""The ten fixed dimensions of the seed's ship selection assistant, each judged by its own
published decision table, and the rating that combines them (rules/rating.json).

The input is a set of plain facts (`TenDimensionInput`): counts, ages in months, days to expiry.
The same facts come from the ship's records (`facts.facts_for_ship`) or from a JSON file
(`ftz ship-selection risk-profile`). A dimension whose facts are absent is "not assessed" and
the rating says the advice is incomplete rather than guessing. Nothing here can be overridden
by hand: the seed asks for fixed criteria, free of human interference."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ftz.domain.vessels.reference import required_certificates
from ftz.domain.vessels.schemas import ShipType
from ftz.practices.ship_selection.common import rules

# (key, rule table, Chinese name, English name), in the seed's order.
DIMENSIONS: tuple[tuple[str, str, str, str], ...] = (
    ("certificates", "certificates.json", "船舶证书", "Certificates"),
    ("manning", "manning.json", "船舶配员", "Manning"),
    ("key_tracking", "key_tracking.json", "重点跟踪", "Key tracking"),
    ("assistance_investigations", "assistance.json", "协查情况", "Assistance investigations"),
    ("ship_age", "ship_age.json", "船龄", "Ship age"),
    ("detentions", "detentions.json", "滞留情况", "Detentions"),
    ("company", "company.json", "管理公司绩效", "Management company performance"),
    ("penalties", "penalties.json", "行政处罚", "Administrative penalties"),
    ("accidents", "accidents.json", "海事事故", "Maritime accidents"),
    ("deficiencies", "deficiencies.json", "安全缺陷", "Safety deficiencies"),
)
LEVELS = ("good", "attention", "poor", "not_assessed")


class Facts(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CertificateFact(Facts):
    kind: str
    status: Literal["valid", "suspended", "withdrawn"] = "valid"
    days_to_expiry: int | None = None  # None: the certificate does not expire


class ManningFact(Facts):
    required_crew: int = Field(ge=1)
    crew_on_board: int = Field(ge=0)
    uncertified: int = Field(0, ge=0)
    days_since_check: int = Field(0, ge=0)


class WatchFact(Facts):
    open: bool
    months_since_closed: int | None = Field(None, ge=0)


class InspectionFact(Facts):
    months_ago: int = Field(0, ge=0, description="Undated inspections count as recent")
    deficiencies: int = Field(0, ge=0)
    detained: bool = False
    detainable_open: int = Field(0, ge=0)


class CompanyFact(Facts):
    known: bool = True
    doc_valid: bool = True
    fleet_inspections_36m: int = Field(0, ge=0)
    fleet_detentions_36m: int = Field(0, ge=0)
    fleet_deficiencies_36m: int = Field(0, ge=0)


class PenaltyFact(Facts):
    months_ago: int = Field(ge=0)
    fine_cny: float = Field(0, ge=0)


class AccidentFact(Facts):
    months_ago: int = Field(ge=0)
    severity: Literal["very_serious", "serious", "less_serious", "marine_incident"]
    responsibility: Literal["full", "main", "equal", "minor", "none", "open"]


class TenDimensionInput(BaseModel):
    """Facts of the ten dimensions. Absent (null) sections are not assessed; empty lists mean
    "nothing on record". Other keys (the MoU profile's inputs) are ignored here."""

    model_config = ConfigDict(extra="ignore")

    ship_type: ShipType
    age_years: float = Field(ge=0, le=150)
    cargo: Literal["grain_bulk", "other"] = "grain_bulk"
    certificates: list[CertificateFact] | None = None
    manning: list[ManningFact] | None = Field(None, description="Latest check first")
    key_tracking: list[WatchFact] | None = None
    assistance_investigations: list[WatchFact] | None = None
    inspections: list[InspectionFact] | None = None
    company: CompanyFact | None = None
    penalties: list[PenaltyFact] | None = None
    accidents: list[AccidentFact] | None = None


def _contexts(facts: TenDimensionInput) -> dict[str, dict[str, Any]]:
    """The decision context of each dimension: only arithmetic, no thresholds."""
    dump = facts.model_dump()
    certificates = dump["certificates"]
    held = {c["kind"] for c in certificates or []}
    missing = [k for k in required_certificates(grain=facts.cargo == "grain_bulk") if k not in held]
    latest = (dump["manning"] or [None])[0]
    inspections = dump["inspections"]
    company = dump["company"] or {}
    fleet_n = company.get("fleet_inspections_36m", 0)
    return {
        "certificates": {"supplied": certificates is not None, "missing": missing,
                         "certificates": certificates or []},
        "manning": {"supplied": dump["manning"] is not None, "has_record": latest is not None,
                    "shortfall": latest["required_crew"] - latest["crew_on_board"] if latest else 0,
                    "uncertified": latest["uncertified"] if latest else 0,
                    "days_since_check": latest["days_since_check"] if latest else 0},
        "key_tracking": {"supplied": dump["key_tracking"] is not None,
                         "watches": dump["key_tracking"] or []},
        "assistance_investigations": {"supplied": dump["assistance_investigations"] is not None,
                                      "watches": dump["assistance_investigations"] or []},
        "ship_age": {"supplied": True, "ship_type": facts.ship_type, "age_years": facts.age_years},
        "detentions": {"supplied": inspections is not None, "inspections": inspections or []},
        "company": {"supplied": facts.company is not None,
                    "has_company": company.get("known", False),
                    "doc_valid": company.get("doc_valid", False),
                    "fleet_inspections_36m": fleet_n,
                    "fleet_detention_pct": (100 * company.get("fleet_detentions_36m", 0) / fleet_n
                                            if fleet_n else 0),
                    "fleet_deficiencies_per_inspection": (
                        company.get("fleet_deficiencies_36m", 0) / fleet_n if fleet_n else 0)},
        "penalties": {"supplied": dump["penalties"] is not None,
                      "penalties": dump["penalties"] or []},
        "accidents": {"supplied": dump["accidents"] is not None,
                      "accidents": dump["accidents"] or []},
        "deficiencies": {"supplied": inspections is not None, "inspections": inspections or []},
    }  # fmt: skip


def assess(facts: TenDimensionInput) -> dict[str, Any]:
    """Every dimension's level with its reasons and fired rows, then the combined rating."""
    contexts = _contexts(facts)
    dimensions: list[dict[str, Any]] = []
    for key, table, name_zh, name_en in DIMENSIONS:
        decision = rules().evaluate(table, contexts[key])
        result = decision.result
        dimensions.append({
            "key": key, "name_zh": name_zh, "name_en": name_en, "level": result["level"],
            "veto": bool(result["veto"]), "reason_zh": result["reason_zh"],
            "reason_en": result["reason_en"], "fired": decision.explanation(),
        })  # fmt: skip
    counts = {level: sum(d["level"] == level for d in dimensions) for level in LEVELS}
    totals = {"veto_count": sum(d["veto"] for d in dimensions),
              "poor_count": counts["poor"], "attention_count": counts["attention"],
              "not_assessed_count": counts["not_assessed"]}  # fmt: skip
    combined = rules().evaluate("rating.json", totals)
    return {
        "rating": combined.result["rating"],
        "reason_zh": combined.result["reason_zh"],
        "reason_en": combined.result["reason_en"],
        "counts": totals,
        "dimensions": dimensions,
        "fired": combined.explanation(),
        "missing_certificates": contexts["certificates"]["missing"],
    }


def reasons(assessment: dict[str, Any], lang: str) -> list[str]:
    """What a shipper reads: the dimensions that are not good, worst first, in plain words."""
    order = {"poor": 0, "not_assessed": 1, "attention": 2}
    flagged = sorted(
        (d for d in assessment["dimensions"] if d["level"] != "good"),
        key=lambda d: (not d["veto"], order.get(d["level"], 3)),
    )
    return [f"{d['name_' + lang]}：{d['reason_' + lang]}" if lang == "zh"
            else f"{d['name_en']}: {d['reason_en']}" for d in flagged]  # fmt: skip
