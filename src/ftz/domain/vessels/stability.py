"""Intact stability of a ship carrying grain in bulk, checked against the International Grain
Code (IMO resolution MSC.23(59), Part A section 7).

The grain heeling arm is λ0 = volumetric heeling moment / (stowage factor × displacement) at 0°
and λ40 = 0.8 λ0 at 40°, joined by a straight line (continued at the same slope beyond 40°, which
only matters when the ship would heel past 40°). The righting arm (GZ) curve is taken as given
point by point and read piecewise linearly between its points, so the angle of heel (the first
intersection of the two curves) and the residual area between them are exact for that reading
and can be checked by hand; a curve tabulated every 5° follows a smooth GZ curve closely.

Criteria (A 7.1.1-7.1.3; the limits and their paragraphs are in `rules/grain_stability.yaml`):
- angle of heel ≤ 12°, or for ships constructed on or after 1 January 1994 the deck-edge
  immersion angle if that is less (older ships: 12°, the Code has no deck-edge clause for them);
- residual area between GZ and heeling arm, from the angle of heel up to the least of 40°, the
  flooding angle and the angle of maximum difference between the curves, ≥ 0.075 m·rad (the
  maximum difference is sought over the whole curve beyond the angle of heel);
- initial GM corrected for free surfaces ≥ 0.30 m.
A ship whose GZ curve never reaches the heeling arm would capsize: no angle of heel, no area,
the check fails.
"""

from __future__ import annotations

import math
from datetime import date
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

LIMITS_FILE = Path(__file__).with_name("rules") / "grain_stability.yaml"
GZ_AT_ZERO_TOLERANCE_M = 0.001  # GZ of an upright ship is zero; allow rounding of the input


class _Source(BaseModel):
    source: str


class _HeelingArm(_Source):
    ratio_at_reference_angle: float
    reference_angle_deg: float


class _HeelAngle(_Source):
    max_deg: float
    deck_edge_limit_for_ships_built_from: date


class _ResidualArea(_Source):
    min_mrad: float
    max_angle_deg: float


class _Gm(_Source):
    min_m: float


class _Curve(_Source):
    required_angles_deg: list[float]
    min_points: int


class GrainLimits(BaseModel):
    document: str
    heeling_arm: _HeelingArm
    heel_angle: _HeelAngle
    residual_area: _ResidualArea
    gm: _Gm
    righting_arm_curve: _Curve


@cache
def grain_limits() -> GrainLimits:
    return GrainLimits.model_validate(yaml.safe_load(LIMITS_FILE.read_text(encoding="utf-8")))


class GrainCondition(BaseModel):
    """One loading condition, as the ship's grain loading booklet gives it."""

    model_config = ConfigDict(allow_inf_nan=False)

    displacement_t: float = Field(gt=0, le=1_000_000)
    stowage_factor_m3_per_t: float = Field(gt=0, le=10)
    volumetric_heeling_moment_m4: float = Field(ge=0, le=100_000_000)
    gm_corrected_m: float = Field(ge=-20, le=50)
    gz_curve: list[tuple[float, float]] = Field(
        max_length=361, description="[heel_deg, gz_m] points, from 0°, angles increasing"
    )
    flooding_angle_deg: float = Field(
        gt=0, le=90, description="angle of flooding θf; give 90 when no opening immerses"
    )
    deck_edge_immersion_deg: float = Field(gt=0, le=90)
    built_on_or_after_1994: bool = Field(description="constructed on or after 1 January 1994")

    @field_validator("gz_curve")
    @classmethod
    def _curve_is_usable(cls, curve: list[tuple[float, float]]) -> list[tuple[float, float]]:
        rules = grain_limits().righting_arm_curve
        if len(curve) < rules.min_points:
            raise ValueError(f"give at least {rules.min_points} points of the GZ curve")
        if curve[0][0] != 0:
            raise ValueError("the GZ curve must start at 0° heel")
        if abs(curve[0][1]) > GZ_AT_ZERO_TOLERANCE_M:
            raise ValueError("GZ at 0° heel must be 0 m (upright ship)")
        for (before, _), (after, _) in pairwise(curve):
            if after <= before:
                raise ValueError(f"heel angles must increase: {after:g}° after {before:g}°")
        for angle, gz in curve:
            if not 0 <= angle <= 90:
                raise ValueError(f"heel angle {angle:g}° is outside 0-90°")
            if abs(gz) > 20:
                raise ValueError(f"GZ of {gz:g} m at {angle:g}° is not a righting arm")
        angles = {angle for angle, _ in curve}
        missing = [a for a in rules.required_angles_deg if a not in angles]
        if missing:
            listed = ", ".join(f"{a:g}°" for a in missing)
            raise ValueError(f"the GZ curve must include points at {listed} ({rules.source})")
        return curve


class GrainCriterion(BaseModel):
    model_config = ConfigDict(serialize_by_alias=True, validate_by_name=True)

    name: Literal["heel_angle", "residual_area", "gm"]
    value: float | None
    limit: float
    passed: bool = Field(alias="pass")
    source: str


