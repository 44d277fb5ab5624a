"""The one search of 一码通 and the risk assessment.

`lookup` resolves an HS code (or product text, through `ftz.domain.hs.search`) and returns, for
the code and its parents, the risk elements of the four sources, the standards, regulations and
work instructions that apply, the typical cases of the risk-case database and the assessment.

`assess` follows the method of Decision (EU) 2019/417 (now Regulation 2024/3173 Annex II): for
each risk type found under the code, a severity (the highest recorded, else the severity table's)
and a probability of harm, the probability that a unit is defective times the probability that
the defect injures (severity table). The defect probability is estimated from the batches
inspected under the narrowest level that has any, plus the confirmed risk cases there (each
case counts as one more nonconforming observation: the case database feeds later assessments),
with add-one smoothing. Bands, levels and the officer's action come from the JDM tables; the
result carries every fired row."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ftz.domain.hs.nomenclature import HsCodeError, nomenclature
from ftz.practices.hs_inspection import repository
from ftz.practices.hs_inspection.common import LEVELS, rules, sources, standards
from ftz.practices.hs_inspection.schemas import SOURCES, RecordOut, product_code

ELEMENTS_SHOWN = 20
CASES_SHOWN = 10


def resolve(query: str) -> dict[str, Any]:
    """The HS code a query names: a code as typed, or the best hit of the product search."""
    text = query.strip()
    if not text:
        raise HsCodeError("empty search: give an HS code or a product description")
    if text.replace(".", "").replace(" ", "").replace("-", "").isdigit():
        code, tariff = product_code(text)
        return {"code": code, "tariff_code": tariff, "hits": []}
    from ftz.domain.hs.search import search  # the embedding index loads on first use

    hits = [h.as_dict() for h in search(text, 5)]
    return {"code": str(hits[0]["code"]), "tariff_code": "", "hits": hits}


def name(code: str) -> dict[str, str]:
    """The Chinese and English names of a code; a subheading without its own Chinese name
    borrows its heading's."""
    entry = nomenclature().entries[code]
    zh = entry.name_zh
    if not zh and entry.parent is not None:
        zh = nomenclature().entries[entry.parent].name_zh
    return {"code": code, "level": entry.level, "name_zh": zh, "name_en": entry.description_en}


def applicable_standards(code: str) -> list[dict[str, Any]]:
    return [
        s
        for s in standards()
        if any(code.startswith(p) or p.startswith(code) for p in s["prefixes"])
    ]


def assess(session: Session, code: str, *, used_machinery: bool = False) -> dict[str, Any]:
    heading = code[:4]
    observed: dict[str, dict[str, Any]] = {}
    for risk_type, (severity, n) in repository.risk_types_under(session, heading).items():
        observed[risk_type] = {"risk_type": risk_type, "recorded_severity": severity,
                               "records": n, "cases": 0}  # fmt: skip
    for risk_type, (severity, n) in repository.case_types_under(session, heading).items():
        seen = observed.setdefault(risk_type, {"risk_type": risk_type, "recorded_severity": None,
                                               "records": 0, "cases": 0})  # fmt: skip
        seen["cases"] = n
        seen["recorded_severity"] = max(severity, seen["recorded_severity"] or 0)
    level_code, inspected, nonconforming = code, 0, 0
    for candidate in (code, heading, code[:2], ""):
        inspected, nonconforming = repository.inspected_under(session, candidate)
        level_code = candidate
        if inspected:
            break
    cases = len(repository.cases_under(session, level_code))
    p_defect = (nonconforming + cases + 1) / (inspected + cases + 2)
    risks = [_one_risk(item, p_defect) for item in observed.values()]
    risks.sort(key=lambda r: (LEVELS.index(r["risk_level"]), r["p"]), reverse=True)
    overall = risks[0]["risk_level"] if risks else "none"
    action = rules().evaluate("action.json", {"risk_level": overall,
                                               "used_machinery": used_machinery})  # fmt: skip
    fired = (risks[0]["fired"] if risks else []) + action.explanation()
    return {
        "code": code,
        "basis": {
            "level_code": level_code or "all",
            "inspected": inspected,
            "nonconforming": nonconforming,
            "cases": cases,
            "p_defect": round(p_defect, 6),
        },
        "risks": risks,
        "risk_level": overall,
        "action": action.result["action"],
        "reason_zh": action.result["reason_zh"],
        "reason_en": action.result["reason_en"],
        "fired": fired,
    }


def _one_risk(item: dict[str, Any], p_defect: float) -> dict[str, Any]:
    table = rules().evaluate("severity.json", {"risk_type": item["risk_type"]})
    severity = int(item["recorded_severity"] or table.result["severity"])
    p = p_defect * float(table.result["injury_probability"])
    band = rules().evaluate("probability.json", {"p": p})
    level = rules().evaluate("risk_level.json", {"severity": severity,
                                                  "band": band.result["band"]})  # fmt: skip
    return {
        **item,
        "severity": severity,
        "severity_from": "records" if item["recorded_severity"] else "table",
        "injury_probability": table.result["injury_probability"],
        "p": round(p, 9),
        "band": band.result["band"],
        "band_label": band.result["band_label"],
        "risk_level": level.result["risk_level"],
        "fired": table.explanation() + band.explanation() + level.explanation(),
    }


def lookup(
    session: Session, query: str, *, used_machinery: bool = False, shown: int = ELEMENTS_SHOWN
) -> dict[str, Any]:
    found = resolve(query)
    code = found["code"]
    path = [name(e.code) for e in nomenclature().path(code) if e.level != "section"]
    elements = {}
    counts = repository.source_counts(session, code)
    for source in SOURCES:
        items = repository.records_under(session, code, source, shown)
        elements[source] = {
            **sources()[source],
            "total": counts.get(source, 0),
            "items": [RecordOut.model_validate(r).model_dump(mode="json") for r in items],
        }
    parents = [
        {**p, "counts": repository.source_counts(session, p["code"])}
        for p in path
        if p["code"] != code
    ]
    cases = repository.cases_under(session, code[:4], CASES_SHOWN)
    return {
        "query": query,
        **found,
        "entry": name(code),
        "path": path,
        "elements": elements,
        "parents": parents,
        "standards": applicable_standards(code),
        "cases": [
            {
                "id": c.id,
                "number": c.number,
                "hs_code": c.hs_code,
                "title": c.title,
                "risk_type": c.risk_type,
                "severity": c.severity,
                "risk_level": c.risk_level,
                "description": c.description,
                "ledger_index": c.ledger_index,
            }
            for c in cases
        ],
        "assessment": assess(session, code, used_machinery=used_machinery),
    }
