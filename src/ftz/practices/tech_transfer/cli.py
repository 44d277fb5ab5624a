"""`ftz tech-transfer …`: the register (list, show, disclose/register), transfers (propose,
publish, decide, sign, income), the reward computation and the patent-number check on their own,
the pool and its reconciliation, the title criteria and an evaluation, statistics. Acting users
come from `--as`; bad input ends in one line on stderr and a non-zero exit."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

import typer

from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail
from ftz.core.kit.pagination import PageParams
from ftz.practices.tech_transfer import (
    cli_transfers,  # noqa: F401  (registers its commands)
    patents,
    pool,
    registry,
    repository,
    rewards,
    stats,
    talent,
)
from ftz.practices.tech_transfer.cli_common import (
    app,
    find_achievement,
    pairs,
    parse,
)
from ftz.practices.tech_transfer.common import fen, viewer_for, yuan
from ftz.practices.tech_transfer.models import Achievement, Pool
from ftz.practices.tech_transfer.schemas import (
    AchievementIn,
)
from ftz.practices.tech_transfer.schemas_more import EvaluationIn

__all__ = ["app"]


@app.command("check-patent")
def check_patent(number: str, as_json: bool = JSON_OPTION) -> None:
    """Check a Chinese patent number's check character (CNIPA ZC 0006-2003)."""
    try:
        checked = patents.check_patent(number)
    except ValueError as exc:
        fail(str(exc), 2)
    emit(
        {"number": checked.number, "patent_type": checked.patent_type},
        as_json,
        f"{checked.number} {checked.patent_type}",
    )


@app.command("reward")
def reward(
    mode: str = typer.Option(..., help="licence, assignment or equity"),
    kind: str = typer.Option(
        ..., help="licence_fee, royalty, assignment_price, dividend, equity_sale"
    ),
    gross: str = typer.Option(..., help="gross income, CNY"),
    cost: list[str] = typer.Option([], help="deductible cost KIND=CNY (repeatable)"),
    share: list[str] = typer.Option([], help="inventor share in percent (repeatable)"),
    policy: str = typer.Option("statutory", help="reward rule: statutory or a unit's"),
    as_json: bool = JSON_OPTION,
) -> None:
    """The inventors' reward of one income under a rule, explained, without the database."""
    try:
        amounts = [(k, fen(Decimal(v))) for k, v in pairs(cost, "cost")]
        shares = [Decimal(s) for s in share]
        gross_fen = fen(Decimal(gross))
    except InvalidOperation:
        fail("amounts and shares must be numbers", 2)
    if shares and sum(shares) != 100:
        fail("the shares must add up to 100", 2)
    found = rewards.compute(
        policy=policy,
        mode=mode,
        income_kind=kind,
        gross_fen=gross_fen,
        costs=amounts,
        shares=shares,
    )
    data = {
        "net": yuan(found.net_fen),
        "rate": found.rate,
        "reward": yuan(found.reward_fen),
        "lines": [yuan(n) for n in found.lines],
        "rule": found.why[0]["row_id"],
        "citation": found.why[0]["citation"],
    }
    lines = " ".join(str(yuan(n)) for n in found.lines)
    emit(
        data,
        as_json,
        f"net {data['net']} × {found.rate} = {data['reward']} ({data['rule']}) {lines}",
    )


