"""The shipper's side: find a cargo by name or UN number, read the conditions in force on a date
with what must be provided (rows of `shipper_requirements.json` with their sources), and run
the moisture check of a group A cargo (`moisture_check.json`). Reads only."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import validation_error
from ftz.practices.cargo_rules import cargoes, decisions, repository, search
from ftz.practices.cargo_rules.common import today
from ftz.practices.cargo_rules.models import Cargo
from ftz.practices.cargo_rules.schemas import CheckIn

LIMIT = 20


def summary(cargo: Cargo) -> dict[str, Any]:
    return {
        "id": cargo.id,
        "code": cargo.code,
        "name_zh": cargo.name_zh,
        "name_en": cargo.name_en,
        "synonyms": cargo.synonyms,
        "status": cargo.status,
        "regime": cargo.regime,
        "imsbc_group": cargo.imsbc_group,
        "imdg_class": cargo.imdg_class,
        "un_number": cargo.un_number,
        "packing_group": cargo.packing_group,
        "amendment": cargo.amendment,
    }


def find(session: Session, query: str, limit: int = LIMIT) -> dict[str, Any]:
    """Ranked matches for `query`, each saying what matched; "fuzzy" when only close
    spellings were found."""
    text = query.strip()
    if not text:
        raise validation_error("q", "type a cargo name (中文 or English) or a UN number")
    un = search.un_query(text)
    mode = "un_number" if un else "words"
    if un:
        hits = [
            search.Hit(c, 100.0, [f"UN{un}" if c.un_number == un else f"formerly UN{un}"])
            for c in repository.by_un_number(session, un)
        ]
    else:
        words = search.query_words(text)
        hits = search.rank(text, repository.candidates(session, words, text))
        if not hits:
            mode = "fuzzy"
            hits = search.fuzzy(text, repository.all_cargoes(session))
    results = [{**summary(h.cargo), "score": h.score, "matched": h.matched} for h in hits]
    return {"query": text, "mode": mode, "total": len(results), "results": results[:limit]}


def cargo_view(
    session: Session, principal: Principal, cargo: Cargo, on: date | None = None
) -> dict[str, Any]:
    """Everything a shipper reads about a cargo on a date, and its history."""
    on = on or today()
    conditions, version = cargoes.conditions_on(session, cargo, on)
    group_a = conditions.get("imsbc_group") in ("A", "AB")
    return {
        **summary(cargo),
        "source": cargo.source,
        "in_code": cargo.in_code,
        "on": on.isoformat(),
        "in_force": {
            "version": version.label,
            "effective_from": version.effective_from.isoformat(),
            "conditions": conditions,
        }
        if version
        else None,
        "requirements": decisions.requirements(conditions, cargo.status) if version else [],
        "moisture_rule": decisions.table_rows("moisture_check.json") if group_a else [],
        "versions": [
            {
                "label": v.label,
                "effective_from": v.effective_from.isoformat(),
                "conditions": v.conditions,
                "note": v.note,
                "recorded_by": v.recorded_by,
            }
            for v in repository.versions(session, cargo.id)
        ],
        "status_history": [
            {
                "from": s.from_status,
                "to": s.to_status,
                "reference": s.reference,
                "note": s.note,
                "actor": s.actor,
                "at": s.at.isoformat(),
            }
            for s in repository.status_changes(session, cargo.id)
        ],
        "proposals": [
            {
                "id": p.id,
                "number": p.number,
                "title_zh": p.title_zh,
                "title_en": p.title_en,
                "status": p.status,
            }
            for p in repository.proposals_of(session, principal, cargo.id)
        ],
    }


def check(session: Session, *, data: CheckIn) -> dict[str, Any]:
    """May this cargo be loaded at this moisture content? The verdict and the rows that fired,
    under the conditions in force on the loading date."""
    cargo = repository.cargo(session, data.cargo)
    loading = data.loading_on or today()
    for name in ("tml_tested_on", "moisture_sampled_on"):
        tested = getattr(data, name)
        if tested is not None and tested > loading:
            raise validation_error(name, f"{tested} is after the loading date {loading}")
    conditions, version = cargoes.conditions_on(session, cargo, loading)
    if version is None:
        raise validation_error("cargo", f"{cargo.code} was not in the registry on {loading}")
    verdict, fired = decisions.moisture_check(
        group=conditions.get("imsbc_group") or "",
        moisture_pct=data.moisture_pct,
        tml_pct=data.tml_pct,
        tml_tested_on=data.tml_tested_on,
        moisture_sampled_on=data.moisture_sampled_on,
        loading_on=loading,
    )
    return {
        "cargo": summary(cargo),
        "version": version.label,
        "loading_on": loading.isoformat(),
        "moisture_pct": data.moisture_pct,
        "tml_pct": data.tml_pct,
        "tml_tested_on": data.tml_tested_on.isoformat() if data.tml_tested_on else None,
        "moisture_sampled_on": (
            data.moisture_sampled_on.isoformat() if data.moisture_sampled_on else None
        ),
        "verdict": verdict,
        "fired": fired,
    }
