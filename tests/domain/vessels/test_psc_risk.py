"""Ship risk profiles under the Paris MoU and the Tokyo MOU: the golden cases of every rule
table (rules/golden.yaml), then whole ships at the HRS/SRS/LRS boundaries of both regimes with
the points counted by hand in each docstring."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from ftz.core.rules import load_golden, run_case
from ftz.domain.vessels.psc_risk import RULES, ShipRiskInput, risk_profile, rules

CASES = load_golden(RULES)
PARAMETERS = [
    "ship_type",
    "age",
    "flag_list",
    "flag_imo_audit",
    "ro_performance",
    "ro_recognised",
    "company_performance",
    "deficiencies",
    "detentions",
]


def ship(**changes: Any) -> dict[str, Any]:
    """A ship that meets every low-risk criterion and scores nothing in either regime."""
    data: dict[str, Any] = {
        "ship_type": "general_cargo",
        "age_years": 8,
        "flag_list": "white",
        "flag_imo_audit": True,
        "ro_performance": "high",
        "ro_recognised": True,
        "company_performance": "high",
        "inspections_36m": [{"deficiencies": 2, "detained": False}],
    }
    data.update(changes)
    return data


def inspections(*records: tuple[int, bool]) -> list[dict[str, Any]]:
    return [{"deficiencies": d, "detained": detained} for d, detained in records]


def points_by_parameter(profile: dict[str, Any]) -> dict[str, int]:
    return {item["parameter"]: item["points"] for item in profile["trace"]}


# ------------------------------------------------------------------ rule tables


def test_golden_file_covers_every_table() -> None:
    assert {case.decision for case in CASES} == set(rules().keys)
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden_case(case) -> None:  # type: ignore[no-untyped-def]
    assert run_case(rules(), case) is None


def test_every_row_has_a_golden_case() -> None:
    for table in rules().keys:
        rows = {
            row["_id"]
            for node in rules().document(table)["nodes"]
            if node["type"] == "decisionTableNode"
            for row in node["content"]["rules"]
        }
        fired = {
            row.row_id
            for case in CASES
            if case.decision == table
            for row in rules().evaluate(table, case.input).fired
        }
        assert rows == fired, table


def test_every_row_cites_its_source_and_reads_in_both_languages() -> None:
    for table in rules().keys:
        document = rules().document(table)
        assert document["metadata"]["document"]
        for node in document["nodes"]:
            if node["type"] != "decisionTableNode":
                continue
            for row in node["content"]["rules"]:
                citation = next(v for k, v in row.items() if k.endswith("citation"))
                assert "MoU" in citation or "MOU" in citation, row["_id"]
                assert row["out_reason_en"].strip('"') and row["out_reason_zh"].strip('"')


# ------------------------------------------------------------------ whole ships


def test_low_risk_ship_in_both_regimes() -> None:
    """General cargo, 8 years, white flag with IMO audit, high RO (recognised), high company,
    one inspection with 2 deficiencies, no detention: 0 points; every LRS criterion holds."""
    result = risk_profile(ship())
    for regime, window in (("paris_mou", [24, 36]), ("tokyo_mou", [9, 18])):
        profile = result[regime]
        assert (profile["points"], profile["profile"]) == (0, "LRS")
        assert profile["window_months"] == window
        assert profile["lrs_unmet"] == []
        assert [item["parameter"] for item in profile["trace"]] == PARAMETERS
        for item in profile["trace"]:
            assert set(item) >= {"parameter", "value", "points", "source"}
            assert item["source"] and item["rule"]


def test_old_bulk_carrier_can_still_be_low_risk() -> None:
    """Bulk carrier (2) aged 20 (1) = 3 points; all LRS criteria hold (LRS admits every type
    and age): LRS in both regimes despite its points."""
    result = risk_profile(ship(ship_type="bulk_carrier", age_years=20))
    assert (result["paris_mou"]["points"], result["paris_mou"]["profile"]) == (3, "LRS")
    assert (result["tokyo_mou"]["points"], result["tokyo_mou"]["profile"]) == (3, "LRS")


def test_paris_hrs_boundary_at_five_points() -> None:
    """Oil tanker 2 + age 13 > 12: 1 + black list very high risk 2 = 5 → HRS (5-6 months).
    The same ship on the black list at medium risk: 2 + 1 + 1 = 4 → SRS (10-12 months)."""
    hrs = risk_profile(ship(ship_type="oil_tanker", age_years=13, flag_list="black_very_high"))
    paris = hrs["paris_mou"]
    assert (paris["points"], paris["profile"], paris["window_months"]) == (5, "HRS", [5, 6])
    assert points_by_parameter(paris) == {
        "ship_type": 2,
        "age": 1,
        "flag_list": 2,
        "flag_imo_audit": 0,
        "ro_performance": 0,
        "ro_recognised": 0,
        "company_performance": 0,
        "deficiencies": 0,
        "detentions": 0,
    }

    srs = risk_profile(ship(ship_type="oil_tanker", age_years=13, flag_list="black_medium"))
    paris = srs["paris_mou"]
    assert (paris["points"], paris["profile"], paris["window_months"]) == (4, "SRS", [10, 12])
    assert paris["lrs_unmet"] == ["flag_list"]


def test_tokyo_hrs_boundary_at_four_points() -> None:
    """Container ship, 13 years, black list medium.
    Tokyo: container 2 + age 1 + black 1 = 4 → HRS (2-4 months).
    Paris: container 0 + age 1 + black medium 1 = 2 → SRS.
    At 12 years: Tokyo 2 + 0 + 1 = 3 → SRS (5-8 months)."""
    result = risk_profile(ship(ship_type="container", age_years=13, flag_list="black_medium"))
    tokyo, paris = result["tokyo_mou"], result["paris_mou"]
    assert (tokyo["points"], tokyo["profile"], tokyo["window_months"]) == (4, "HRS", [2, 4])
    assert (paris["points"], paris["profile"]) == (2, "SRS")

    younger = risk_profile(ship(ship_type="container", age_years=12, flag_list="black_medium"))
    tokyo = younger["tokyo_mou"]
    assert (tokyo["points"], tokyo["profile"], tokyo["window_months"]) == (3, "SRS", [5, 8])


def test_poor_company_and_ro_make_a_high_risk_ship() -> None:
    """Passenger ship 2 + RO very low 1 + company low 2 = 5 → HRS under both (Tokyo ≥ 4)."""
    result = risk_profile(
        ship(ship_type="passenger", ro_performance="very_low", company_performance="low")
    )
    for regime in ("paris_mou", "tokyo_mou"):
        assert (result[regime]["points"], result[regime]["profile"]) == (5, "HRS")


def test_deficiencies_and_detentions_are_counted_per_regime() -> None:
    """Gas carrier 2, 10 years, white flag; inspections (8, detained), (7, detained), (3, -).
    Paris: deficiencies earn no HRS points; 2 detentions ≥ 2 → 1: total 3 → SRS.
    Tokyo: 2 inspections with more than 5 deficiencies → 2; 2 detentions < 3 → 0; total 4 → HRS.
    """
    result = risk_profile(
        ship(ship_type="gas_carrier", inspections_36m=inspections((8, True), (7, True), (3, False)))
    )
    paris, tokyo = result["paris_mou"], result["tokyo_mou"]
    assert points_by_parameter(paris)["deficiencies"] == 0
    assert points_by_parameter(paris)["detentions"] == 1
    assert (paris["points"], paris["profile"]) == (3, "SRS")
    assert points_by_parameter(tokyo)["deficiencies"] == 2
    assert points_by_parameter(tokyo)["detentions"] == 0
    assert (tokyo["points"], tokyo["profile"]) == (4, "HRS")
    trace = {item["parameter"]: item for item in tokyo["trace"]}
    assert trace["deficiencies"]["value"] == [8, 7, 3]
    assert trace["detentions"]["value"] == 2


def test_no_inspection_in_36_months_is_never_low_risk() -> None:
    """Everything else low risk, but no inspection: 0 points → SRS in both regimes."""
    result = risk_profile(ship(inspections_36m=[]))
    for regime in ("paris_mou", "tokyo_mou"):
        assert (result[regime]["points"], result[regime]["profile"]) == (0, "SRS")
        assert result[regime]["lrs_unmet"] == ["deficiencies"]


def test_one_inspection_with_six_deficiencies_breaks_low_risk() -> None:
    """(5, -) keeps LRS; (6, -) does not: Paris 0 points → SRS; Tokyo 1 point → SRS."""
    assert (
        risk_profile(ship(inspections_36m=inspections((5, False))))["paris_mou"]["profile"] == "LRS"
    )
    result = risk_profile(ship(inspections_36m=inspections((6, False))))
    assert (result["paris_mou"]["points"], result["paris_mou"]["profile"]) == (0, "SRS")
    assert (result["tokyo_mou"]["points"], result["tokyo_mou"]["profile"]) == (1, "SRS")


def test_profile_carries_its_sources() -> None:
    result = risk_profile(ship())
    assert "Annex 7" in result["paris_mou"]["document"]
    assert "Annex 2" in result["tokyo_mou"]["document"]
    assert "2009/16/EC" in result["paris_mou"]["profile_source"]
    assert "9-18" in result["tokyo_mou"]["profile_source"]


def test_model_and_dict_give_the_same_profile() -> None:
    data = ship(ship_type="chemical_tanker", age_years=15.5)
    assert risk_profile(ShipRiskInput.model_validate(data)) == risk_profile(data)


def test_extra_keys_of_the_ten_dimension_input_are_ignored() -> None:
    assert risk_profile(ship(certificates_valid=True))["paris_mou"]["profile"] == "LRS"


@pytest.mark.parametrize(
    ("changes", "location"),
    [
        ({"flag_list": "black"}, ("flag_list",)),
        ({"ship_type": "spaceship"}, ("ship_type",)),
        ({"age_years": -1}, ("age_years",)),
        ({"ro_performance": "excellent"}, ("ro_performance",)),
        ({"company_performance": None}, ("company_performance",)),
        ({"flag_imo_audit": "sometimes"}, ("flag_imo_audit",)),
        (
            {"inspections_36m": [{"deficiencies": -2, "detained": False}]},
            ("inspections_36m", 0, "deficiencies"),
        ),
        ({"inspections_36m": [{"deficiencies": 3}]}, ("inspections_36m", 0, "detained")),
    ],
)
def test_bad_input_names_the_field(changes: dict[str, Any], location: tuple[Any, ...]) -> None:
    with pytest.raises(ValidationError) as caught:
        risk_profile(ship(**changes))
    assert caught.value.errors()[0]["loc"] == location
