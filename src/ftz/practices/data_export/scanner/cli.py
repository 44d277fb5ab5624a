"""`ftz data-export scan PATH_OR_URL`: scan a file or a database for personal data."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from .errors import ScanError

app = typer.Typer(no_args_is_help=True, pretty_exceptions_show_locals=False)


@app.callback()
def main() -> None:
    """Sensitive-data scanner (p01 数据跨境流动)."""
    # A callback keeps `scan` a named sub-command even while it is the only one.


def _fail(message: str, code: int) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _negative_matcher(ftz: str | None) -> Callable[[str], dict[str, Any] | None] | None:
    """The zone's negative list as the scanner's field matcher (None: no zone given)."""
    if ftz is None:
        return None
    from ftz.practices.data_export.catalogs import FTZ_IDS, load_catalogs

    if ftz not in FTZ_IDS:
        _fail(f"--ftz must be one of {', '.join(sorted(FTZ_IDS))}", 2)
    catalogs = load_catalogs()

    def match(field: str) -> dict[str, Any] | None:
        entry = catalogs.negative_match(ftz, field)
        return entry.model_dump(mode="json") if entry is not None else None

    return match


@app.command()
def scan(
    source: Annotated[str, typer.Argument(help="CSV/Parquet/xlsx/JSONL file or SQLAlchemy URL")],
    table: Annotated[list[str] | None, typer.Option("--table", help="Only these tables")] = None,
    sample: Annotated[int, typer.Option(help="Rows read per table", min=1)] = 10_000,
    full: Annotated[bool, typer.Option("--full", help="Read every row")] = False,
    random_rows: Annotated[
        bool, typer.Option("--random", help="Random rows, not the first")
    ] = False,
    strict_ids: Annotated[
        bool, typer.Option("--strict-ids", help="Resident IDs: also birth date and region")
    ] = False,
    encoding: Annotated[str, typer.Option(help="Text encoding of CSV/JSONL")] = "utf-8",
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object")] = False,
    html: Annotated[Path | None, typer.Option("--html", help="Write an HTML report")] = None,
    state: Annotated[Path | None, typer.Option("--state", help="Per-table progress file")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Skip tables done in --state")] = False,
    ftz: Annotated[
        str | None,
        typer.Option(
            "--ftz",
            help="Check fields against this zone's negative list: "
            "tianjin, beijing or shanghai-lingang",
        ),
    ] = None,
) -> None:
    """Classify every column of every table: entity, share, level, masked evidence."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from .report import render_html
    from .scan import scan_source
    from .state import atomic_write

    if resume and state is None:
        _fail("--resume needs --state FILE", 2)
    negative_match = _negative_matcher(ftz)
    console = Console(stderr=True)
    bar = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=console,
        disable=not console.is_terminal, transient=True,
    )  # fmt: skip
    tasks: dict[str, int] = {}

    def progress(name: str, done: int, total: int) -> None:
        if name not in tasks:
            tasks[name] = int(bar.add_task(f"scanning {name}", total=total))
        bar.update(tasks[name], completed=done)  # type: ignore[arg-type]

    try:
        with bar:
            result = scan_source(
                source,
                tables=table or None,
                sample=None if full else sample,
                random_sample=random_rows,
                id_mode="strict" if strict_ids else "checksum",
                encoding=encoding,
                progress=progress,
                state_path=state,
                resume=resume,
                negative_match=negative_match,
            )
    except ScanError as exc:
        _fail(str(exc), exc.exit_code)
        return
    except KeyboardInterrupt:
        saved = f"; finished tables are in {state}, rerun with --resume" if state else ""
        _fail(f"interrupted{saved}", 130)
        return
    data = result.to_dict()
    if html is not None:
        atomic_write(html, render_html(data))
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        return
    for t in result.tables:
        typer.echo(f"{t.name}: {t.rows_scanned} rows, {t.individuals} individuals "
                   f"({t.sensitive_individuals} with sensitive data)")  # fmt: skip
        for c in t.columns:
            if c.entity:
                typer.echo(
                    f"  {c.name}: {c.entity} {c.share:.0%} {c.level} {', '.join(c.evidence)}"
                )
    typer.echo(f"total: {result.individuals} individuals, "
               f"{result.sensitive_individuals} with sensitive personal information")  # fmt: skip
