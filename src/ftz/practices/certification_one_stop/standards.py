"""Standards watch. The standards centre publishes partner-country standards as versions (number,
title, HS codes and products covered, effective date, summary, text); each new version is
compared clause by clause with the previous one (diffing.py). Enterprises subscribe by HS code
(a valid HS 2022 code or prefix; a subscription to 84 hears of 8418 and one to 841821 hears of a
standard covering 8418) or by product keyword. Publishing or withdrawing notifies every matching
enterprise once, in the app, with the diff summary and the notification rule that fired."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.db.base import utcnow
from ftz.core.kit.errors import conflict, validation_error
from ftz.practices.certification_one_stop import diffing, hs_codes, repository
from ftz.practices.certification_one_stop.common import (
    anchor,
    own_org,
    require_department,
    rules,
)
from ftz.practices.certification_one_stop.models import (
    PartnerStandard,
    StandardVersion,
    WatchNotification,
    WatchSubscription,
)
from ftz.practices.certification_one_stop.permissions import STANDARDS
from ftz.practices.certification_one_stop.schemas_watch import (
    NewStandardIn,
    SubscriptionIn,
    VersionIn,
)


def _hs_list(codes: list[str]) -> list[str]:
    return list(dict.fromkeys(hs_codes.check(c, f"hs_codes[{i}]") for i, c in enumerate(codes)))


def create_standard(
    session: Session, *, principal: Principal, data: NewStandardIn, today: date | None = None
) -> tuple[StandardVersion, int]:
    require_department(principal, STANDARDS, "publish standards")
    number = " ".join(data.number.split())
    if repository.standard_by_number(session, number) is not None:
        raise conflict(f"standard {number} exists; publish a new version of it instead")
    standard = PartnerStandard(
        number=number,
        country=data.country,
        body=data.body.strip(),
        mandatory=data.mandatory,
        status="active",
    )
    session.add(standard)
    session.flush()
    return publish(
        session, principal=principal, standard_id=standard.id, data=data.first, today=today
    )


def publish(
    session: Session,
    *,
    principal: Principal,
    standard_id: str,
    data: VersionIn,
    today: date | None = None,
) -> tuple[StandardVersion, int]:
    """A new version, its diff against the latest one, and the notices; returns the version and
    how many enterprises were notified."""
    require_department(principal, STANDARDS, "publish standards")
    standard = repository.get_public(session, PartnerStandard, standard_id)
    if standard.status != "active":
        raise conflict(f"standard {standard.number} is withdrawn")
    if data.version.strip() in {v.version for v in repository.versions(session, standard.id)}:
        raise validation_error("version", f"{standard.number} already has version {data.version}")
    if not data.hs_codes and not data.products:
        raise validation_error("hs_codes", "name the HS codes or the products the standard covers")
    hs = _hs_list(data.hs_codes)
    previous = next(iter(repository.versions(session, standard.id)), None)
    diff = diffing.compare(previous.text if previous else "", data.text)
    text_sha = hashlib.sha256(data.text.encode("utf-8")).hexdigest()
    entry = {
        "type": "certification_one_stop.standard_version",
        "number": standard.number,
        "version": data.version.strip(),
        "effective_on": data.effective_on.isoformat(),
        "text_sha256": text_sha,
        "hs_codes": hs,
    }
    version = StandardVersion(
        standard_id=standard.id,
        version=data.version.strip(),
        title=data.title.strip(),
        hs_codes=hs,
        products=[p.strip() for p in data.products if p.strip()],
        effective_on=data.effective_on,
        summary=data.summary.strip(),
        text=data.text,
        diff={**diff, "previous": previous.version if previous else None},
        published_by=principal.username,
        published_at=utcnow(),
        ledger_index=anchor(session, entry, f"cos-standard:{standard.number}:{data.version}"),
    )
    session.add(version)
    session.flush()
    change = "new_version" if previous else "new_standard"
    return version, notify(session, standard, version, change, today or date.today())


def withdraw(
    session: Session, *, principal: Principal, standard_id: str, today: date | None = None
) -> int:
    require_department(principal, STANDARDS, "withdraw standards")
    standard = repository.get_public(session, PartnerStandard, standard_id)
    if standard.status != "active":
        raise conflict(f"standard {standard.number} is already withdrawn")
    latest = next(iter(repository.versions(session, standard.id)), None)
    standard.status = "withdrawn"
    anchor(
        session,
        {"type": "certification_one_stop.standard_withdrawn", "number": standard.number},
        f"cos-withdrawn:{standard.number}",
    )
    session.flush()
    return notify(session, standard, latest, "withdrawn", today or date.today()) if latest else 0


def matches(subscription: WatchSubscription, version: StandardVersion) -> bool:
    if subscription.kind == "hs":
        wanted = subscription.value
        return any(code.startswith(wanted) or wanted.startswith(code) for code in version.hs_codes)
    keyword = subscription.value.casefold()
    products = [p.casefold() for p in version.products]
    return keyword in version.title.casefold() or any(keyword in p for p in products)


def decide(
    standard: PartnerStandard, version: StandardVersion, change: str, today: date
) -> dict[str, Any]:
    """The notification rule for this change (the same for every subscriber)."""
    counts = version.diff.get("counts", {})
    changed = sum(int(counts.get(k, 0)) for k in ("changed", "added", "removed"))
    facts = {
        "change": change,
        "mandatory": standard.mandatory,
        "days_to_effective": (version.effective_on - today).days,
        "changed_clauses": changed,
    }
    decision = rules().evaluate("notification.json", facts)
    return {**decision.result, "fired": decision.explanation()}


def headline(standard: PartnerStandard, version: StandardVersion, change: str) -> str:
    what = {"new_standard": "new standard", "new_version": "new version", "withdrawn": "withdrawn"}[
        change
    ]
    return (
        f"{standard.number}:{version.version} {version.title} ({what}, "
        f"effective {version.effective_on.isoformat()})"
    )


def notify(
    session: Session, standard: PartnerStandard, version: StandardVersion, change: str, today: date
) -> int:
    decision = decide(standard, version, change, today)
    if not decision["notify"]:
        return 0
    by_org: dict[str, list[str]] = {}
    for subscription in repository.active_subscriptions(session):
        if matches(subscription, version):
            by_org.setdefault(subscription.org_id, []).append(
                f"{subscription.kind}:{subscription.value}"
            )
    body = headline(standard, version, change)
    if change != "withdrawn":
        body += "\n" + diffing.summary(version.diff)
    for org_id, matched in by_org.items():
        session.add(
            WatchNotification(
                org_id=org_id,
                version_id=version.id,
                change=change,
                priority=decision["priority"],
                matched=matched,
                summary=body,
                fired=decision["fired"],
            )
        )
    session.flush()
    return len(by_org)


def subscribe(session: Session, *, principal: Principal, data: SubscriptionIn) -> WatchSubscription:
    org_id = own_org(principal)
    if data.kind == "hs":
        value = hs_codes.check(data.value, "value")
    else:
        value = " ".join(data.value.split())
        if len(value) < 2:
            raise validation_error("value", "a product keyword has at least 2 characters")
    found = repository.subscription(session, org_id, data.kind, value)
    if found is not None and found.active:
        raise conflict(f"already subscribed to {data.kind} {value}")
    if found is not None:
        found.active = True
    else:
        found = WatchSubscription(org_id=org_id, kind=data.kind, value=value, active=True)
        session.add(found)
    session.flush()
    return found


def unsubscribe(
    session: Session, *, principal: Principal, subscription_id: str
) -> WatchSubscription:
    own_org(principal)
    found = repository.get_owned(session, principal, WatchSubscription, subscription_id)
    found.active = False
    session.flush()
    return found


def mark_read(session: Session, *, principal: Principal, notification_id: str) -> WatchNotification:
    own_org(principal)
    found = repository.get_owned(session, principal, WatchNotification, notification_id)
    if found.read_at is None:
        found.read_at = utcnow()
        session.flush()
    return found
