"""The p05 demo in the seed's proportions: 188 unlisted goods agreed by Liaoning MSA, Dalian's
42 proposals with 19 adopted, Xiamen's barite powder adopted as group A by IMSBC 07-23, the hot
pot moved from class 4.1 to class 9, coarse iron powder to general cargo; loading it twice
changes nothing."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import SYSTEM
from ftz.practices.cargo_rules import cargoes, lookup, reports, repository
from ftz.practices.cargo_rules.demo import load_demo
from ftz.practices.cargo_rules.models import Assessment, Cargo


def test_demo_follows_the_seed(session: Session) -> None:
    summary = load_demo(session)
    assert summary == {"loaded": True, "listed": 41, "agreed": 189, "proposals": 45}
    stats = reports.statistics(session, SYSTEM)
    assert stats["assessments"]["agreed_by_authority"]["辽宁海事局（演示）"] == 188
    by_proposer = stats["proposals"]["by_proposer"]
    assert by_proposer["辽宁海事局（演示）"] == {"submitted": 42, "adopted": 19}
    assert by_proposer["厦门海事局（演示）"] == {"submitted": 1, "adopted": 1}
    open_ = session.scalar(
        select(func.count()).where(Assessment.status.in_(("requested", "assessing")))
    )
    assert open_ == 2

    barite = repository.cargo(session, lookup.find(session, "化工级重晶石粉")["results"][0]["id"])
    assert (barite.status, barite.imsbc_group, barite.amendment) == ("adopted", "A", "IMSBC 07-23")
    in_force, version = cargoes.conditions_on(session, barite, date(2024, 5, 10))
    assert version.label == "IMSBC 07-23" and in_force["imsbc_group"] == "A"
    _, earlier = cargoes.conditions_on(session, barite, date(2023, 6, 30))
    assert earlier.label.startswith("tripartite ")

    hot_pot = lookup.find(session, "UN3541")["results"]
    assert hot_pot[0]["name_zh"] == "自热火锅" and hot_pot[0]["imdg_class"] == "9"
    assert hot_pot[0]["matched"] == ["formerly UN3541"]
    iron = repository.cargo(session, "IRON-POWDER-COARSE")
    assert (iron.regime, iron.status, iron.un_number) == ("general", "adopted", "")

    assert load_demo(session) == {"loaded": False}
    assert session.scalar(select(func.count(Cargo.id))) == 41 + 189
