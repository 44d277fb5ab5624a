"""`ftz certification-one-stop` standards-watch commands: publish a version from a text file
(printing the diff and how many enterprises were notified), subscribe, read notices, and an
offline clause-level diff of two texts."""

from __future__ import annotations

from pathlib import Path

import typer

from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail
from ftz.core.kit.pagination import PageParams
from ftz.practices.certification_one_stop import diffing, repository, standards
from ftz.practices.certification_one_stop.cli_parse import parse
from ftz.practices.certification_one_stop.schemas_watch import (
    NotificationOut,
    SubscriptionIn,
    VersionIn,
    VersionOut,
)


def publish(
    number: str = typer.Argument(..., help="The standard's number, e.g. MS 2574"),
    version: str = typer.Option(...),
    title: str = typer.Option(...),
    effective: str = typer.Option(..., help="YYYY-MM-DD"),
    text_file: Path = typer.Option(..., help="The version's text, clauses numbered"),
    hs: list[str] = typer.Option([], help="HS code covered (repeat)"),
    product: list[str] = typer.Option([], help="Product covered (repeat)"),
    summary: str = typer.Option(""),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Publish a new version of an existing standard; prints the diff and who was notified."""
    if not text_file.is_file():
        fail(f"no file {text_file}", 2)
    data = parse(
        VersionIn,
        version=version,
        title=title,
        effective_on=effective,
        hs_codes=hs,
        products=product,
        summary=summary,
        text=text_file.read_text("utf-8"),
    )
    with cli_session(as_user) as (session, principal):
        standard = repository.standard_by_number(session, number)
        if standard is None:
            fail(f"no standard {number}", 1)
        made, notified = standards.publish(
            session, principal=principal, standard_id=standard.id, data=data
        )
        out = VersionOut.model_validate(made).model_dump(mode="json")
    emit(
        {"version": out, "notified": notified},
        as_json,
        diffing.summary(out["diff"]) + f"\nnotified: {notified}",
    )


def subscribe(
    kind: str = typer.Argument(..., help="hs or keyword"),
    value: str = typer.Argument(...),
    as_user: str | None = AS_USER_OPTION,
) -> None:
    """Subscribe the enterprise to standard changes by HS code or product keyword."""
    data = parse(SubscriptionIn, kind=kind, value=value)
    with cli_session(as_user) as (session, principal):
        made = standards.subscribe(session, principal=principal, data=data)
        typer.echo(f"subscribed {made.kind}:{made.value} {made.id}")


def notifications(
    unread: bool = typer.Option(False, "--unread"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """The enterprise's standard-change notices, newest first."""
    with cli_session(as_user) as (session, principal):
        page = repository.notifications(
            session, principal, PageParams(page=1, size=200), unread=unread
        )
        rows = [NotificationOut.model_validate(n).model_dump(mode="json") for n in page.items]
    lines = [f"[{r['priority']}] {r['summary'].splitlines()[0]}" for r in rows]
    emit({"items": rows, "total": page.total}, as_json, "\n".join(lines))


def diff(old: Path, new: Path, as_json: bool = JSON_OPTION) -> None:
    """Clause-level diff of two texts (no database)."""
    for path in (old, new):
        if not path.is_file():
            fail(f"no file {path}", 2)
    found = diffing.compare(old.read_text("utf-8"), new.read_text("utf-8"))
    emit(found, as_json, diffing.summary(found))


def register(app: typer.Typer) -> None:
    app.command("publish")(publish)
    app.command("subscribe")(subscribe)
    app.command("notifications")(notifications)
    app.command("diff")(diff)
