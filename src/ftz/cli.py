"""`ftz`: the platform's command line; each built practice adds its own sub-app."""

from __future__ import annotations

import sys

import click
import typer

from ftz.config import get_settings
from ftz.core.auth import service as accounts
from ftz.core.cli_kit import JSON_OPTION, cli_session, emit, fail, problem_line
from ftz.core.db import make_engine, make_sessionmaker, migrate
from ftz.core.kit.errors import FtzError
from ftz.core.ledger import cli as ledger_cli
from ftz.core.ledger.integrator import drain
from ftz.core.ledger.service import signing
from ftz.core.registry import built_practices, practices
from ftz.domain.hs.cli import app as hs_app
from ftz.domain.network.cli import app as network_app

app = typer.Typer(
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    help="FTZ Practice Platform (自贸试验区最佳实践平台)",
)
db_app = typer.Typer(
    no_args_is_help=True, pretty_exceptions_show_locals=False, help="Database schema"
)
demo_app = typer.Typer(no_args_is_help=True, pretty_exceptions_show_locals=False, help="Demo data")
user_app = typer.Typer(no_args_is_help=True, pretty_exceptions_show_locals=False, help="Users")
practices_app = typer.Typer(
    no_args_is_help=True, pretty_exceptions_show_locals=False, help="The 29 practices"
)
app.add_typer(db_app, name="db")
app.add_typer(demo_app, name="demo")
app.add_typer(user_app, name="user")
app.add_typer(practices_app, name="practices")


@app.command()
def serve(host: str = "127.0.0.1", port: int = 8000, reload: bool = False) -> None:
    """Serve the web UI and the API."""
    import uvicorn

    uvicorn.run("ftz.main:create_app", factory=True, host=host, port=port, reload=reload)


@db_app.command("upgrade")
def db_upgrade(revision: str = "head") -> None:
    """Apply migrations up to REVISION (default: head)."""
    migrate.upgrade(get_settings().resolved_database_url, revision)
    typer.echo(f"database at {revision}")


@demo_app.command("load")
def demo_load(as_json: bool = JSON_OPTION) -> None:
    """Load the demo organizations, users and every practice's demo data (idempotent)."""
    from ftz.demo import DEMO_LOGINS, load_demo

    with cli_session() as (session, _):
        summary = load_demo(session)
    settings = get_settings()
    engine = make_engine(settings.resolved_database_url)
    try:  # anchor the demo's audit trail now rather than when the server first runs
        summary["ledger_entries_integrated"] = drain(make_sessionmaker(engine), signing(settings))
    finally:
        engine.dispose()
    lines = [f"{k}: {v}" for k, v in summary.items()]
    lines.append("demo logins (username / password):")
    lines += [f"  {u} / {p}  — {role}" for u, p, role in DEMO_LOGINS]
    emit(summary, as_json, "\n".join(lines))


@user_app.command("create")
def user_create(
    username: str,
    org: str = typer.Option(..., help="Organization code"),
    role: list[str] = typer.Option(..., help="Role; repeat for several"),
    name: str = typer.Option("", help="Display name"),
    password: str = typer.Option(..., prompt=True, hide_input=True, confirmation_prompt=True),
) -> None:
    """Create a user in an existing organization."""
    with cli_session() as (session, _):
        user = accounts.create_user(
            session,
            username=username,
            password=password,
            display_name=name or username,
            org_code=org,
            roles=role,
        )
        typer.echo(f"created user {user.username} ({', '.join(sorted(user.role_names))})")


@practices_app.command("list")
def practices_list(as_json: bool = JSON_OPTION) -> None:
    """All 29 practices with their status."""
    rows = [
        {
            "id": p.id,
            "name": p.name,
            "title_zh": p.title_zh,
            "title_en": p.title_en,
            "status": p.status,
        }
        for p in practices()
    ]
    text = "\n".join(f"{r['id']}  {r['status']:<8} {r['name']:<26} {r['title_zh']}" for r in rows)
    emit({"practices": rows}, as_json, text)


app.add_typer(ledger_cli.app, name="ledger")
app.add_typer(network_app, name="network")
app.add_typer(hs_app, name="hs")

for _spec in built_practices():
    if _spec.cli is not None:
        app.add_typer(_spec.cli, name=_spec.slug, help=f"{_spec.id} {_spec.title_zh}")
        for _alias in _spec.cli_aliases:
            app.add_typer(_spec.cli, name=_alias, help=f"{_spec.id}: alias of {_spec.slug}")


def main() -> None:
    """Entry point: bad input ends in one line on stderr and a non-zero exit, never a traceback."""
    try:
        # Without standalone mode click returns a command's `Exit` code instead of exiting.
        code = app(standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except FtzError as exc:
        fail(*problem_line(exc))
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        fail("aborted")
    except click.ClickException as exc:
        fail(exc.format_message(), exc.exit_code)


if __name__ == "__main__":
    main()
