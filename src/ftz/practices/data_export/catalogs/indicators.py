"""Model of data/preassessment.yaml: the Beijing-style pre-assessment indicator set (8 major
indicators, 74 sub-indicators, 100 points), validated on load."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from ftz.practices.data_export.catalogs.models import Frozen, Source, Status

# The shape announced by the Beijing FTZ (8 大项 74 子项, seed case 1); a file that drifts from
# it is more likely an editing mistake than a new scheme, so it is rejected.
MAJORS = 8
SUBS = 74
TOTAL_POINTS = 100


class Indicator(Frozen):
    id: str
    name_zh: str
    name_en: str
    points: int = Field(ge=0)
    mandatory: bool = False
    advice_zh: str
    advice_en: str
    citation: str


class Major(Frozen):
    id: str
    name_zh: str
    name_en: str
    subs: tuple[Indicator, ...] = Field(min_length=1)

    @property
    def points(self) -> int:
        return sum(sub.points for sub in self.subs)


class PreAssessmentIndicators(Frozen):
    catalog: str
    version: str
    effective_from: dt.date
    supersedes: str | None = None
    status: Status
    sources: tuple[Source, ...] = ()
    pass_mark: int = Field(ge=0, le=TOTAL_POINTS)
    majors: tuple[Major, ...]

    @property
    def subs(self) -> list[Indicator]:
        return [sub for major in self.majors for sub in major.subs]

    def indicator(self, sub_id: str) -> Indicator:
        for sub in self.subs:
            if sub.id == sub_id:
                return sub
        raise KeyError(f"unknown indicator {sub_id!r}")

    @model_validator(mode="after")
    def _shape(self) -> PreAssessmentIndicators:
        if len(self.majors) != MAJORS:
            raise ValueError(f"majors: expected {MAJORS}, found {len(self.majors)}")
        subs = self.subs
        if len(subs) != SUBS:
            raise ValueError(f"majors.subs: expected {SUBS} sub-indicators, found {len(subs)}")
        total = sum(sub.points for sub in subs)
        if total != TOTAL_POINTS:
            raise ValueError(f"majors.subs.points: must sum to {TOTAL_POINTS}, found {total}")
        ids = [m.id for m in self.majors] + [s.id for s in subs]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"id: repeated ids {repeated}")
        for major in self.majors:
            for sub in major.subs:
                if not sub.id.startswith(f"{major.id}."):
                    raise ValueError(f"majors.subs.id: {sub.id} must start with '{major.id}.'")
        return self
