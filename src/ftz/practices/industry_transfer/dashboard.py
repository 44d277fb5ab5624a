"""The dashboard: per receiving park, the signed projects and their contracted investment and
funds in place, the intentions apart (rules/pipeline.json says which stages count as signed),
set beside the seed's figures (data/seed.yaml: 45 projects and 150亿元 funds in place in the
Kunming area, 28 projects and 52亿元 in the Mohan border industrial park, 17 intentions over
6.6亿元). Each figure links to the project list it counts."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.practices.industry_transfer import repository
from ftz.practices.industry_transfer.access import scope_of
from ftz.practices.industry_transfer.models import TransferPark, TransferProject
from ftz.practices.industry_transfer.reference import STAGES, industries, provinces, seed
from ftz.practices.industry_transfer.statistics import signed_stages

ZERO = Decimal(0)


def _bucket() -> dict[str, Any]:
    return {"projects": 0, "planned_investment": ZERO, "actual_investment": ZERO}


def _add(bucket: dict[str, Any], projects: int, planned: Any, actual: Any) -> None:
    bucket["projects"] += projects
    bucket["planned_investment"] += Decimal(planned or 0)
    bucket["actual_investment"] += Decimal(actual or 0)


def _seed_rows(parks: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for figure in seed()["figures"]:
        found = parks.get(figure["park"])
        bucket = found[figure["stages"]] if found else _bucket()
        amount = bucket[figure["metric"]]
        expected = Decimal(figure["amount_cny"])
        meets = amount >= expected if figure["comparison"] == "above" else amount == expected
        rows.append({**figure, "park_id": found["park"].id if found else "",
                     "records_projects": bucket["projects"], "records_amount": amount,
                     "matches": meets and bucket["projects"] == figure["projects"]})  # fmt: skip
    return rows


def dashboard(session: Session, *, principal: Principal) -> dict[str, Any]:
    scope = scope_of(session, principal)
    signed = set(signed_stages())
    rows = repository.stage_totals(session, scope)
    parks = repository.parks_by_id(session, (park_id for park_id, *_ in rows))
    by_park: dict[str, dict[str, Any]] = {}
    stages = {stage: _bucket() for stage in STAGES}
    for park_id, stage, n, planned, actual in rows:
        park: TransferPark = parks[park_id]
        slot = by_park.setdefault(park.code, {"park": park, "signed": _bucket(),
                                              "intention": _bucket(),
                                              "stages": {s: 0 for s in STAGES}})  # fmt: skip
        slot["stages"][stage] += n
        _add(stages[stage], n, planned, actual)
        if stage in signed:
            _add(slot["signed"], n, planned, actual)
        elif stage == "intention":
            _add(slot["intention"], n, planned, actual)
    sections: dict[str, dict[str, Any]] = {}
    for code, n, planned, actual in repository.totals_by(
        session, scope, TransferProject.industry_code, signed
    ):
        section = industries()[code].section if code in industries() else code[:1]
        _add(sections.setdefault(section, _bucket()), n, planned, actual)
    sponsors: dict[str, dict[str, Any]] = {}
    by_sponsor = repository.totals_by(session, scope, TransferProject.sponsor_park_id, signed)
    sponsor_parks = repository.parks_by_id(session, (k for k, *_ in by_sponsor))
    for park_id, n, planned, actual in by_sponsor:
        province = sponsor_parks[park_id].province_code
        _add(sponsors.setdefault(province, _bucket()), n, planned, actual)
    total = _bucket()
    for bucket in (s for k, s in stages.items() if k in signed):
        _add(total, bucket["projects"], bucket["planned_investment"], bucket["actual_investment"])
    return {
        "scope": scope.kind,
        "receiving_parks": sorted(by_park.values(), key=lambda s: s["park"].code),
        "stages": stages,
        "signed_total": total,
        "sections": {k: {**v, "name_zh": industries()[k].name_zh,
                         "name_en": industries()[k].name_en} for k, v in sorted(sections.items())},
        "sponsor_provinces": {k: {**v, "name_zh": provinces()[k].name_zh,
                                  "name_en": provinces()[k].name_en}
                              for k, v in sorted(sponsors.items())},
        "seed": _seed_rows(by_park),
    }  # fmt: skip


def plain(data: dict[str, Any]) -> dict[str, Any]:
    """The dashboard as JSON (API, CLI): parks by code, amounts as strings."""

    def money(bucket: dict[str, Any]) -> dict[str, Any]:
        return {k: str(v) if isinstance(v, Decimal) else v for k, v in bucket.items()}

    return {
        "scope": data["scope"],
        "receiving_parks": [
            {"park": s["park"].code, "name_zh": s["park"].name_zh, "name_en": s["park"].name_en,
             "signed": money(s["signed"]), "intention": money(s["intention"]),
             "stages": s["stages"]}
            for s in data["receiving_parks"]
        ],
        "stages": {k: money(v) for k, v in data["stages"].items()},
        "signed_total": money(data["signed_total"]),
        "sections": {k: money(v) for k, v in data["sections"].items()},
        "sponsor_provinces": {k: money(v) for k, v in data["sponsor_provinces"].items()},
        "seed": [money(row) for row in data["seed"]],
    }  # fmt: skip
