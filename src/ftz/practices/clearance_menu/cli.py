"""`ftz clearance-menu …`: the recommendation for a REQUEST.json, the combinations, recorded
requests, an enterprise's choice and the customs officers' statistics."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from pydantic import ValidationError

from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail
from ftz.core.kit.errors import FtzError
from ftz.core.kit.pagination import PageParams
from ftz.practices.clearance_menu import export, menu, service
from ftz.practices.clearance_menu.catalog import catalog
from ftz.practices.clearance_menu.schemas import MenuRequest, RequestOut

app = typer.Typer(no_args_is_help=True, help="p10 通关模式智选菜单 clearance-mode menu")


def _problem(exc: ValidationError | FtzError) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        return f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"
    return exc.detail


def _request(path: Path) -> MenuRequest:
    try:
        raw: Any = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        fail(f"{path}: not JSON ({exc})", 2)
    try:
        return MenuRequest.model_validate(raw)
    except ValidationError as exc:
        fail(f"{path}: {_problem(exc)}", 2)


@app.command("recommend")
def recommend(
    request_file: Path = typer.Argument(..., exists=True, dir_okay=False),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """The best "clearance + logistics" combination for REQUEST.json, with alternatives, the
    excluded modes and why. With --as an enterprise user, the request is recorded."""
    body = _request(request_file)
    if as_user is None:
        result = {**menu.recommend(body), "request_id": None}
    else:
        try:
            with cli_session(as_user) as (session, principal):
                result = service.recommend(session, principal=principal, request=body)
        except FtzError as exc:
            fail(_problem(exc), 2 if exc.status == 422 else 1)
    combo = result["combination"]
    text = (
        f"{combo['code']} {combo['name_zh']}: 申报 {result['declare']['when']} @ "
        f"{result['declare']['where']}; 查验 {result['inspect']['where']}; "
        f"提货 {result['pickup']['where']}"
    )
    emit(result, as_json, text)


@app.command("combinations")
def combinations(
    direction: str | None = typer.Option(None, help="import or export"),
    as_json: bool = JSON_OPTION,
) -> None:
    """The 18 combinations (10 import, 8 export), best rank first."""
    if direction not in (None, "import", "export"):
        fail("--direction must be import or export", 2)
    directions = [direction] if direction else ["import", "export"]
    items = [menu.describe(c) for d in directions for c in catalog().for_direction(d)]
    emit(items, as_json, "\n".join(f"{c['code']} {c['name_zh']} ({c['name_en']})" for c in items))


@app.command("choose")
def choose(
    request_id: str = typer.Argument(...),
    combination: str = typer.Argument(..., help="e.g. I02"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Record the combination an enterprise takes for one of its requests."""
    try:
        with cli_session(as_user) as (session, principal):
            record = service.choose(
                session, principal=principal, record_id=request_id, combination=combination
            )
            out = RequestOut.model_validate(record).model_dump(mode="json")
    except FtzError as exc:
        fail(_problem(exc), 2 if exc.status == 422 else 1)
    emit(out, as_json, f"{out['id']}: {out['chosen_code']} (ledger #{out['ledger_index']})")


@app.command("requests")
def requests(
    direction: str | None = typer.Option(None),
    transport: str | None = typer.Option(None),
    csv_out: bool = typer.Option(False, "--csv", help="Print CSV instead"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Recorded requests visible to the user (enterprises: their own)."""
    filters: dict[str, str | None] = {"direction": direction, "transport": transport}
    with cli_session(as_user) as (session, principal):
        if csv_out:
            typer.echo(export.csv_text(session, principal, **filters), nl=False)
            return
        page = service.search(
            session, principal=principal, params=PageParams(page=1, size=100), **filters
        )
        items = [RequestOut.model_validate(r).model_dump(mode="json") for r in page.items]
    lines = [f"{r['id']} {r['hs_code']} {r['recommended_code']}→{r['chosen_code']}" for r in items]
    emit({"total": page.total, "items": items}, as_json, "\n".join(lines) or "—")


@app.command("stats")
def stats(as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Counts of enterprises' choices by combination, direction, transport and month."""
    try:
        with cli_session(as_user) as (session, principal):
            board = service.statistics(session, principal=principal)
    except FtzError as exc:
        fail(_problem(exc))
    emit(board, as_json, json.dumps(board["by_combination"], ensure_ascii=False))
