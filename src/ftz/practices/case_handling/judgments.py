"""The court's own judgments: the similar-case corpus (类案检索). Imported from a YAML or JSON
list (`ftz case-handling judgments import FILE`; the demo corpus is data/concluded_cases.yaml),
idempotent by case number, and searched through `domain.legal.index` (jieba + BM25, and the
e5 embeddings fused by RRF in hybrid mode; the corpus is small, so it is embedded whole at the
first hybrid search and cached under FTZ_DATA_DIR)."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.kit.errors import validation_error
from ftz.domain.legal.index import Document, Mode, corpus_index
from ftz.practices.case_handling.common import digest
from ftz.practices.case_handling.models import CourtJudgment
from ftz.practices.case_handling.schemas import JudgmentIn

CORPUS = "judgments"


def read_file(path: Path) -> list[JudgmentIn]:
    """Judgments from a YAML or JSON file: a list, or a mapping with `cases` / `judgments`
    (entries whose `outcome` is not `judgment`, i.e. mediated or withdrawn cases, are skipped)."""
    try:
        text = path.read_text(encoding="utf-8")
        loaded: Any = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except OSError as exc:
        raise validation_error("file", f"{path}: {exc.strerror}") from exc
    except (ValueError, yaml.YAMLError) as exc:
        raise validation_error("file", f"{path}: not YAML or JSON ({exc})") from exc
    if isinstance(loaded, dict):
        loaded = loaded.get("judgments") or loaded.get("cases") or []
    if not isinstance(loaded, list):
        raise validation_error("file", "expected a list of judgments")
    items = [
        x for x in loaded if isinstance(x, dict) and x.get("outcome", "judgment") == "judgment"
    ]
    out = []
    for n, item in enumerate(items, start=1):
        try:
            out.append(
                JudgmentIn.model_validate(
                    {**item, "decided_on": item.get("decided_on") or item.get("closed_on")}
                )
            )
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise validation_error(f"judgments[{n}].{where}", first["msg"]) from exc
    return out


def import_judgments(session: Session, items: list[JudgmentIn], source: str) -> dict[str, int]:
    """Insert new judgments, update changed ones (by case number); returns the counts."""
    existing = {j.number: j for j in session.scalars(select(CourtJudgment))}
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    for item in items:
        values = {
            "court": item.court,
            "cause": item.cause,
            "case_type": item.case_type,
            "decided_on": item.decided_on,
            "judge": item.judge,
            "parties": item.parties,
            "amount_cny": item.amount,
            "facts": item.facts,
            "reasoning": item.reasoning,
            "holding": item.holding,
            "result": item.result,
            "laws_cited": item.laws,
        }
        sha = digest(item.model_dump(mode="json"))
        found = existing.get(item.number)
        if found is None:
            session.add(CourtJudgment(number=item.number, source=source, sha256=sha, **values))
            counts["added"] += 1
        elif found.sha256 != sha:
            for key, value in values.items():
                setattr(found, key, value)
            found.sha256, found.source = sha, source
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
    session.flush()
    return counts


def _stamp(session: Session) -> str:
    count, latest = session.execute(
        select(func.count(CourtJudgment.id), func.max(CourtJudgment.updated_at))
    ).one()
    return f"{count}:{latest}"


def _text(j: CourtJudgment) -> str:
    return " ".join([j.cause, j.holding, j.facts, j.reasoning, j.result, " ".join(j.laws_cited)])


def search(
    session: Session,
    query: str,
    *,
    k: int = 10,
    mode: Mode = "bm25",
    court: str | None = None,
    case_type: str | None = None,
    decided_from: date | None = None,
    decided_to: date | None = None,
    exclude_numbers: tuple[str, ...] = (),
) -> dict[str, Any]:
    """The judgments most similar to `query`, filtered by court, case type and decision date."""
    if not query.strip():
        raise validation_error("query", "describe the dispute to find similar judgments")
    started = time.perf_counter()
    rows = list(session.scalars(select(CourtJudgment).order_by(CourtJudgment.number)))
    index = corpus_index(CORPUS, _stamp(session), lambda: [Document(j.id, _text(j)) for j in rows])
    allowed = [
        j.id
        for j in rows
        if (not court or j.court == court)
        and (not case_type or j.case_type == case_type)
        and (decided_from is None or j.decided_on >= decided_from)
        and (decided_to is None or j.decided_on <= decided_to)
        and j.number not in exclude_numbers
    ]
    by_id = {j.id: j for j in rows}
    hits = index.search(query, keys=allowed, k=k, mode=mode)
    results = [
        {
            "rank": n,
            "judgment_id": h.key,
            "number": by_id[h.key].number,
            "court": by_id[h.key].court,
            "cause": by_id[h.key].cause,
            "case_type": by_id[h.key].case_type,
            "decided_on": by_id[h.key].decided_on.isoformat(),
            "holding": by_id[h.key].holding,
            "result": by_id[h.key].result,
            "laws_cited": by_id[h.key].laws_cited,
            "score": round(h.score, 6),
            "how": h.parts,
            "bm25_rank": h.bm25_rank,
            "dense_rank": h.dense_rank,
        }
        for n, h in enumerate(hits, start=1)
    ]
    took = round((time.perf_counter() - started) * 1000, 1)
    return {"searched": len(allowed), "results": results, "took_ms": took}
