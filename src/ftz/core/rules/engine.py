"""Decision tables as data: GoRules JDM files evaluated by zen-engine, with the fired rows.

Every evaluation returns the result and the rows that fired, each with its description and the
citation column (seed case, regulation article), so a page can always show "why".
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import zen

from ftz.core.kit.errors import FtzError


@dataclass(frozen=True)
class FiredRow:
    table: str
    row_id: str
    description: str
    citation: str
    outputs: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "row_id": self.row_id,
            "description": self.description,
            "citation": self.citation,
            "outputs": self.outputs,
        }


@dataclass(frozen=True)
class Decision:
    key: str
    result: Any
    fired: list[FiredRow] = field(default_factory=list)

    def explanation(self) -> list[dict[str, Any]]:
        return [row.as_dict() for row in self.fired]


class RuleError(FtzError):
    pass


class RuleSet:
    """All JDM files of one folder, evaluated through one engine (loader path, ~20x faster)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._documents: dict[str, dict[str, Any]] = {}
        self._raw: dict[str, str] = {}
        for path in sorted(folder.glob("*.json")):
            text = path.read_text(encoding="utf-8")
            self._raw[path.name] = text
            self._documents[path.name] = json.loads(text)
        self._engine = zen.ZenEngine({"loader": self._load})

    def _load(self, key: str) -> str:
        return self._raw[key]

    @property
    def keys(self) -> list[str]:
        return list(self._documents)

    def document(self, key: str) -> dict[str, Any]:
        return self._documents[key]

    def evaluate(self, key: str, context: dict[str, Any]) -> Decision:
        if key not in self._raw:
            raise RuleError(detail=f"no decision {key} in {self.folder}", status=500)
        try:
            response = self._engine.evaluate(key, context, {"trace": True})
        except RuntimeError as exc:  # zen raises RuntimeError for evaluation errors
            raise RuleError(detail=f"decision {key} failed: {exc}", status=500) from exc
        return Decision(key=key, result=response["result"], fired=self._fired(key, response))

    def _fired(self, key: str, response: Any) -> list[FiredRow]:
        nodes = {node["id"]: node for node in self._documents[key]["nodes"]}
        traces = sorted(response.get("trace", {}).values(), key=lambda t: t.get("order", 0))
        fired: list[FiredRow] = []
        for trace in traces:
            node = nodes.get(trace["id"], {})
            if node.get("type") != "decisionTableNode":
                continue
            rows = {row["_id"]: row for row in node["content"]["rules"]}
            hits = trace.get("traceData") or []
            outputs = trace.get("output")
            if isinstance(hits, dict):
                hits, outputs = [hits], [outputs]
            if not isinstance(outputs, list):
                outputs = [outputs] * len(hits)
            for hit, output in zip(hits, outputs, strict=False):
                row = rows.get(hit["rule"]["_id"], {})
                values = dict(output or {})
                citation = str(values.pop("citation", "") or "")
                fired.append(
                    FiredRow(
                        table=node.get("name", node["id"]),
                        row_id=hit["rule"]["_id"],
                        description=str(row.get("_description", "")),
                        citation=citation,
                        outputs=values,
                    )
                )
        return fired
