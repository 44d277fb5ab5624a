"""Resumable scans: per-table results in a JSON state file, replaced atomically."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .errors import ScanError

VERSION = 1


class ScanState:
    def __init__(self, path: Path, source: str, sample: int | None, tables: dict[str, Any]):
        self.path, self.source, self.sample, self.tables = path, source, sample, tables

    @classmethod
    def open(cls, path: Path, source: str, sample: int | None, resume: bool) -> ScanState:
        """Without resume, start empty (the old file is replaced at the first finished table)."""
        if not resume or not path.exists():
            return cls(path, source, sample, {})
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ScanError(detail=f"cannot read state file {path}: {exc}") from exc
        if data.get("version") != VERSION or data.get("source") != source:
            raise ScanError(
                detail=f"state file {path} belongs to another scan ({data.get('source')!r})"
            )
        if data.get("sample") != sample:
            raise ScanError(
                detail=f"state file {path} was written with --sample {data.get('sample')}"
            )
        return cls(path, source, sample, dict(data.get("tables", {})))

    def done(self, table: str) -> dict[str, Any] | None:
        found = self.tables.get(table)
        return dict(found) if found is not None else None

    def save(self, table: dict[str, Any]) -> None:
        self.tables[table["name"]] = table
        body = {
            "version": VERSION,
            "source": self.source,
            "sample": self.sample,
            "tables": self.tables,
        }
        atomic_write(self.path, json.dumps(body, ensure_ascii=False, indent=1))


def atomic_write(path: Path, text: str) -> None:
    """Write a sibling temporary file, fsync it, then os.replace: readers see old or new."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