class GrainStabilityResult(BaseModel):
    model_config = ConfigDict(serialize_by_alias=True, validate_by_name=True)

    heel_angle_deg: float | None
    residual_area_mrad: float
    gm_m: float
    passed: bool = Field(alias="pass")
    criteria: list[GrainCriterion]
    heeling_arm_0_m: float
    heeling_arm_40_m: float
    # Where the residual area stops and why: "40_deg", "flooding_angle" or "max_difference".
    area_upper_angle_deg: float | None
    area_upper_bound: str | None


def _heeling_arm(angle: float, arm_0: float, arm_ref: float, ref_angle: float) -> float:
    return arm_0 + (arm_ref - arm_0) * angle / ref_angle


def _gz(curve: list[tuple[float, float]], angle: float) -> float:
    """GZ read linearly between the two curve points around `angle` (within the curve)."""
    for (a0, gz0), (a1, gz1) in pairwise(curve):
        if a0 <= angle <= a1:
            return gz0 + (gz1 - gz0) * (angle - a0) / (a1 - a0)
    raise ValueError(f"{angle}° is outside the GZ curve")  # pragma: no cover - callers clamp


def _first_intersection(differences: list[tuple[float, float]]) -> float | None:
    """First angle where GZ − heeling arm reaches zero (both linear between curve points)."""
    if differences[0][1] >= 0:
        return differences[0][0]
    for (a0, d0), (a1, d1) in pairwise(differences):
        if d0 < 0 <= d1:
            return a0 + (a1 - a0) * (-d0) / (d1 - d0)
    return None


def _area_deg(differences: list[tuple[float, float]], start: float, end: float) -> float:
    """∫ (GZ − heeling arm) dθ from start to end, in m·degree (exact: trapezoids per segment)."""
    if end <= start:
        return 0.0
    points = [(a, d) for a, d in differences if start < a < end]
    # The difference is linear between curve points too, so it is read like GZ.
    nodes = [(start, _gz(differences, start)), *points, (end, _gz(differences, end))]
    return sum((a1 - a0) * (d0 + d1) / 2 for (a0, d0), (a1, d1) in pairwise(nodes))


def check_grain_stability(condition: GrainCondition) -> GrainStabilityResult:
    limits = grain_limits()
    arm = limits.heeling_arm
    arm_0 = condition.volumetric_heeling_moment_m4 / (
        condition.stowage_factor_m3_per_t * condition.displacement_t
    )
    arm_ref = arm.ratio_at_reference_angle * arm_0
    differences = [
        (angle, gz - _heeling_arm(angle, arm_0, arm_ref, arm.reference_angle_deg))
        for angle, gz in condition.gz_curve
    ]
    heel = _first_intersection(differences)

    heel_limit = limits.heel_angle.max_deg
    heel_source = limits.heel_angle.source
    if condition.built_on_or_after_1994 and condition.deck_edge_immersion_deg < heel_limit:
        heel_limit = condition.deck_edge_immersion_deg
        built_from = limits.heel_angle.deck_edge_limit_for_ships_built_from
        heel_source += f" (deck-edge immersion angle: ship built on or after {built_from})"

    area_mrad = 0.0
    upper: float | None = None
    bound: str | None = None
    if heel is not None:
        beyond = [(a, d) for a, d in differences if a > heel]
        max_difference_angle = heel
        if beyond and max(d for _, d in beyond) > 0:
            best = max(d for _, d in beyond)
            max_difference_angle = next(a for a, d in beyond if d == best)
        candidates = [
            (limits.residual_area.max_angle_deg, "40_deg"),
            (condition.flooding_angle_deg, "flooding_angle"),
            (max_difference_angle, "max_difference"),
        ]
        upper, bound = min(candidates, key=lambda item: item[0])
        area_mrad = math.radians(_area_deg(differences, heel, upper))

    gm_limit = limits.gm.min_m
    heel_ok = heel is not None and heel <= heel_limit
    area_ok = heel is not None and area_mrad >= limits.residual_area.min_mrad
    gm_ok = condition.gm_corrected_m >= gm_limit
    criteria = [
        GrainCriterion(
            name="heel_angle",
            value=None if heel is None else round(heel, 2),
            limit=heel_limit,
            passed=heel_ok,
            source=heel_source,
        ),
        GrainCriterion(
            name="residual_area",
            value=round(area_mrad, 4),
            limit=limits.residual_area.min_mrad,
            passed=area_ok,
            source=limits.residual_area.source,
        ),
        GrainCriterion(
            name="gm",
            value=condition.gm_corrected_m,
            limit=gm_limit,
            passed=gm_ok,
            source=limits.gm.source,
        ),
    ]
    return GrainStabilityResult(
        heel_angle_deg=None if heel is None else round(heel, 2),
        residual_area_mrad=round(area_mrad, 4),
        gm_m=condition.gm_corrected_m,
        passed=heel_ok and area_ok and gm_ok,
        criteria=criteria,
        heeling_arm_0_m=round(arm_0, 4),
        heeling_arm_40_m=round(arm_ref, 4),
        area_upper_angle_deg=None if upper is None else round(upper, 2),
        area_upper_bound=bound,
    )
