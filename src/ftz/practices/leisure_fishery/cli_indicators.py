"""`ftz leisure-fishery quota | allocate | transfer | indicators | reconcile | statistics`: the
province's indicators and figures from the command line."""

from __future__ import annotations

from typing import Any

import typer
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit
from ftz.practices.leisure_fishery import (
    allocations,
    indicators,
    reference,
    statistics,
)
from ftz.practices.leisure_fishery.cli_common import (
    GEAR,
    NOTE,
    POWER,
    VESSELS,
    amount_arg,
    app,
    run,
)


@app.command("quota")
def quota(
    year: int,
    vessels: int = VESSELS,
    power_kw: str = POWER,
    gear_units: int = GEAR,
    note: str = NOTE,
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Set the province's indicator total for YEAR."""
    total = amount_arg(vessels, power_kw, gear_units)

    def act(session: Session, principal: Principal) -> dict[str, Any]:
        allocations.set_quota(session, principal=principal, year=year, total=total, note=note)
        return indicators.summary(session, year)

    out = run(as_user, act)
    emit(out, as_json, _summary_text(out))


@app.command("allocate")
def allocate(
    year: int,
    area: str,
    vessels: int = VESSELS,
    power_kw: str = POWER,
    gear_units: int = GEAR,
    note: str = NOTE,
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Allocate indicators of YEAR from the province to AREA (a city or county code)."""
    amount = amount_arg(vessels, power_kw, gear_units)
    out = run(
        as_user,
        lambda s, p: (
            allocations.allocate(s, principal=p, year=year, code=area, amount=amount, note=note).id
        ),
    )
    emit({"txn": out}, as_json, f"allocated ({out})")


@app.command("transfer")
def transfer(
    year: int,
    from_area: str,
    to_area: str,
    vessels: int = VESSELS,
    power_kw: str = POWER,
    gear_units: int = GEAR,
    note: str = NOTE,
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Transfer unused indicators of YEAR between two cities or counties."""
    amount = amount_arg(vessels, power_kw, gear_units)
    out = run(
        as_user,
        lambda s, p: (
            allocations.transfer(
                s,
                principal=p,
                year=year,
                from_code=from_area,
                to_code=to_area,
                amount=amount,
                note=note,
            ).id
        ),
    )
    emit({"txn": out}, as_json, f"transferred ({out})")


def _summary_text(out: dict[str, Any]) -> str:
    head = (
        f"{out['year']} quota {out['quota']['vessels']} vessels "
        f"{out['quota']['power_kw']:g} kW {out['quota']['gear_units']} gear; unallocated "
        f"{out['unallocated']['vessels']}"
    )
    rows = [
        f"{r['area_code']} {reference.area_name(r['area_code'])} allocated "
        f"{r['allocated']['vessels']} used {r['used']['vessels']} available "
        f"{r['available']['vessels']}"
        for r in out["areas"]
        if r["allocated"]["vessels"]
    ]
    return "\n".join([head, *rows])


@app.command("indicators")
def indicator_summary(year: int = typer.Argument(None), as_json: bool = JSON_OPTION) -> None:
    """The year's quota, allocations and use by city or county."""
    with cli_session(None) as (session, _):
        out = indicators.summary(session, year or reference.today().year)
    emit(out, as_json, _summary_text(out))


@app.command("reconcile")
def reconcile(as_json: bool = JSON_OPTION) -> None:
    """Prove every indicator balance equals the sum of its entries (exit 1 if not)."""
    with cli_session(None) as (session, _):
        out = indicators.reconcile(session)
    emit(
        out,
        as_json,
        f"{'ok' if out['ok'] else 'MISMATCH'}: {out['accounts']} accounts, "
        f"{len(out['problems'])} problems",
    )
    if not out["ok"]:
        raise typer.Exit(1)


@app.command("statistics")
def statistics_board(year: int = typer.Option(None, "--year"), as_json: bool = JSON_OPTION) -> None:
    """Output and visitors by year beside the seed's figures."""
    with cli_session(None) as (session, principal):
        out = statistics.board(session, principal, year)
    seed = out["seed"]
    lines = [
        f"{y['year']}: output {y['output_wan'] / 10000:,.2f} 亿元 "
        f"({y['output_growth_pct'] if y['output_growth_pct'] is not None else '—'}%), "
        f"visitors {y['visitors']:,} "
        f"({y['visitors_growth_pct'] if y['visitors_growth_pct'] is not None else '—'}%)"
        for y in out["years"]
    ]
    lines.append(
        f"seed 2024: {seed['output_2024_wan'] / 10000:.2f} 亿元 "
        f"(+{seed['output_growth_pct']}%), {seed['visitors_2024']:,} visitors "
        f"(+{seed['visitors_growth_pct']}%)"
    )
    emit(out, as_json, "\n".join(lines))
