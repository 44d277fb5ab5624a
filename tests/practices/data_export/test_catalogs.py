"""p01 catalogs: shipped data shape, GB/T 43697-2024 levels, lookups, versions and errors."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from ftz.practices.data_export.catalogs import (
    CATALOG_FOLDER,
    PREASSESSMENT_FILE,
    CatalogError,
    Catalogs,
    dataset_level,
    level_for,
    level_rank,
    load_catalogs,
    load_preassessment,
    stricter,
)

ON = dt.date(2025, 6, 1)


@pytest.fixture(scope="module")
def cat() -> Catalogs:
    return load_catalogs(ON)


def _copy_data(tmp_path: Path) -> Path:
    folder = tmp_path / "catalogs"
    shutil.copytree(CATALOG_FOLDER, folder)
    return folder


def _edit(path: Path, change: Any) -> None:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(raw)
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")


# --- counts --------------------------------------------------------------------------------


def test_tianjin_style_catalog_has_13_classes_and_40_subclasses(cat: Catalogs) -> None:
    classes = cat.classification.classes
    assert len(classes) == 13
    assert sum(len(k.subclasses) for k in classes) == 40
    assert all(k.subclasses for k in classes)
    assert {k.id for k in classes} >= {"personal_information", "transport", "industrial"}


def test_lingang_general_list_has_3_domains_11_scenarios_64_categories(cat: Catalogs) -> None:
    domains = cat.general_domains()
    assert {d.id for d in domains} == {"connected_vehicles", "public_funds", "biomedicine"}
    scenarios = [s for d in domains for s in d.scenarios]
    assert len(scenarios) == 11
    assert sum(len(s.categories) for s in scenarios) == 64


def test_preassessment_has_8_majors_74_subs_and_100_points() -> None:
    indicators = load_preassessment()
    assert len(indicators.majors) == 8
    assert len(indicators.subs) == 74
    assert sum(sub.points for sub in indicators.subs) == 100
    assert indicators.pass_mark == 60
    assert any(sub.mandatory for sub in indicators.subs)
    assert indicators.indicator("M1.1").citation


# --- GB/T 43697-2024 levels ----------------------------------------------------------------

TABLE = [
    ("national_security", "particularly_serious", "core"),
    ("national_security", "serious", "core"),
    ("national_security", "general", "important"),
    ("economic_operation", "particularly_serious", "core"),
    ("social_order", "serious", "important"),
    ("public_interest", "general", "general"),
    ("rights", "particularly_serious", "general"),
    ("rights", "serious", "general"),
    ("rights", "general", "general"),
]


@pytest.mark.parametrize(("impact_object", "degree", "expected"), TABLE)
def test_level_table_cells(impact_object: str, degree: str, expected: str) -> None:
    decision = level_for(impact_object, degree)
    assert decision == expected
    assert impact_object in decision.row.objects
    assert decision.citation.startswith("GB/T 43697-2024")


def test_level_for_accepts_chinese_and_english_names(cat: Catalogs) -> None:
    assert cat.level_for("国家安全", "特别严重危害") == "core"
    assert cat.level_for("经济运行", "严重危害") == "important"
    assert cat.level_for("Public interest", "General harm") == "general"
    with pytest.raises(ValueError, match="impact object"):
        cat.level_for("weather", "serious")


def test_strictness_order_and_dataset_level() -> None:
    order = ["general-1", "general-2", "general-3", "general-4", "important", "core"]
    ranks = [level_rank(level) for level in order]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)
    assert level_rank("general") == level_rank("general-1")
    assert stricter("important", "core") == "core"
    assert stricter("general-3", "general-2") == "general-3"
    assert stricter("general", "general-1") == "general-1"
    assert stricter("general-1", "general") == "general-1"
    assert dataset_level(["general", "general-4", "general-2"]) == "general-4"
    assert dataset_level(["general-4", "important", "general"]) == "important"
    with pytest.raises(ValueError):
        dataset_level([])
    with pytest.raises(ValueError):
        level_rank("secret")


# --- references and required ids -----------------------------------------------------------


def test_every_referenced_subclass_exists(cat: Catalogs) -> None:
    refs = [
        e.class_id
        for ftz in ("beijing", "tianjin", "shanghai-lingang")
        for e in cat.negative_list(ftz)
    ]
    refs += [
        c
        for d in cat.general_domains()
        for s in d.scenarios
        for g in s.categories
        for c in g.class_ids
    ]
    refs += [f.class_id for s in cat.field_scenarios() for f in cat.field_catalog(s)]
    assert len(refs) > 150
    missing = sorted({r for r in refs if not cat.has_subclass(r)})
    assert missing == []


def test_required_subclasses_and_sensitivity(cat: Catalogs) -> None:
    sensitive = {"identity", "financial", "location", "biometric", "health"}
    for sub in ("basic", "contact", "device", "vehicle", *sorted(sensitive)):
        entry = cat.subclass(f"personal_information.{sub}")
        assert entry.personal_info
        assert entry.sensitive == (sub in sensitive), sub
        assert entry.examples_zh and entry.features_zh
    assert cat.subclass("industrial.enterprise_basic").name_zh == "企业基本信息"
    assert cat.class_of("personal_information.vehicle").id == "personal_information"
    with pytest.raises(KeyError):
        cat.subclass("personal_information.unknown")


def test_field_catalogs_are_field_level_and_demo(cat: Catalogs) -> None:
    vehicle = [f for s in ("cv.manufacturing", "cv.rd_testing") for f in cat.field_catalog(s)]
    bio = cat.field_catalog("bio.clinical_rd") + cat.field_catalog("bio.pharmacovigilance")
    assert len(vehicle) >= 24 and len(bio) >= 24
    images = next(f for f in cat.field_catalog("cv.rd_testing") if f.name == "front_camera_image")
    assert images.condition_zh is not None and "人脸" in images.condition_zh
    assert all(f.sensitive <= f.personal_info for f in vehicle + bio)
    assert all(c.status == "demo" for c in cat.field_catalogs)


# --- negative lists ------------------------------------------------------------------------


def test_beijing_negative_list_is_substantial(cat: Catalogs) -> None:
    entries = cat.negative_list("beijing")
    assert len(entries) >= 24
    assert {e.sector for e in entries} >= {
        "automobile",
        "pharmaceuticals",
        "retail",
        "civil_aviation",
        "artificial_intelligence",
    }
    assert all(e.ftz == "beijing" for e in entries)
    assert {e.mechanism for e in entries} == {
        "security_assessment",
        "standard_contract_or_certification",
    }
    assert cat.negative_list("tianjin") and cat.negative_list("shanghai-lingang")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("车牌号", "BJ-AUTO-011"),
        ("Licence Plate", "BJ-AUTO-011"),
        ("LICENSE_PLATE", "BJ-AUTO-011"),
        ("激光雷达点云", "BJ-AUTO-003"),
        ("passportNo", "BJ-AVIA-001"),
        ("基因测序数据", "BJ-PHARMA-004"),
    ],
)
def test_negative_match_chinese_and_english(cat: Catalogs, name: str, expected: str) -> None:
    hit = cat.negative_match("beijing", name)
    assert hit is not None and hit.id == expected


def test_negative_match_misses_and_mechanism(cat: Catalogs) -> None:
    assert cat.negative_match("beijing", "torque_value") is None
    assert cat.negative_match("beijing", "plate") is None  # exact match, not substring
    assert cat.negative_match("beijing", "") is None
    hit = cat.negative_match("shanghai-lingang", "高精地图")
    assert hit is not None and hit.mechanism == "security_assessment" and hit.level == "important"
    with pytest.raises(KeyError):
        cat.negative_list("hainan")


# --- versions and errors -------------------------------------------------------------------


def test_version_in_effect_by_date(tmp_path: Path) -> None:
    folder = _copy_data(tmp_path)
    newer = folder / "classification_2030.yaml"
    shutil.copy(folder / "classification.yaml", newer)

    def bump(raw: dict[str, Any]) -> None:
        raw.update(version="2030.1", effective_from="2030-01-01", supersedes="2024.1")
        raw["classes"][0]["name_zh"] = "新版名称"

    _edit(newer, bump)
    old = load_catalogs(dt.date(2029, 12, 31), folder=folder)
    new = load_catalogs(dt.date(2030, 1, 1), folder=folder)
    assert old.versions["classification"] == "2024.1"
    assert new.versions["classification"] == "2030.1"
    assert new.classification.supersedes == "2024.1"
    assert new.classification.classes[0].name_zh == "新版名称"
    assert old.classification.classes[0].name_zh != "新版名称"
    assert load_catalogs(dt.date(2029, 12, 31), folder=folder) is old  # cached per date
    with pytest.raises(CatalogError, match="expected one LevelFramework"):
        load_catalogs(dt.date(2020, 1, 1), folder=folder)


def test_malformed_file_names_file_and_field(tmp_path: Path) -> None:
    folder = _copy_data(tmp_path)

    def bad_level(raw: dict[str, Any]) -> None:
        raw["classes"][2]["subclasses"][0]["default_level"] = "secret"

    _edit(folder / "classification.yaml", bad_level)
    with pytest.raises(CatalogError, match=r"classification\.yaml: .*default_level"):
        load_catalogs(ON, folder=folder)


def test_unknown_reference_names_file_and_field(tmp_path: Path) -> None:
    folder = _copy_data(tmp_path)

    def bad_ref(raw: dict[str, Any]) -> None:
        raw["sectors"][0]["scenarios"][0]["items"][0]["class_id"] = "transport.teleport"

    _edit(folder / "negative_list_beijing.yaml", bad_ref)
    with pytest.raises(CatalogError, match=r"negative_list_beijing\.yaml: BJ-AUTO-001\.class_id"):
        load_catalogs(ON, folder=folder)


def test_malformed_preassessment_names_file_and_field(tmp_path: Path) -> None:
    path = tmp_path / "preassessment.yaml"
    shutil.copy(PREASSESSMENT_FILE, path)
    _edit(path, lambda raw: raw["majors"][0]["subs"][0].update(points=3))
    with pytest.raises(CatalogError, match=r"preassessment\.yaml: .*points"):
        load_preassessment(path)
    _edit(path, lambda raw: raw["majors"][0]["subs"][0].pop("advice_en"))
    with pytest.raises(CatalogError, match=r"preassessment\.yaml: majors\.0\.subs\.0\.advice_en"):
        load_preassessment(path)
