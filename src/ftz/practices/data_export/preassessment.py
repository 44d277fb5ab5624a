"""Beijing-style pre-assessment (自评估): the indicator set is data (data/preassessment.yaml);
the score is the points of the items met, and every item not met is a gap with its advice."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import validation_error
from ftz.practices.data_export.catalogs import load_preassessment
from ftz.practices.data_export.models import PreAssessment
from ftz.practices.data_export.schemas import PreAssessmentIn
from ftz.practices.data_export.service import org_of


def score(answers: dict[str, bool]) -> tuple[str, int, bool, list[dict[str, object]]]:
    """(catalog version, score, passed, gaps) for the answers (sub-indicator id → met)."""
    indicators = load_preassessment()
    known = {sub.id for major in indicators.majors for sub in major.subs}
    unknown = sorted(set(answers) - known)
    if unknown:
        raise validation_error("answers", f"unknown indicators: {', '.join(unknown[:5])}")
    points = 0
    gaps: list[dict[str, object]] = []
    for major in indicators.majors:
        for sub in major.subs:
            if answers.get(sub.id, False):
                points += sub.points
                continue
            gaps.append(
                {
                    "id": sub.id,
                    "major": major.id,
                    "name_zh": sub.name_zh,
                    "name_en": sub.name_en,
                    "points": sub.points,
                    "mandatory": sub.mandatory,
                    "advice_zh": sub.advice_zh,
                    "advice_en": sub.advice_en,
                    "citation": sub.citation,
                }
            )
    mandatory_gap = any(gap["mandatory"] for gap in gaps)
    passed = points >= indicators.pass_mark and not mandatory_gap
    return indicators.version, points, passed, gaps


def preassess(session: Session, *, principal: Principal, data: PreAssessmentIn) -> PreAssessment:
    version, points, passed, gaps = score(data.answers)
    record = PreAssessment(
        org_id=org_of(principal),
        title=data.title,
        catalog_version=version,
        answers=dict(data.answers),
        score=points,
        passed=passed,
        gaps=gaps,
    )
    session.add(record)
    session.flush()
    return record
