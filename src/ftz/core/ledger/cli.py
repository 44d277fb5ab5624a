"""`ftz ledger …`: append, checkpoint, prove, receipts, offline verification, audit."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from ftz.config import get_settings
from ftz.core.cli_kit import JSON_OPTION, cli_session, emit, fail
from ftz.core.db import make_engine, make_sessionmaker
from ftz.core.ledger import integrator, service, store
from ftz.core.ledger.audit_check import audit_logs
from ftz.core.ledger.receipts import verify_receipt

app = typer.Typer(no_args_is_help=True, help="Evidence ledger (RFC 9162 transparency logs)")
LOG = typer.Option(..., "--log", help="Log origin, e.g. ftz.local/evidence")


@app.command("append")
def append(
    log: str = LOG,
    data_file: Path = typer.Option(..., exists=True, dir_okay=False),
    as_json: bool = JSON_OPTION,
) -> None:
    """Append the file's bytes as one entry."""
    entry = data_file.read_bytes()
    with cli_session() as (session, _):
        first, hashed = store.append_acknowledged(session, log, entry)
    emit(
        {"leaf_index": first, "leaf_hash": hashed.hex()}, as_json, f"{log} #{first} {hashed.hex()}"
    )


@app.command("checkpoint")
def checkpoint(log: str = LOG, as_json: bool = JSON_OPTION) -> None:
    """Sign and timestamp the log's current head."""
    with cli_session() as (session, _):
        made = service.make_checkpoint(session, log, service.signing(get_settings()))
        data = {
            "tree_size": made.tree_size,
            "root_hash": bytes(made.root_hash).hex(),
            "note": made.note,
        }
    emit(data, as_json, made.note)


@app.command("prove")
def prove(
    log: str = LOG,
    index: int = typer.Option(...),
    size: int = typer.Option(...),
    as_json: bool = JSON_OPTION,
) -> None:
    """Inclusion proof of entry INDEX in the tree of SIZE entries."""
    with cli_session() as (session, _):
        path = store.inclusion_proof(session, log, index, size)
    hexes = [h.hex() for h in path]
    data = {"leaf_index": index, "tree_size": size, "audit_path": hexes}
    emit(data, as_json, "\n".join(hexes))


@app.command("consistency")
def consistency(
    log: str = LOG,
    old: int = typer.Option(...),
    new: int = typer.Option(...),
    as_json: bool = JSON_OPTION,
) -> None:
    """Consistency proof between tree sizes OLD and NEW."""
    with cli_session() as (session, _):
        proof = store.consistency_proof(session, log, old, new)
    hexes = [h.hex() for h in proof]
    data = {"old_size": old, "new_size": new, "proof": hexes}
    emit(data, as_json, "\n".join(hexes))


@app.command("receipt")
def receipt(
    log: str = LOG,
    index: int = typer.Option(...),
    out: Path | None = typer.Option(None, help="Write to this file"),
) -> None:
    """A receipt for entry INDEX (JSON), checkable offline with `ftz ledger verify`."""
    with cli_session() as (session, _):
        data = service.receipt(session, log, index, service.signing(get_settings()))
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if out:
        out.write_text(text + "\n", encoding="utf-8")
    else:
        typer.echo(text)


@app.command("verify")
def verify(
    receipt_file: Path = typer.Argument(..., exists=True, dir_okay=False),
    key: str | None = typer.Option(None, help="The log's verifier key (name+id+key)"),
    as_json: bool = JSON_OPTION,
) -> None:
    """Verify a receipt offline: no database, no network."""
    try:
        data = json.loads(receipt_file.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        fail(f"{receipt_file}: not a JSON receipt ({exc})", 2)
        return
    result = verify_receipt(data, key)
    lines = [f"{'ok ' if ok else 'BAD'} {name}: {detail}" for name, ok, detail in result.checks]
    emit(result.as_dict(), as_json, "\n".join(lines))
    if not result.ok:
        sys.exit(1)


@app.command("audit")
def audit(log: str | None = typer.Option(None, "--log"), as_json: bool = JSON_OPTION) -> None:
    """Re-derive every node and checkpoint from the leaves; exit 1 on any tampering."""
    with cli_session() as (session, _):
        reports = [r.as_dict() for r in audit_logs(session, service.signing(get_settings()), log)]
    lines = []
    for r in reports:
        lines.append(
            f"{r['origin']}: {r['entries']} entries, {r['nodes']} nodes, "
            f"{r['checkpoints']} checkpoints — {'ok' if r['ok'] else 'TAMPERED'}"
        )
        lines += [f"  {p}" for p in r["problems"]]
    emit({"logs": reports, "ok": all(r["ok"] for r in reports)}, as_json, "\n".join(lines))
    if not all(r["ok"] for r in reports):
        sys.exit(1)


@app.command("integrate")
def integrate(as_json: bool = JSON_OPTION) -> None:
    """Integrate every queued entry now (the server does this every second)."""
    settings = get_settings()
    engine = make_engine(settings.resolved_database_url)
    try:
        count = integrator.drain(make_sessionmaker(engine), service.signing(settings))
    finally:
        engine.dispose()
    emit({"integrated": count}, as_json, f"integrated {count} entries")


@app.command("logs")
def logs(as_json: bool = JSON_OPTION) -> None:
    """Every log with its size and root."""
    with cli_session() as (session, _):
        rows = [
            {
                "origin": log.origin,
                "tree_size": log.tree_size,
                "root_hash": bytes(log.root_hash).hex(),
            }
            for log in service.logs(session)
        ]
    emit(
        {"logs": rows},
        as_json,
        "\n".join(f"{r['origin']} {r['tree_size']} {r['root_hash']}" for r in rows),
    )


@app.command("keys")
def keys(
    rotate: bool = typer.Option(False, help="Make a new signing key active"),
    as_json: bool = JSON_OPTION,
) -> None:
    """The verifier keys of the logs (the last is active)."""
    signer = service.signing(get_settings())
    if rotate:
        signer.keyring.rotate()
    verifiers = [str(v) for v in signer.keyring.verifiers()] or [
        str(signer.keyring.active().verifier)
    ]
    emit({"verifier_keys": verifiers, "active": verifiers[-1]}, as_json, "\n".join(verifiers))
