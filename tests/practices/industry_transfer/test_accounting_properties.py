"""The statistics rule, proved over random project sets (hypothesis), with the shipped rule
tables (rules/accounting.json, rules/rollup.json):

1. every region's report includes every project in full on both sides: the sponsor's province
   and city count its main indicators at the project's full value, the receiving province and
   city count its main indicators and its investment at full value; a region's total is the
   plain sum over the projects with a counting side in it, each once;
2. roll-ups never double count: the national roll-up equals the sum over all projects of each
   project's value (once), a provincial roll-up the sum over the projects with a counting side
   in the province (once) — also when both parks lie in the province; the regions' sum minus
   the overlap equals the roll-up, and the single counts attributed to the regions add up to it.

Checked against a naive computation written independently here."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from ftz.practices.industry_transfer import accounting
from ftz.practices.industry_transfer.accounting import Figures, Place
from ftz.practices.industry_transfer.regions import Region
from ftz.practices.industry_transfer.statistics import rulebook

BOOK = rulebook()
MAIN = [k for k, c in BOOK.categories.items() if c == "main"]
INVESTMENT = [k for k, c in BOOK.categories.items() if c == "investment"]
PROVINCES = ("31", "33", "53", "51")
CITIES = ("甲市", "乙市")
PLACES = [
    Place(f"park-{p}-{c}-{n}", f"P{p}{i}{n}", p, c)
    for p in PROVINCES
    for i, c in enumerate(CITIES)
    for n in range(2)
]
AMOUNT = st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def projects(draw: st.DrawFn) -> list[Figures]:
    count = draw(st.integers(min_value=0, max_value=12))
    made = []
    for i in range(count):
        sponsor, receiving = draw(
            st.lists(st.sampled_from(PLACES), min_size=2, max_size=2, unique=True)
        )
        values = {key: draw(AMOUNT) for key in BOOK.indicators}
        made.append(Figures(f"id-{i}", f"T-{i:03d}", f"项目{i}", sponsor, receiving, values))
    return made


def _sides_counting(project: Figures, key: str) -> list[Place]:
    """Independent reading of the rule: main → both sides, investment → the receiving side."""
    return [project.sponsor, project.receiving] if key in MAIN else [project.receiving]


def _naive_total(found: list[Figures], region: Region, key: str) -> Decimal:
    return sum(
        (
            p.values[key]
            for p in found
            if any(region.contains(s.province, s.city) for s in _sides_counting(p, key))
        ),
        Decimal(0),
    )


def _regions_of(place: Place) -> list[Region]:
    return [Region(place.province), Region(place.province, place.city)]


@settings(max_examples=200, deadline=None)
@given(projects())
def test_region_reports_include_every_project_in_full_on_both_sides(found: list[Figures]) -> None:
    for project in found:
        for side in ("sponsor", "receiving"):
            for region in _regions_of(project.place(side)):
                report = accounting.region_report(found, region, BOOK)
                [line] = [ln for ln in report.lines if ln.figures.project_id == project.project_id]
                for key in MAIN:
                    assert line.values[key] == project.values[key]  # full, never a share
                    assert (side, BOOK.counting_row(key, side).row_id) in line.via[key]  # type: ignore[union-attr]
                for key in INVESTMENT:
                    counted = project.receiving.within(region)
                    assert line.values[key] == (project.values[key] if counted else 0)
    for region in {r for p in found for s in (p.sponsor, p.receiving) for r in _regions_of(s)}:
        report = accounting.region_report(found, region, BOOK)
        for key in BOOK.indicators:
            assert report.totals[key] == _naive_total(found, region, key)
        assert len({ln.figures.project_id for ln in report.lines}) == len(report.lines)


@settings(max_examples=200, deadline=None)
@given(projects())
def test_rollups_never_double_count(found: list[Figures]) -> None:
    nation = accounting.rollup(found, Region(), BOOK)
    assert nation.mode == "once" and nation.projects == len(found)
    for key in BOOK.indicators:
        assert nation.total[key] == sum((p.values[key] for p in found), Decimal(0))
    for province in PROVINCES:
        rolled = accounting.rollup(found, Region(province), BOOK)
        members = [p for p in found if province in (p.sponsor.province, p.receiving.province)]
        assert rolled.projects == len(members)
        for key in BOOK.indicators:
            assert rolled.total[key] == _naive_total(found, Region(province), key)
    for rolled in [nation] + [accounting.rollup(found, Region(p), BOOK) for p in PROVINCES]:
        for key in BOOK.indicators:
            assert rolled.children_sum[key] - rolled.overlap_total[key] == rolled.total[key]
            attributed = sum((a[key] for a in rolled.attributed.values()), Decimal(0))
            assert attributed == rolled.total[key]
            assert rolled.children_sum[key] >= rolled.total[key]


@settings(max_examples=100, deadline=None)
@given(projects(), AMOUNT)
def test_same_province_projects_are_counted_once_in_the_provincial_rollup(
    found: list[Figures], output: Decimal
) -> None:
    kunming, mohan = Place("km", "KM", "53", "昆明市"), Place("mh", "MH", "53", "西双版纳州")
    inside = Figures(
        "same",
        "SAME-001",
        "省内项目",
        kunming,
        mohan,
        {k: (output if k == "output_value" else Decimal(0)) for k in BOOK.indicators},
    )
    everything = [*found, inside]
    yunnan = accounting.rollup(everything, Region("53"), BOOK)
    cities = {child.region.key: child for child in yunnan.children}
    for city in ("53/昆明市", "53/西双版纳州"):  # both cities' reports show it in full
        [line] = [ln for ln in cities[city].lines if ln.figures.project_id == "same"]
        assert line.values["output_value"] == output
    others = _naive_total(found, Region("53"), "output_value")
    assert yunnan.total["output_value"] == others + output  # once, not twice
    overlap = [o for o in yunnan.overlaps if o.figures.project_id == "same"]
    assert [o.excess["output_value"] for o in overlap] == [output]
    nation = accounting.rollup(everything, Region(), BOOK)
    assert nation.total["output_value"] == sum(
        (p.values["output_value"] for p in everything), Decimal(0)
    )


def test_a_worked_example() -> None:
    """Shanghai sponsors a Kunming project: output 100, tax 5, contracted investment 1000."""
    lingang, kunming = Place("lg", "LG", "31", "上海市"), Place("km", "KM", "53", "昆明市")
    values = dict.fromkeys(BOOK.indicators, Decimal(0))
    values.update(output_value=Decimal(100), tax=Decimal(5), planned_investment=Decimal(1000))
    project = Figures("p", "SH-KM-1", "示例", lingang, kunming, values)
    shanghai = accounting.region_report([project], Region("31"), BOOK)
    yunnan = accounting.region_report([project], Region("53"), BOOK)
    assert shanghai.totals["output_value"] == yunnan.totals["output_value"] == 100
    assert (
        shanghai.totals["planned_investment"] == 0 and yunnan.totals["planned_investment"] == 1000
    )
    nation = accounting.rollup([project], Region(), BOOK)
    assert (
        nation.children_sum["output_value"] == 200 and nation.overlap_total["output_value"] == 100
    )
    assert nation.total["output_value"] == 100 and nation.total["planned_investment"] == 1000
    assert nation.attributed[Region("53")]["output_value"] == 100  # its single count: receiving