@app.command("achievements")
def achievements(
    q: str = typer.Option("", help="title, number, patent no., college or inventor"),
    status: str = typer.Option(""),
    kind: str = typer.Option(""),
    page: int = typer.Option(1, min=1),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """The register, newest first, 20 a page."""
    with cli_session(as_user) as (session, principal):
        viewer = viewer_for(session, principal)
        found = repository.page(
            session,
            viewer,
            Achievement,
            PageParams(page=page, size=20),
            *repository.achievement_filters(q, kind, status),
            order=(Achievement.created_at.desc(),),
        )
        rows = registry.views(session, found.items)
    text = "\n".join(f"{r['number']} {r['status']:<11} {r['kind']:<8} {r['title']}" for r in rows)
    emit({"total": found.total, "items": rows}, as_json, f"{text}\n({found.total} in all)")


@app.command("show")
def show(ref: str, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """One achievement (by number or id) with its inventors and shares."""
    with cli_session(as_user) as (session, principal):
        row = registry.view(session, find_achievement(session, viewer_for(session, principal), ref))
    people = ", ".join(f"{i['name']} {i['share_pct']}%" for i in row["inventors"])
    emit(row, as_json, f"{row['number']} {row['status']} {row['title']} [{people}]")


@app.command("disclose")
def disclose(
    title: str = typer.Option(...),
    kind: str = typer.Option(...),
    college: str = typer.Option(...),
    completed_on: str = typer.Option(...),
    inventor: list[str] = typer.Option(..., help="RESEARCHER_ID=SHARE (repeatable)"),
    ip_number: str = typer.Option(""),
    register: bool = typer.Option(False, "--register"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Disclose an achievement (the office may --register it at once)."""
    data = parse(
        AchievementIn,
        {
            "title": title,
            "kind": kind,
            "college": college,
            "completed_on": completed_on,
            "ip_number": ip_number,
            "inventors": [
                {"researcher_id": r, "share_pct": s} for r, s in pairs(inventor, "inventor")
            ],
        },
    )
    with cli_session(as_user) as (session, principal):
        made = registry.disclose(session, principal=principal, data=data, register=register)
        row = registry.view(session, made)
    emit(row, as_json, f"{row['number']} {row['status']} {row['id']}")


@app.command("pool")
def show_pool(as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """The pool's balances and whether every entry reconciles."""
    with cli_session(as_user) as (session, principal):
        data = pool.reconcile(session, principal=principal)
        data["pools"] = [
            {"org_id": p.org_id, "balance": str(yuan(p.balance_fen))}
            for p in repository.rows(session, viewer_for(session, principal), Pool)
        ]
    balances = ", ".join(p["balance"] for p in data["pools"])
    emit(data, as_json, f"{'reconciled' if data['ok'] else 'PROBLEMS'} balances {balances}")
    if not data["ok"]:
        raise typer.Exit(1)


@app.command("criteria")
def criteria(
    path: str = typer.Option(""), level: str = typer.Option(""), as_json: bool = JSON_OPTION
) -> None:
    """The title-evaluation criteria per path and level, with sources."""
    rows = [
        r
        for r in talent.criteria_table()
        if (not path or r["path"] == path) and (not level or r["level"] == level)
    ]
    emit(
        {"items": rows},
        as_json,
        "\n".join(
            f"{r['row_id']:<18} {r['metric']} ≥ {r['threshold']}  {r['reason_zh']}" for r in rows
        ),
    )


@app.command("evaluate")
def evaluate(
    researcher: str,
    path: str = typer.Option(...),
    level: str = typer.Option(...),
    year: int | None = typer.Option(None),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Evaluate a researcher (by id) against the criteria of a path and level."""
    data = parse(EvaluationIn, {"path": path, "level": level, "year": year})
    with cli_session(as_user) as (session, principal):
        made = talent.evaluate(session, principal=principal, researcher_id=researcher, data=data)
        out: dict[str, Any] = {"id": made.id, "eligible": made.eligible, "criteria": made.criteria}
    text = "\n".join(
        f"{'met    ' if c['met'] else 'NOT met'} {c['row_id']} {c['value']} / {c['threshold']}"
        for c in out["criteria"]
    )
    emit(out, as_json, text)


@app.command("statistics")
def statistics(as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Units, achievements listed and transferred, promotions, beside the seed × scale."""
    with cli_session(as_user) as (session, principal):
        data = stats.statistics(session, principal=principal)
    t, seed, k = data["totals"], data["seed"], data["demo_scale"]
    lines = [
        f"{label:<12} {t[key]:>6} ×{k} = {t[key] * k:>7}  seed {seed[seed_key]}"
        for label, key, seed_key in (
            ("pilot units", "pilot_units", "pilot_units"),
            ("listed", "registered", "achievements"),
            ("transferred", "transferred", "transferred"),
            ("promotions", "promotions", "promotions"),
        )
    ]
    emit(data, as_json, "\n".join(lines))
