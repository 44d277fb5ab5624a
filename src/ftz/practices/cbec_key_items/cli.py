"""`ftz cbec-key-items …`: screen a declaration file (CSV or JSON), the dashboard, the list in
force and a new version of it, declarations (list, show), confirm or clear a line, and the
monthly joint report (JSON or CSV)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
import yaml
from pydantic import ValidationError

from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail
from ftz.core.kit.errors import FtzError
from ftz.core.kit.pagination import PageParams
from ftz.practices.cbec_key_items import csvin, report, repository, service
from ftz.practices.cbec_key_items.keylist import KeyItemListIn
from ftz.practices.cbec_key_items.models import KeyItemDeclaration
from ftz.practices.cbec_key_items.schemas import (
    CheckIn,
    DeclarationIn,
    DeclarationOut,
    LineIn,
    ResolveIn,
)

app = typer.Typer(no_args_is_help=True, help="p22 跨境电商铁路安检平行作业 CBEC key items")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        fail(f"{path}: cannot read ({exc.strerror})", 2)


def _problem(exc: ValidationError | FtzError, where: str) -> str:
    if isinstance(exc, FtzError):
        return exc.detail
    error = exc.errors()[0]
    return f"{where}: {'.'.join(str(p) for p in error['loc'])}: {error['msg']}"


def _summary(out: dict[str, Any]) -> str:
    hits = [
        f"#{line['position']} {line['item_name']}: " + ", ".join(h["rule_id"] for h in line["hits"])
        for line in out["lines"]
        if line["status"] != "passed"
    ]
    head = (
        f"{out['number']} {out['status']} v{out['list_version']} "
        f"{out['hit_count']}/{out['line_count']} lines hit"
    )
    return "\n".join([head, *hits])


@app.command("screen")
def screen(
    file: Path,
    entry_no: str = typer.Option("", "--entry-no", help="Entry (list) number"),
    ecommerce_code: str = typer.Option("", "--ecommerce-code", help="E-commerce enterprise"),
    container: str = typer.Option("", "--container", help="Rail container (ISO 6346)"),
    dry_run: bool = typer.Option(False, "--dry-run", help="Screen only, declare nothing"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Screen a declaration: a CSV of lines (with the options) or a JSON DeclarationIn.
    Submitted as the enterprise given by --as, or only screened with --dry-run."""
    text = _read(file)
    try:
        if file.suffix.lower() == ".json":
            raw = json.loads(text)
            if dry_run:
                check = CheckIn.model_validate(
                    {"lines": raw.get("lines"), "ecommerce_code": raw.get("ecommerce_code", "")}
                )
            else:
                data = DeclarationIn.model_validate(raw)
        else:
            lines: list[LineIn] = csvin.read_lines(text, str(file))
            if dry_run:
                check = CheckIn(lines=lines, ecommerce_code=ecommerce_code.upper())
            else:
                data = DeclarationIn(
                    entry_no=entry_no.upper(),
                    ecommerce_code=ecommerce_code.upper(),
                    container_no=container,
                    lines=lines,
                )
    except (ValidationError, FtzError) as exc:
        fail(_problem(exc, str(file)), 2)
    except (json.JSONDecodeError, AttributeError) as exc:
        fail(f"{file}: not a JSON object ({exc})", 2)
    with cli_session(as_user) as (session, principal):
        if dry_run:
            found = service.check(session, principal=principal, data=check)
            lines_hit = [
                f"#{x['position']} {x['item_name']}: {x['route']} "
                + ", ".join(h["rule_id"] for h in x["hits"])
                for x in found["lines"]
                if x["route"] != "release"
            ]
            counted = f"{found['inspection']}/{len(found['lines'])}"
            head = f"v{found['list_version']} {counted} lines to inspection"
            emit(found, as_json, "\n".join([head, *lines_hit]))
            return
        made = service.declare(session, principal=principal, data=data, source="cli")
        out = DeclarationOut.model_validate(made).model_dump(mode="json")
    emit(out, as_json, _summary(out))


