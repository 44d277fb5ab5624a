"""p22 services: the key-items list (versions saved whole), screening of CBEC export
declarations (every line against the version in force; a hit routes the line to inspection
with the reason), the officers' confirm or clear, the enterprise's credit that confirmed
violations move through the credit table, and the dashboard. The monthly joint report is in
report.py. Services flush, never commit."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.audit.models import AuditEvent
from ftz.core.audit.service import list_events
from ftz.core.auth.models import Organization
from ftz.core.auth.principal import Principal
from ftz.core.db.base import utcnow
from ftz.core.kit.errors import forbidden, not_found, validation_error
from ftz.core.kit.ids import new_id
from ftz.core.kit.pagination import PageParams
from ftz.core.ledger import service as ledger
from ftz.core.rules import Decision
from ftz.core.workflow import fire
from ftz.practices.cbec_key_items import keylist, repository
from ftz.practices.cbec_key_items.common import agency, rules, settings
from ftz.practices.cbec_key_items.keylist import KeyItemListIn
from ftz.practices.cbec_key_items.matcher import Hit, Line, Matcher
from ftz.practices.cbec_key_items.models import (
    KeyItemCredit,
    KeyItemDeclaration,
    KeyItemLine,
    KeyItemListVersion,
    KeyItemViolation,
)
from ftz.practices.cbec_key_items.schemas import CheckIn, DeclarationIn, LineIn, ResolveIn
from ftz.practices.cbec_key_items.workflow import KeyItemLineFlow

MEASURES = ("none", "warning", "penalty", "blacklist")  # weakest to strongest
GRADES = ("A", "B", "C", "D")  # best to worst
SOURCES = ("api", "web", "cli")


# --- the list -------------------------------------------------------------------------------


def current_list(session: Session) -> tuple[int, dict[str, Any]]:
    """The version in force: the latest saved, else the shipped file (version 1)."""
    latest = repository.latest_version(session)
    if latest is None:
        doc = keylist.shipped()
        return int(doc["version"]), doc
    return latest.version, latest.document


def list_document(session: Session, version: int | None = None) -> dict[str, Any]:
    if version is None:
        return current_list(session)[1]
    found = repository.version(session, version)
    if found is not None:
        return found.document
    if version == 1:
        return keylist.shipped()
    raise not_found("list version")


def list_versions(session: Session) -> list[dict[str, Any]]:
    saved = [
        {
            "version": v.version,
            "effective_from": v.effective_from.isoformat(),
            "rule_count": v.rule_count,
            "sha256": v.sha256,
            "saved_by": v.saved_by,
            "note": v.note,
        }
        for v in repository.versions(session)
    ]
    if not any(v["version"] == 1 for v in saved):
        doc = keylist.shipped()
        saved.append(
            {
                "version": 1,
                "effective_from": doc["effective_from"],
                "rule_count": len(doc["rules"]),
                "sha256": keylist.digest(doc),
                "saved_by": "data/key_items.yaml",
                "note": doc["note"],
            }
        )
    return saved


def save_list(session: Session, *, principal: Principal, data: KeyItemListIn) -> KeyItemListVersion:
    """A new version of the whole list (customs or railway officers); lines screened from now
    on record it."""
    agency(principal)
    version = current_list(session)[0] + 1
    doc = {"version": version, **data.model_dump(mode="json")}
    keylist.compiled(version, doc)  # compiles, so a list that cannot be used is never saved
    made = KeyItemListVersion(
        id=new_id(),
        version=version,
        effective_from=data.effective_from,
        rule_count=len(data.rules),
        sha256=keylist.digest(doc),
        document=doc,
        saved_by=principal.username,
        note=data.note,
    )
    session.add(made)
    session.flush()
    return made


# --- screening ------------------------------------------------------------------------------


def describe(matcher: Matcher, hit: Hit) -> dict[str, Any]:
    rule = matcher.rules[hit.rule]
    return {
        "rule_id": rule.id,
        "version": matcher.version,
        "category": rule.category,
        "trigger": hit.trigger,
        "matched": hit.matched,
        "reason_zh": rule.reason_zh,
        "reason_en": rule.reason_en,
        "source": rule.source,
    }


def _screen(
    session: Session, lines: list[LineIn], codes: list[str], credit: str
) -> tuple[int, list[tuple[list[dict[str, Any]], Decision]]]:
    """Hits and route of every line under the version in force."""
    version, doc = current_list(session)
    matcher = keylist.compiled(version, doc)
    found = matcher.screen(
        [
            Line(f"{x.item_name} {x.spec}", x.hs_code, float(x.weight_kg), float(x.value_cny))
            for x in lines
        ],
        [c for c in codes if c],
    )
    routes: dict[bool, Decision] = {}
    out = []
    for hits in found:
        if bool(hits) not in routes:
            context = {"credit": credit, "hits": len(hits)}
            routes[bool(hits)] = rules().evaluate("route.json", context)
        out.append(([describe(matcher, h) for h in hits], routes[bool(hits)]))
    return version, out


def _credit_measure(session: Session, org_id: str | None) -> str:
    found = repository.credit(session, org_id) if org_id else None
    return found.measure if found is not None else "none"


def check(session: Session, *, principal: Principal, data: CheckIn) -> dict[str, Any]:
    """Screen lines without declaring anything (an enterprise's own credit applies)."""
    org_id = principal.org_id if principal.is_enterprise else None
    org = session.get(Organization, org_id) if org_id else None
    codes = [org.code if org else "", data.ecommerce_code]
    version, screened = _screen(session, data.lines, codes, _credit_measure(session, org_id))
    lines = [
        {
            "position": n,
            "item_name": line.item_name,
            "hs_code": line.hs_code,
            "hits": hits,
            "route": decision.result["route"],
            "why": decision.explanation(),
        }
        for n, (line, (hits, decision)) in enumerate(zip(data.lines, screened, strict=True), 1)
    ]
    flagged = sum(1 for line in lines if line["route"] == "inspection")
    return {"list_version": version, "lines": lines, "inspection": flagged}


def declare(
    session: Session, *, principal: Principal, data: DeclarationIn, source: str = "api"
) -> KeyItemDeclaration:
    """Screen a declaration's lines and keep them with their hits; a hit goes to inspection."""
    if not principal.is_enterprise or principal.org_id is None:
        raise forbidden("only a forwarder or exporter (enterprise) submits declarations")
    org = session.get(Organization, principal.org_id)
    assert org is not None
    credit = _credit_measure(session, org.id)
    version, screened = _screen(session, data.lines, [org.code, data.ecommerce_code], credit)
    month = utcnow().strftime("%Y-%m")
    declaration = KeyItemDeclaration(
        id=new_id(),
        org_id=org.id,
        number=repository.next_number(session, month),
        entry_no=data.entry_no,
        ecommerce_code=data.ecommerce_code,
        container_no=data.container_no,
        source=source,
        list_version=version,
        line_count=len(data.lines),
        hit_count=sum(1 for hits, _ in screened if hits),
        status="released",
        month=month,
    )
    for position, (line, (hits, decision)) in enumerate(
        zip(data.lines, screened, strict=True), start=1
    ):
        route = str(decision.result["route"])
        if route == "inspection":
            declaration.status = "inspection"
        declaration.lines.append(
            KeyItemLine(
                id=new_id(),
                org_id=org.id,
                position=position,
                list_version=version,
                hits=hits,
                route=decision.explanation(),
                status="inspection" if route == "inspection" else "passed",
                **line.model_dump(),
            )
        )
    session.add(declaration)
    session.flush()
    return declaration


# --- the parallel check ----------------------------------------------------------------------


def _stronger(old: str, new: str, order: tuple[str, ...]) -> str:
    return max(old, new, key=order.index)


def _violation(
    session: Session, principal: Principal, line: KeyItemLine, kind: str, office: str
) -> KeyItemViolation:
    now = utcnow()
    prior = repository.violations_since(session, line.org_id, now - timedelta(days=365))
    decision = rules().evaluate("credit.json", {"kind": kind, "prior_12m": prior})
    made = KeyItemViolation(
        id=new_id(),
        org_id=line.org_id,
        line_id=line.id,
        declaration_id=line.declaration_id,
        kind=kind,
        agency=office,
        officer=principal.username,
        prior_12m=prior,
        measure=decision.result["measure"],
        railway_grade=decision.result["railway_grade"],
        fired=decision.explanation(),
        month=now.strftime("%Y-%m"),
    )
    session.add(made)
    session.flush()
    credit = repository.credit(session, line.org_id, lock=True)
    if credit is None:
        credit = KeyItemCredit(
            id=new_id(), org_id=line.org_id, measure="none", railway_grade="A", violations=0
        )
        session.add(credit)
    credit.measure = _stronger(credit.measure, made.measure, MEASURES)
    credit.railway_grade = _stronger(credit.railway_grade, made.railway_grade, GRADES)
    credit.violations += 1
    credit.last_violation_id = made.id
    session.flush()
    return made


def resolve(
    session: Session, *, principal: Principal, line_id: str, data: ResolveIn
) -> tuple[KeyItemLine, KeyItemViolation | None]:
    """Confirm (with what was found) or clear a line at inspection; a confirmation moves the
    enterprise's credit by the credit table."""
    office = agency(principal)
    line = repository.get_line(session, principal, line_id, lock=True)
    if data.event == "confirm" and data.kind is None:
        raise validation_error(
            "kind", "say what was found: carriage, false_declaration or concealment"
        )
    fire(
        session,
        KeyItemLineFlow,
        line,
        data.event,
        principal=principal,
        owner_org_id=line.org_id,
        note=data.note,
    )
    line.resolved_by = f"{office}:{principal.username}"
    line.resolved_at = utcnow()
    line.note = data.note
    violation = None
    if data.event == "confirm" and data.kind is not None:
        violation = _violation(session, principal, line, data.kind, office)
    line.ledger_index = _anchor(session, line, violation)
    declaration = repository.get_declaration(session, principal, line.declaration_id, lock=True)
    statuses = repository.line_statuses(session, declaration.id)
    if statuses.get("inspection"):
        declaration.status = "inspection"
    else:
        declaration.status = "violation" if statuses.get("confirmed") else "cleared"
    session.flush()
    return line, violation


def _anchor(session: Session, line: KeyItemLine, violation: KeyItemViolation | None) -> int:
    """The officer's decision in the evidence log: what was screened (the hits and the list
    version), the event, who decided for which agency, and the credit measure it caused."""
    entry = {
        "type": "cbec_key_items.resolve",
        "line": line.id,
        "declaration": line.declaration_id,
        "list_version": line.list_version,
        "rules": sorted({str(hit.get("rule_id", "")) for hit in line.hits}),
        "status": line.status,
        "by": line.resolved_by,
        "at": line.resolved_at.isoformat() if line.resolved_at else None,
        "measure": violation.measure if violation else None,
        "rows": [r["row_id"] for r in violation.fired] if violation else [],
    }
    [index] = ledger.append(
        session, ledger.EVIDENCE_LOG, [ledger.canonical(entry)], [f"cbk-line:{line.id}"]
    )
    return int(index)


# --- reading --------------------------------------------------------------------------------


def history(
    session: Session, *, principal: Principal, declaration: KeyItemDeclaration
) -> list[AuditEvent]:
    """The declaration's trail and its lines' confirmations, newest first."""
    ids = [declaration.id, *(line.id for line in declaration.lines if line.status != "passed")]
    found = list_events(
        session, principal=principal, entity_ids=ids, params=PageParams(page=1, size=200)
    )
    return list(found.items)


def dashboard(session: Session, *, principal: Principal) -> dict[str, Any]:
    """The platform's counts beside the seed's figures: containers consolidated and checked in
    the zone each save the seed's 600 CNY and half a day."""
    seed = settings()["seed"]
    version, doc = current_list(session)
    status = repository.counts(session, principal, KeyItemDeclaration.status)
    lines = repository.line_counts(session, principal)
    total = sum(lines.values())
    hit = total - lines.get("passed", 0)
    containers = repository.containers(session, principal)
    return {
        "status": status,
        "declarations": sum(status.values()),
        "lines": lines,
        "lines_total": total,
        "lines_hit": hit,
        "hit_rate": round(hit / total, 4) if total else 0.0,
        "containers": containers,
        "saved_cny": containers * int(seed["cost_saved_per_container_cny"]),
        "days_saved": containers * float(seed["days_saved"]),
        "credits": _credit_counts(session, principal),
        "list_version": version,
        "list_rules": len(doc["rules"]),
        "seed": seed,
    }


def _credit_counts(session: Session, principal: Principal) -> dict[str, int]:
    counts: dict[str, int] = {}
    for credit in repository.credits(session, principal):
        counts[credit.measure] = counts.get(credit.measure, 0) + 1
    return counts
