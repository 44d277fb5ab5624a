"""Statistics beside the seed's figures, and the CSV exports of the registry, the proposals
and the assessments (same filters and scoping as the lists)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

import yaml
from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.csv_export import csv_response as kit_csv_response
from ftz.practices.cargo_rules import repository
from ftz.practices.cargo_rules.models import Assessment, Cargo, Proposal
from ftz.practices.cargo_rules.reference import DATA

CARGO_COLUMNS = (
    "code",
    "name_zh",
    "name_en",
    "status",
    "regime",
    "imsbc_group",
    "mhb",
    "imdg_class",
    "un_number",
    "packing_group",
    "stowage_category",
    "special_provisions",
    "amendment",
    "id",
)
PROPOSAL_COLUMNS = (
    "number",
    "title_zh",
    "title_en",
    "instrument",
    "change",
    "proposer",
    "body",
    "session",
    "target_amendment",
    "status",
    "submitted_on",
    "decided_on",
    "ledger_sha256",
    "id",
)
ASSESSMENT_COLUMNS = (
    "number",
    "goods_zh",
    "goods_en",
    "mode",
    "loading_port",
    "discharge_port",
    "flag_state",
    "authority",
    "status",
    "group",
    "imdg_class",
    "un_number",
    "decided_on",
    "ledger_sha256",
    "id",
)


@cache
def seed() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((DATA / "seed.yaml").read_text(encoding="utf-8"))
    return loaded


def statistics(session: Session, principal: Principal) -> dict[str, Any]:
    proposals = repository.counts(session, Proposal.status)
    submitted = sum(n for status, n in proposals.items() if status != "draft")
    return {
        "seed": seed(),
        "proposals": {
            "by_status": proposals,
            "submitted": submitted,
            "adopted": proposals.get("adopted", 0),
            "by_proposer": repository.proposals_by_proposer(session),
        },
        "assessments": {
            "agreed_by_authority": repository.signed_by_authority(session),
            "by_status": repository.assessment_counts(session, principal),
        },
        "cargoes": {
            "by_status": repository.counts(session, Cargo.status),
            "by_group": repository.counts(session, Cargo.imsbc_group),
            "by_regime": repository.counts(session, Cargo.regime),
        },
    }


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return value


def csv_response(columns: Sequence[str], rows: Iterable[dict[str, Any]], name: str) -> Response:
    """Spreadsheet-safe (core.kit.csv_export): a BOM, and formula-like text quoted."""
    return kit_csv_response(columns, ([_cell(row.get(c)) for c in columns] for row in rows), name)


def cargo_rows(cargoes: Iterable[Cargo]) -> Iterable[dict[str, Any]]:
    for c in cargoes:
        yield {name: getattr(c, name) for name in CARGO_COLUMNS}


def proposal_rows(proposals: Iterable[Proposal]) -> Iterable[dict[str, Any]]:
    for p in proposals:
        yield {name: getattr(p, name) for name in PROPOSAL_COLUMNS}


def assessment_rows(items: Iterable[Assessment]) -> Iterable[dict[str, Any]]:
    for a in items:
        row = {name: getattr(a, name, None) for name in ASSESSMENT_COLUMNS}
        row.update(
            group=a.conditions.get("imsbc_group", ""),
            imdg_class=a.conditions.get("imdg_class", ""),
            un_number=a.conditions.get("un_number", ""),
        )
        yield row
