"""`ftz bonded-art …`: register works, apply, take a step, capture and verify identities from image
files, declare a sale, settle, reminders and statistics. Bodies are the API's JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from pydantic import ValidationError

from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail, read_model
from ftz.core.kit.errors import FtzError
from ftz.practices.bonded_art import service, stats
from ftz.practices.bonded_art.schemas import ArtworkIn, ExhibitionIn, ExhibitionOut, SaleIn

app = typer.Typer(no_args_is_help=True, help="p04 艺术品跨关区保税展示 bonded art exhibition")
FILE = typer.Argument(..., exists=True, dir_okay=False)
OPTIONAL_FILE = typer.Option(None, exists=True, dir_okay=False)


def _run(as_user: str | None, action: Any) -> Any:
    try:
        with cli_session(as_user) as (session, principal):
            return action(session, principal)
    except FtzError as exc:
        detail = exc.errors[0].reason if exc.errors else exc.detail
        fail(str(detail), 2 if exc.status in (400, 409, 422) else 1)


def _out(exhibition: Any) -> ExhibitionOut:
    return ExhibitionOut.model_validate(exhibition)


def _show(out: ExhibitionOut, as_json: bool) -> None:
    emit(out.model_dump(mode="json"), as_json, f"{out.number} {out.status} ({out.id})")


@app.command("register")
def register(body: Path = FILE, as_user: str | None = AS_USER_OPTION) -> None:
    """Register an artwork (enterprise) from BODY.json; prints its id."""
    data = read_model(body, ArtworkIn)
    typer.echo(_run(as_user, lambda s, p: service.register_artwork(s, principal=p, data=data).id))


@app.command("apply")
def apply(body: Path = FILE, as_user: str | None = AS_USER_OPTION,
          as_json: bool = JSON_OPTION) -> None:  # fmt: skip
    """Apply for an exhibition in another customs district from BODY.json."""
    data = read_model(body, ExhibitionIn)
    _show(_run(as_user, lambda s, p: _out(service.apply(s, principal=p, data=data))), as_json)


@app.command("step")
def step(exhibition_id: str, event: str, note: str = typer.Option(""),
         as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:  # fmt: skip
    """consult | consent | refuse | transfer_out | clear | return_home | withdraw; also
    pay_guarantee and settle."""

    def action(s: Any, p: Any) -> ExhibitionOut:
        if event == "pay_guarantee":
            return _out(service.pay_guarantee(s, principal=p, exhibition_id=exhibition_id))
        if event == "settle":
            return _out(service.settle(s, principal=p, exhibition_id=exhibition_id))
        return _out(service.step(s, principal=p, exhibition_id=exhibition_id, event=event,
                                 note=note))  # fmt: skip

    _show(_run(as_user, action), as_json)


@app.command("identity")
def identity(
    exhibition_id: str,
    image: Path = FILE,
    scan: Path | None = OPTIONAL_FILE,
    verify: bool = typer.Option(False, "--verify", help="check a returned work"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Home customs: capture IMAGE as the work's identity, or --verify the returned work."""
    picture, scan_bytes = image.read_bytes(), scan.read_bytes() if scan else None
    call = service.verify if verify else service.capture
    out = _run(as_user, lambda s, p: _out(call(s, principal=p, exhibition_id=exhibition_id,
                                               image=picture, scan=scan_bytes)))  # fmt: skip
    check = out.facts.get("verification") if verify else None
    suffix = f" {check['outcome']} (hamming {check['hamming']})" if check else ""
    emit(out.model_dump(mode="json"), as_json, f"{out.number} {out.status}{suffix}")


@app.command("sell")
def sell(exhibition_id: str, price_cny: int = typer.Option(...), buyer: str = typer.Option(...),
         as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:  # fmt: skip
    """Declare the domestic sale of an exhibited work (enterprise)."""
    try:
        data = SaleIn(price_cny=price_cny, buyer=buyer)
    except ValidationError as exc:
        fail(str(exc.errors()[0]["msg"]), 2)
    _show(_run(as_user, lambda s, p: _out(service.declare_sale(
        s, principal=p, exhibition_id=exhibition_id, data=data))), as_json)  # fmt: skip


@app.command("stats")
def statistics(as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Works exhibited and sold, sales, duties, capital and storage cost saved."""
    out = _run(as_user, lambda s, p: stats.statistics(s, principal=p))
    text = (f"exhibited {out['exhibited']}, sold {out['sold']}, sales {out['sales_cny']:,} CNY, "
            f"capital saved {out['capital_saved_cny']:,.0f} CNY")  # fmt: skip
    emit(out, as_json, text)
