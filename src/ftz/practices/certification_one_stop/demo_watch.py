"""p28 demo standards watch and cooperation: standards with two versions each (texts in
data/demo_standards.yaml; the enterprises subscribe first, so second versions produce notices
with their diffs) and the seed's cooperation projects (data/demo_projects.yaml)."""

from __future__ import annotations

from datetime import date

import yaml
from sqlalchemy.orm import Session

from ftz.practices.certification_one_stop import cooperation, standards
from ftz.practices.certification_one_stop.common import HERE
from ftz.practices.certification_one_stop.demo_staff import who
from ftz.practices.certification_one_stop.schemas_watch import (
    NewStandardIn,
    ProjectEventIn,
    ProjectIn,
    StageIn,
    SubscriptionIn,
    VersionIn,
)


def load_standards(session: Session) -> int:
    """Standards with two versions each (texts: data/demo_standards.yaml); the enterprises
    subscribe first, so the second versions produce notices with their diffs."""
    ent_a, ent_b = who(session, "co.ent.a"), who(session, "co.ent.b")
    standards.subscribe(session, principal=ent_a, data=SubscriptionIn(kind="hs", value="8418"))
    standards.subscribe(session, principal=ent_b, data=SubscriptionIn(kind="hs", value="2501"))
    standards.subscribe(session, principal=ent_b, data=SubscriptionIn(kind="keyword", value="清真"))
    doc = yaml.safe_load((HERE / "data" / "demo_standards.yaml").read_text("utf-8"))
    officer = who(session, "co.standards")
    notified = 0
    for item in doc["standards"]:
        first, *later = item["versions"]
        version, _ = standards.create_standard(
            session,
            principal=officer,
            data=NewStandardIn(
                number=item["number"],
                country=item["country"],
                body=item["body"],
                mandatory=item["mandatory"],
                first=VersionIn(**first),
            ),
            today=first["effective_on"],
        )
        for nxt in later:
            _, count = standards.publish(
                session,
                principal=officer,
                standard_id=version.standard_id,
                data=VersionIn(**nxt),
                today=date.today(),
            )
            notified += count
    return notified


def load_projects(session: Session) -> None:
    doc = yaml.safe_load((HERE / "data" / "demo_projects.yaml").read_text("utf-8"))
    officer = who(session, "co.standards")
    for item in doc["projects"]:
        made = cooperation.create(session, principal=officer, data=ProjectIn(**item["project"]))
        for event in item.get("events", []):
            cooperation.add_event(
                session, principal=officer, project_id=made.id, data=ProjectEventIn(**event)
            )
        for move in item.get("stages", []):
            cooperation.move(session, principal=officer, project_id=made.id, data=StageIn(**move))