@app.command("dashboard")
def dashboard(as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Declarations and lines screened, hits, containers and savings, the seed's figures."""
    with cli_session(as_user) as (session, principal):
        data = service.dashboard(session, principal=principal)
    emit(data, as_json, json.dumps(data, ensure_ascii=False, indent=1, default=str))


@app.command("key-items")
def key_items(
    version: int | None = typer.Option(None, min=1),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """The key-items list in force (or one version)."""
    with cli_session(as_user) as (session, _principal):
        doc = service.list_document(session, version)
    rows = [f"{r['id']} {r['category']} {r['reason_zh']}" for r in doc["rules"]]
    emit(doc, as_json, "\n".join([f"v{doc['version']} {len(rows)} rules", *rows]))


@app.command("save-list")
def save_list(
    file: Path, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION
) -> None:
    """Save a YAML or JSON file as the next version of the whole list (officers)."""
    try:
        raw = yaml.safe_load(_read(file))
        if not isinstance(raw, dict):
            fail(f"{file}: a mapping with effective_from and rules", 2)
        raw.pop("version", None)
        data = KeyItemListIn.model_validate(raw)
    except yaml.YAMLError as exc:
        fail(f"{file}: not YAML or JSON ({str(exc).splitlines()[0]})", 2)
    except ValidationError as exc:
        fail(_problem(exc, str(file)), 2)
    with cli_session(as_user) as (session, principal):
        made = service.save_list(session, principal=principal, data=data)
        out = {"version": made.version, "rule_count": made.rule_count, "sha256": made.sha256}
    emit(out, as_json, f"v{made.version} saved, {made.rule_count} rules")


@app.command("list")
def list_declarations(
    status: str | None = typer.Option(None),
    q: str | None = typer.Option(None, help="Number, entry, e-commerce code, container"),
    page: int = typer.Option(1, min=1),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Declarations, newest first."""
    filters: list[Any] = [KeyItemDeclaration.status == status] if status else []
    if q:
        filters.append(repository.search(q))
    with cli_session(as_user) as (session, principal):
        found = repository.page(session, principal, PageParams(page=page, size=50), *filters)
        rows = [DeclarationOut.model_validate(d).model_dump(mode="json") for d in found.items]
    text = "\n".join(_summary(r).splitlines()[0] for r in rows)
    emit({"items": rows, "total": found.total}, as_json, text)


@app.command("show")
def show(
    declaration_id: str, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION
) -> None:
    """One declaration with its lines and hits."""
    with cli_session(as_user) as (session, principal):
        found = repository.get_declaration(session, principal, declaration_id)
        out = DeclarationOut.model_validate(found).model_dump(mode="json")
    emit(out, as_json, _summary(out))


@app.command("resolve")
def resolve(
    line_id: str,
    event: str = typer.Option(..., help="confirm or clear"),
    kind: str | None = typer.Option(None, help="carriage, false_declaration or concealment"),
    note: str = typer.Option(..., help="The inspection note"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Confirm or clear a line at inspection (customs or railway officer)."""
    try:
        data = ResolveIn.model_validate({"event": event, "kind": kind, "note": note})
    except ValidationError as exc:
        fail(_problem(exc, "resolve"), 2)
    with cli_session(as_user) as (session, principal):
        line, violation = service.resolve(session, principal=principal, line_id=line_id, data=data)
        out = {
            "line_id": line.id,
            "status": line.status,
            "declaration_status": line.declaration.status,
            "measure": violation.measure if violation else None,
            "railway_grade": violation.railway_grade if violation else None,
            "fired": violation.fired if violation else [],
        }
    text = f"{out['status']} → declaration {out['declaration_status']}"
    if violation:
        text += (
            f"; {violation.measure} grade {violation.railway_grade} {violation.fired[0]['row_id']}"
        )
    emit(out, as_json, text)


@app.command("report")
def monthly_report(
    month: str = typer.Option(..., help="YYYY-MM"),
    csv_out: bool = typer.Option(False, "--csv", help="Print the CSV"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """The monthly joint report of customs and railway."""
    if len(month) != 7 or month[4] != "-" or not (month[:4] + month[5:]).isdigit():
        fail("--month must be YYYY-MM", 2)
    with cli_session(as_user) as (session, principal):
        if csv_out:
            body = bytes(report.report_csv(session, principal=principal, month=month).body)
            typer.echo(body.decode("utf-8").lstrip("\ufeff"), nl=False)
            return
        data = report.report(session, principal=principal, month=month)
    total = data["total"]
    text = (
        f"{month}: {total['declarations']} declarations, {total['lines']} lines, "
        f"{total['hit_lines']} hit, {total['confirmed']} confirmed, "
        f"{total['cleared']} cleared, {total['violations']} violations"
    )
    emit(data, as_json, text)
