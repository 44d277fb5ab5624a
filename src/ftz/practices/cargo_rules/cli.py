"""`ftz cargo-rules …`: look a cargo up, show it on a date, run the moisture check, list and
show proposals and move one along its workflow. Bad input: one `error:` line, exit 2; a
refusal (not found, not allowed) exit 1."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import typer
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail
from ftz.core.kit.errors import FtzError
from ftz.core.kit.pagination import PageParams
from ftz.practices.cargo_rules import lookup, proposals, repository
from ftz.practices.cargo_rules.schemas import CheckIn, ProposalEventIn

app = typer.Typer(
    no_args_is_help=True, help="p05 国际海事规则制定 — cargo transport rules registry"
)


def _date(help_text: str) -> Any:
    return typer.Option(None, formats=["%Y-%m-%d"], help=help_text)


def _run(as_user: str | None, action: Callable[[Session, Principal], Any]) -> Any:
    try:
        with cli_session(as_user) as (session, principal):
            return action(session, principal)
    except FtzError as exc:
        # Input the service refuses is the caller's to fix (2); denial or absence is 1.
        fail(exc.detail.replace("\n", " "), 2 if exc.status in (400, 409, 422) else 1)


def _valid(model: Any, values: dict[str, Any]) -> Any:
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        first = exc.errors()[0]
        fail(f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}", 2)


def _day(value: datetime | None) -> date | None:
    return value.date() if value is not None else None


@app.command("lookup")
def find(text: str, as_json: bool = JSON_OPTION) -> None:
    """Find cargoes by Chinese or English name, synonym or UN number (e.g. UN1495)."""
    out = _run(None, lambda s, _: lookup.find(s, text))
    lines = [
        f"{r['code']}\t{r['name_zh']}\t{r['name_en']}\t{r['status']}\t"
        f"{r['imsbc_group'] or '-'}\t{r['imdg_class'] or '-'}\t"
        f"{'UN' + r['un_number'] if r['un_number'] else '-'}"
        for r in out["results"]
    ]
    emit(out, as_json, "\n".join(lines) or f"no cargo matches {text!r}")


@app.command("show")
def show(
    code: str,
    on: datetime | None = _date("YYYY-MM-DD, default today"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """A cargo's conditions in force on a date (default today), what to provide, history."""

    def act(session: Session, principal: Principal) -> dict[str, Any]:
        return lookup.cargo_view(session, principal, repository.cargo(session, code), _day(on))

    out = _run(as_user, act)
    force = out["in_force"]
    text = [
        f"{out['code']} {out['name_zh']} / {out['name_en']} [{out['status']}]",
        f"in force on {out['on']}: {force['version'] if force else 'not in the registry'}",
    ]
    text += [
        f"  {r['outputs'].get('kind')}: {r['outputs'].get('reason_en')} ({r['citation']})"
        for r in out["requirements"]
    ]
    emit(out, as_json, "\n".join(text))


@app.command("check")
def check(
    cargo: str,
    moisture: float = typer.Option(..., help="declared moisture content, % m/m"),
    tml: float | None = typer.Option(None, help="TML from the certificate, % m/m"),
    tml_tested: datetime | None = _date("date of the TML test"),
    sampled: datetime | None = _date("date the moisture sample was taken"),
    loading: datetime | None = _date("loading date, default today"),
    as_json: bool = JSON_OPTION,
) -> None:
    """May CARGO be loaded at this moisture content? Verdict and the rule rows that fired."""
    data = _valid(
        CheckIn,
        {
            "cargo": cargo,
            "moisture_pct": moisture,
            "tml_pct": tml,
            "tml_tested_on": _day(tml_tested),
            "moisture_sampled_on": _day(sampled),
            "loading_on": _day(loading),
        },
    )
    out = _run(None, lambda s, _: lookup.check(s, data=data))
    rows = [
        f"  {r['row_id']}: {r['outputs'].get('reason_en')} ({r['citation']})" for r in out["fired"]
    ]
    emit(out, as_json, "\n".join([f"{out['cargo']['code']}: {out['verdict']}", *rows]))


@app.command("proposals")
def list_proposals(
    status: str = typer.Option("", help="draft, submitted, under_consideration, adopted, …"),
    instrument: str = typer.Option("", help="IMSBC, IMDG or UNMR"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Proposals to IMO and the UN sub-committee, newest first (drafts: officers only)."""

    def act(session: Session, principal: Principal) -> dict[str, Any]:
        query = repository.proposal_query(principal, {"status": status, "instrument": instrument})
        page = repository.page(session, query, PageParams(page=1, size=200))
        return {
            "total": page.total,
            "adopted": sum(p.status == "adopted" for p in page.items),
            "items": [proposals.view(session, principal, p) for p in page.items],
        }

    out = _run(as_user, act)
    lines = [f"{p['number']}\t{p['status']}\t{p['session']}\t{p['title_en']}" for p in out["items"]]
    emit(out, as_json, "\n".join([*lines, f"{out['total']} proposals, {out['adopted']} adopted"]))


@app.command("advance")
def advance(
    number: str,
    event: str,
    note: str = typer.Option(""),
    session_name: str = typer.Option("", "--session", help="the session it goes to, e.g. CCC 10"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Move proposal NUMBER: submit, consider, adopt or reject (officers)."""
    data = _valid(ProposalEventIn, {"event": event, "note": note, "session": session_name})

    def act(session: Session, principal: Principal) -> dict[str, Any]:
        moved = proposals.advance(session, principal=principal, key=number, data=data)
        return proposals.view(session, principal, moved)

    out = _run(as_user, act)
    emit(out, as_json, f"{out['number']} {out['status']}")
