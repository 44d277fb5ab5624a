"""Grain stability check (International Grain Code, MSC.23(59) A 7) on worked examples whose
numbers were computed by hand, independently of the code; the arithmetic is in each docstring.

Conventions of the hand calculations: the GZ curve is read linearly between its points, so GZ
minus the heeling arm is linear between points too; areas are trapezoids in m·degree, converted
with 1° = π/180 rad = 0.0174532925 rad.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from ftz.domain.vessels.stability import (
    LIMITS_FILE,
    GrainCondition,
    check_grain_stability,
    grain_limits,
)

DEG = 0.0174532925  # rad per degree

# GZ = 0.02 m per degree of heel: a straight line, so every quantity has a closed form.
LINEAR_GZ = [(0, 0.0), (10, 0.2), (12, 0.24), (20, 0.4), (30, 0.6), (40, 0.8), (50, 1.0)]

# A handymax bulk carrier in a homogeneous wheat condition (GZ from its KN cross curves).
HANDYMAX_GZ = [
    (0, 0.0),
    (5, 0.10),
    (10, 0.21),
    (12, 0.26),
    (15, 0.33),
    (20, 0.46),
    (25, 0.58),
    (30, 0.68),
    (35, 0.75),
    (40, 0.79),
    (50, 0.76),
    (60, 0.62),
]

# A small tween-decker whose GZ peaks at 30°: the angle of maximum difference governs.
COASTER_GZ = [
    (0, 0.0),
    (5, 0.06),
    (10, 0.13),
    (12, 0.16),
    (15, 0.20),
    (20, 0.27),
    (25, 0.32),
    (30, 0.34),
    (35, 0.33),
    (40, 0.29),
    (50, 0.17),
    (60, 0.02),
]


def linear_condition(**changes: Any) -> GrainCondition:
    """λ0 = 6000 / (1.5 × 20000) = 0.2 m unless the heeling moment is changed."""
    data: dict[str, Any] = {
        "displacement_t": 20_000,
        "stowage_factor_m3_per_t": 1.5,
        "volumetric_heeling_moment_m4": 6_000,
        "gm_corrected_m": 1.15,
        "gz_curve": LINEAR_GZ,
        "flooding_angle_deg": 45,
        "deck_edge_immersion_deg": 15,
        "built_on_or_after_1994": True,
    }
    data.update(changes)
    return GrainCondition.model_validate(data)


def criterion(result: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(c for c in result["criteria"] if c["name"] == name)
    return found


def test_linear_curve_closed_form() -> None:
    """λ0 = 6000 m⁴ / (1.5 m³/t × 20000 t) = 0.2 m; λ40 = 0.8 × 0.2 = 0.16 m;
    heeling arm λ(θ) = 0.2 − 0.001 θ.
    Heel: 0.02 θ = 0.2 − 0.001 θ → θ = 0.2 / 0.021 = 9.5238°  (≤ 12°, deck edge 15°: pass).
    GZ − λ = 0.021 θ − 0.2 grows up to the end of the curve (50°), so the area stops at 40°:
    a triangle of base 40 − 9.5238 = 30.4762° and height 0.021 × 40 − 0.2 = 0.64 m:
    0.5 × 30.4762 × 0.64 = 9.75238 m·deg × 0.0174532925 = 0.170212 m·rad  (≥ 0.075: pass).
    GM 1.15 m ≥ 0.30 m: pass.
    """
    result = check_grain_stability(linear_condition()).model_dump()
    assert result["heeling_arm_0_m"] == pytest.approx(0.2)
    assert result["heeling_arm_40_m"] == pytest.approx(0.16)
    assert result["heel_angle_deg"] == pytest.approx(9.5238, abs=0.005)
    assert result["residual_area_mrad"] == pytest.approx(0.170212, abs=0.00005)
    assert result["area_upper_angle_deg"] == 40
    assert result["area_upper_bound"] == "40_deg"
    assert result["gm_m"] == 1.15
    assert result["pass"] is True
    assert [c["name"] for c in result["criteria"]] == ["heel_angle", "residual_area", "gm"]
    assert all(c["pass"] for c in result["criteria"])
    assert set(result["criteria"][0]) == {"name", "value", "limit", "pass", "source"}


def test_handymax_wheat_condition() -> None:
    """λ0 = 11700 / (1.30 × 45000) = 11700 / 58500 = 0.2 m; λ(θ) = 0.2 − 0.001 θ.
    GZ − λ at the curve points: 0°: −0.2; 5°: 0.10 − 0.195 = −0.095; 10°: 0.21 − 0.19 = 0.02;
    12°: 0.072; 15°: 0.145; 20°: 0.28; 25°: 0.405; 30°: 0.51; 35°: 0.585; 40°: 0.63;
    50°: 0.76 − 0.15 = 0.61; 60°: 0.62 − 0.14 = 0.48 → maximum difference at 40°.
    Heel between 5° and 10°: 5 + 5 × 0.095 / (0.095 + 0.02) = 5 + 4.1304 = 9.1304°.
    Area to min(40°, θf 45°, 40°) = 40°, trapezoids in m·deg:
    0.8696 × 0.01 = 0.0086957; 2 × 0.046 = 0.092; 3 × 0.1085 = 0.3255; 5 × 0.2125 = 1.0625;
    5 × 0.3425 = 1.7125; 5 × 0.4575 = 2.2875; 5 × 0.5475 = 2.7375; 5 × 0.6075 = 3.0375;
    sum 11.2636957 m·deg × 0.0174532925 = 0.196588 m·rad.  GM 1.10 m.  All pass.
    """
    condition = GrainCondition(
        displacement_t=45_000,
        stowage_factor_m3_per_t=1.30,
        volumetric_heeling_moment_m4=11_700,
        gm_corrected_m=1.10,
        gz_curve=HANDYMAX_GZ,
        flooding_angle_deg=45,
        deck_edge_immersion_deg=16.5,
        built_on_or_after_1994=True,
    )
    result = check_grain_stability(condition).model_dump()
    assert result["heel_angle_deg"] == pytest.approx(9.1304, abs=0.005)
    assert result["residual_area_mrad"] == pytest.approx(11.2636957 * DEG, abs=0.00005)
    assert result["residual_area_mrad"] == pytest.approx(0.196588, abs=0.00005)
    assert result["area_upper_angle_deg"] == 40
    assert result["pass"] is True


def test_max_difference_bounds_the_area_and_fails_it_alone() -> None:
    """λ0 = 5850 / (1.30 × 45000) = 0.1 m; λ(θ) = 0.1 − 0.0005 θ.
    GZ − λ: 5°: 0.06 − 0.0975 = −0.0375; 10°: 0.13 − 0.095 = 0.035; 12°: 0.066;
    15°: 0.1075; 20°: 0.18; 25°: 0.2325; 30°: 0.255; 35°: 0.2475; 40°: 0.21 → maximum at 30°.
    Heel: 5 + 5 × 0.0375 / 0.0725 = 7.5862° (pass).  Area to min(40, 45, 30) = 30°:
    2.4138 × 0.0175 = 0.0422414; 2 × 0.0505 = 0.101; 3 × 0.08675 = 0.26025;
    5 × 0.14375 = 0.71875; 5 × 0.20625 = 1.03125; 5 × 0.24375 = 1.21875;
    sum 3.3722414 m·deg × 0.0174532925 = 0.058857 m·rad < 0.075: fails; GM 0.65 m passes.
    """
    condition = GrainCondition(
        displacement_t=45_000,
        stowage_factor_m3_per_t=1.30,
        volumetric_heeling_moment_m4=5_850,
        gm_corrected_m=0.65,
        gz_curve=COASTER_GZ,
        flooding_angle_deg=45,
        deck_edge_immersion_deg=14,
        built_on_or_after_1994=True,
    )
    result = check_grain_stability(condition).model_dump()
    assert result["heel_angle_deg"] == pytest.approx(7.5862, abs=0.005)
    assert result["area_upper_angle_deg"] == 30
    assert result["area_upper_bound"] == "max_difference"
    assert result["residual_area_mrad"] == pytest.approx(0.058857, abs=0.00005)
    assert [c["pass"] for c in result["criteria"]] == [True, False, True]
    assert result["pass"] is False


def test_flooding_angle_below_40_bounds_the_area() -> None:
    """Linear ship, θf = 30°: area to 30°: 0.5 × (30 − 9.5238) × (0.021 × 30 − 0.2)
    = 0.5 × 20.4762 × 0.43 = 4.40238 m·deg = 0.076835 m·rad: passes, just.
    θf = 29°: 0.5 × 19.4762 × 0.409 = 3.98288 m·deg = 0.069514 m·rad: the area alone fails.
    """
    at_30 = check_grain_stability(linear_condition(flooding_angle_deg=30)).model_dump()
    assert at_30["area_upper_bound"] == "flooding_angle"
    assert at_30["residual_area_mrad"] == pytest.approx(0.076835, abs=0.00005)
    assert at_30["pass"] is True

    at_29 = check_grain_stability(linear_condition(flooding_angle_deg=29)).model_dump()
    assert at_29["area_upper_angle_deg"] == 29
    assert at_29["residual_area_mrad"] == pytest.approx(0.069514, abs=0.00005)
    assert [c["pass"] for c in at_29["criteria"]] == [True, False, True]
    assert at_29["pass"] is False


def test_heel_angle_fails_alone() -> None:
    """Heeling moment 9000 m⁴: λ0 = 9000 / 30000 = 0.3 m, λ = 0.3 − 0.0015 θ.
    Heel: 0.0215 θ = 0.3 → θ = 13.9535° > 12°: fails.  Area to 40°: 0.5 × 26.0465 × 0.56
    = 7.29302 m·deg = 0.127287 m·rad: passes; GM passes.
    """
    result = check_grain_stability(
        linear_condition(volumetric_heeling_moment_m4=9_000, deck_edge_immersion_deg=20)
    ).model_dump()
    assert result["heel_angle_deg"] == pytest.approx(13.9535, abs=0.005)
    assert criterion(result, "heel_angle")["limit"] == 12
    assert result["residual_area_mrad"] == pytest.approx(0.127287, abs=0.00005)
    assert [c["pass"] for c in result["criteria"]] == [False, True, True]
    assert result["pass"] is False


def test_deck_edge_limit_applies_only_from_1994() -> None:
    """Heel 9.5238° with the deck edge immersed at 9°: a ship built in or after 1994 is held
    to 9° and fails; an older ship is held to 12° only (A 7.1.1) and passes."""
    new = check_grain_stability(linear_condition(deck_edge_immersion_deg=9)).model_dump()
    heel = criterion(new, "heel_angle")
    assert heel["limit"] == 9
    assert heel["pass"] is False
    assert "deck-edge" in heel["source"]
    assert new["pass"] is False

    old = check_grain_stability(
        linear_condition(deck_edge_immersion_deg=9, built_on_or_after_1994=False)
    ).model_dump()
    assert criterion(old, "heel_angle")["limit"] == 12
    assert old["pass"] is True


def test_gm_fails_alone() -> None:
    """Same ship, corrected GM 0.29 m < 0.30 m: only the GM criterion fails."""
    result = check_grain_stability(linear_condition(gm_corrected_m=0.29)).model_dump()
    assert [c["pass"] for c in result["criteria"]] == [True, True, False]
    gm = criterion(result, "gm")
    assert (gm["value"], gm["limit"], gm["pass"]) == (0.29, 0.3, False)
    assert result["pass"] is False
    exactly = check_grain_stability(linear_condition(gm_corrected_m=0.30)).model_dump()
    assert exactly["pass"] is True


def test_no_intersection_is_a_capsize() -> None:
    """GZ never exceeds 0.05 m while the heeling arm is at least 0.2 − 0.001 × 60 = 0.14 m:
    the curves never meet, the ship would capsize: no heel angle, no area, fail."""
    weak = [(0, 0.0), (10, 0.03), (12, 0.035), (20, 0.05), (30, 0.04), (40, 0.02), (60, -0.1)]
    result = check_grain_stability(linear_condition(gz_curve=weak)).model_dump()
    assert result["heel_angle_deg"] is None
    assert result["residual_area_mrad"] == 0
    heel = criterion(result, "heel_angle")
    assert (heel["value"], heel["limit"], heel["pass"]) == (None, 12, False)
    assert criterion(result, "residual_area")["pass"] is False
    assert result["pass"] is False


def test_flooding_before_the_heel_angle_leaves_no_area() -> None:
    """θf 8° is below the heel angle 9.5238°: no residual area at all."""
    result = check_grain_stability(linear_condition(flooding_angle_deg=8)).model_dump()
    assert result["residual_area_mrad"] == 0
    assert result["area_upper_bound"] == "flooding_angle"
    assert result["pass"] is False


def test_no_heeling_moment_means_no_heel() -> None:
    """Full holds with no void: λ0 = 0, the ship stays upright and the area is the whole
    GZ area to 40°: 0.5 × 40 × 0.8 = 16 m·deg = 0.279253 m·rad."""
    result = check_grain_stability(linear_condition(volumetric_heeling_moment_m4=0)).model_dump()
    assert result["heel_angle_deg"] == 0
    assert result["residual_area_mrad"] == pytest.approx(0.279253, abs=0.00005)
    assert result["pass"] is True


def test_limits_are_data_with_their_paragraphs() -> None:
    data = yaml.safe_load(LIMITS_FILE.read_text(encoding="utf-8"))
    limits = grain_limits()
    assert limits.heel_angle.max_deg == data["heel_angle"]["max_deg"] == 12
    assert limits.residual_area.min_mrad == data["residual_area"]["min_mrad"] == 0.075
    assert limits.gm.min_m == data["gm"]["min_m"] == 0.30
    assert limits.heeling_arm.ratio_at_reference_angle == 0.8
    result = check_grain_stability(linear_condition()).model_dump()
    assert [c["source"] for c in result["criteria"]] == [
        limits.heel_angle.source,
        limits.residual_area.source,
        limits.gm.source,
    ]
    assert all("MSC.23(59) A 7.1" in c["source"] for c in result["criteria"])


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"displacement_t": 0}, "displacement_t", "greater than 0"),
        ({"stowage_factor_m3_per_t": -1.2}, "stowage_factor_m3_per_t", "greater than 0"),
        ({"volumetric_heeling_moment_m4": -5}, "volumetric_heeling_moment_m4", "greater than"),
        ({"flooding_angle_deg": 95}, "flooding_angle_deg", "less than or equal to 90"),
        ({"deck_edge_immersion_deg": None}, "deck_edge_immersion_deg", "valid number"),
        ({"built_on_or_after_1994": "perhaps"}, "built_on_or_after_1994", "valid boolean"),
        ({"gz_curve": [(5, 0.1), *LINEAR_GZ[1:]]}, "gz_curve", "start at 0°"),
        ({"gz_curve": [(0, 0.1), *LINEAR_GZ[1:]]}, "gz_curve", "must be 0 m"),
        ({"gz_curve": LINEAR_GZ[:3]}, "gz_curve", "at least 5 points"),
        (
            {"gz_curve": [(0, 0), (10, 0.2), (20, 0.4), (12, 0.24), (40, 0.8)]},
            "gz_curve",
            "must increase",
        ),
        ({"gz_curve": [p for p in LINEAR_GZ if p[0] != 12]}, "gz_curve", "12°"),
        ({"gz_curve": [p for p in LINEAR_GZ if p[0] < 40]}, "gz_curve", "40°"),
        ({"gz_curve": [*LINEAR_GZ, (95, 0.5)]}, "gz_curve", "outside 0-90°"),
        ({"gz_curve": [*LINEAR_GZ[:-1], (50, float("nan"))]}, "gz_curve", "finite"),
    ],
)
def test_bad_input_names_the_field(changes: dict[str, Any], field: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        linear_condition(**changes)
    errors = caught.value.errors()
    assert errors[0]["loc"][0] == field
    assert message in errors[0]["msg"]


def test_missing_fields_are_named() -> None:
    with pytest.raises(ValidationError) as caught:
        GrainCondition.model_validate({"displacement_t": 1000})
    missing = {error["loc"][0] for error in caught.value.errors()}
    assert missing == {
        "stowage_factor_m3_per_t",
        "volumetric_heeling_moment_m4",
        "gm_corrected_m",
        "gz_curve",
        "flooding_angle_deg",
        "deck_edge_immersion_deg",
        "built_on_or_after_1994",
    }
