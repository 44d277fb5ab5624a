"""`ftz ship-selection …`: the MoU risk profiles with the ten dimensions and the Grain Code check
for JSON files (no database needed), fleet import, ships, ratings and the channel statistics."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from pydantic import ValidationError

from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail
from ftz.core.kit.pagination import PageParams
from ftz.domain.vessels import repository as vessels
from ftz.practices.ship_selection import berths, grain, ratings, repository, ships
from ftz.practices.ship_selection.profile import report_for_file
from ftz.practices.ship_selection.schemas import RatingRequest

app = typer.Typer(no_args_is_help=True, help="p07 选船助手与粮食绿色通道 ship selection and grain")


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        fail(f"{path}: no such file", 2)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        fail(f"{path}: not JSON ({exc})", 2)


@app.command("risk-profile")
def risk_profile(ship_json: Path, as_json: bool = JSON_OPTION) -> None:
    """Paris MoU and Tokyo MoU risk profiles and the ten dimensions of SHIP.json."""
    found = report_for_file(_read_json(ship_json))
    ten = found["ten_dimensions"]
    lines = [
        f"{regime}: {p['profile']} ({p['points']} points, next inspection window "
        f"{'-'.join(str(m) for m in p['window_months'])} months)"
        for regime, p in found.items()
        if regime.endswith("_mou")
    ]
    lines.append(f"ten dimensions: {ten['rating']} — {ten['reason_en']}")
    lines += [
        f"  {d['name_en']}: {d['level']} ({d['fired'][0]['row_id']})" for d in ten["dimensions"]
    ]
    emit(found, as_json, "\n".join(lines))


@app.command("grain-stability")
def grain_stability(condition_json: Path, as_json: bool = JSON_OPTION) -> None:
    """International Grain Code (MSC.23(59) A 7) check of CONDITION.json."""
    found = grain.stability_only(_read_json(condition_json))
    lines = [
        f"{'PASS' if found['pass'] else 'FAIL'}: heel {found['heel_angle_deg']}°, "
        f"residual area {found['residual_area_mrad']} m·rad, GM {found['gm_m']} m"
    ]
    lines += [
        f"  {c['name']}: {c['value']} (limit {c['limit']}) {'ok' if c['pass'] else 'FAIL'}"
        for c in found["criteria"]
    ]
    emit(found, as_json, "\n".join(lines))


@app.command("import")
def import_fleet(
    path: Path,
    fmt: str = typer.Option("", "--format", help="json or csv (default: from the extension)"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Import a fleet file (JSON: companies, ships, records; CSV: particulars). Idempotent."""
    kind = fmt or ("csv" if path.suffix.lower() == ".csv" else "json")
    if kind not in ("csv", "json"):
        fail("--format must be json or csv", 2)
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        fail(f"{path}: no such file", 2)
    with cli_session(as_user) as (session, principal):
        found = ships.import_fleet(session, principal=principal, content=content, fmt=kind)
    lines = [
        f"{k}: {v['created']} created, {v['updated']} updated, {v['unchanged']} unchanged"
        for k, v in found["counts"].items()
    ] + [f"warning: {w}" for w in found["warnings"]]
    emit(found, as_json, "\n".join(lines))


@app.command("ships")
def list_ships(
    q: str = typer.Option("", help="Name, IMO, MMSI or call sign"),
    watch: str = typer.Option("", help="key_tracking or assistance_investigation"),
    as_json: bool = JSON_OPTION,
) -> None:
    """Ships on record (first 200)."""
    with cli_session() as (session, _):
        page = vessels.search_ships(
            session, vessels.ShipFilter(text=q or None, watch=watch or None), PageParams(size=200)
        )
        rows = [
            {
                "id": s.id,
                "imo_number": s.imo_number,
                "name": s.name,
                "flag": s.flag,
                "ship_type": s.ship_type,
                "year_built": s.year_built,
            }
            for s in page.items
        ]
    emit(
        {"items": rows, "total": page.total},
        as_json,
        "\n".join(
            f"IMO {r['imo_number']} {r['name']:<24} {r['flag']} {r['year_built']}" for r in rows
        ),
    )


@app.command("rate")
def rate(
    imo_number: str,
    shipper: str = typer.Option(..., help="Shipper's organization code"),
    voyage: str = typer.Option(..., help="e.g. 营口港 → 广州港"),
    cargo_name: str = typer.Option("玉米"),
    quantity: int = typer.Option(..., min=1, help="Tonnes"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Ask for the ten-dimension rating of a ship (as the carrier) for a voyage."""
    try:
        data = RatingRequest(
            imo_number=imo_number,
            shipper_org=shipper,
            voyage=voyage,
            cargo_name=cargo_name,
            quantity_t=quantity,
        )
    except ValidationError as exc:
        fail(f"invalid request: {exc.errors()[0]['loc'][0]}: {exc.errors()[0]['msg']}", 2)
    with cli_session(as_user) as (session, principal):
        out = ratings.as_out(ratings.request_rating(session, principal=principal, data=data))
        found = out.model_dump(mode="json")
    emit(
        found,
        as_json,
        "\n".join([f"{found['rating']} (rating {found['id']})", *found["reasons_en"]]),
    )


@app.command("ratings")
def list_ratings(as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Ratings the user may read, newest first (first 200)."""
    with cli_session(as_user) as (session, principal):
        page = repository.ratings(session, principal, PageParams(size=200))
        rows = [ratings.as_out(r).model_dump(mode="json") for r in page.items]
    emit(
        {"items": rows, "total": page.total},
        as_json,
        "\n".join(
            f"{r['assessed_on']} {r['rating']:<16} {r['status']:<10} {r['voyage']}" for r in rows
        ),
    )


@app.command("statistics")
def statistics(as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Calls through the channel, time and cost saved, improper charters avoided."""
    with cli_session(as_user) as (session, principal):
        found = berths.statistics(session, principal=principal)
    seed = found["seed"]
    lines = [
        f"calls completed: {found['calls_completed']} (seed 2024: {seed['ship_calls_2024']})",
        f"hours saved: {found['hours_saved']} (average {found['average_hours_saved']}; "
        f"seed ≥ {seed['hours_saved_per_call']} per call)",
        f"cost saved: {found['cost_saved_cny']} CNY (average "
        f"{found['average_cost_saved_cny']}; seed {seed['cost_saved_per_call_cny']} per call)",
        f"improper charters avoided: {found['improper_charters_avoided']} "
        f"(seed 2024: {seed['improper_charters_avoided_2024']})",
    ]
    emit(found, as_json, "\n".join(lines))
