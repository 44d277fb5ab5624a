"""Clause-level comparison of two versions of a standard's text (difflib).

A text is split into clauses at lines that start with a clause number ("4", "4.2", "A.1");
lines without a number continue the clause above. Clauses are paired by number: a number only
in the new text was added, only in the old one removed, in both with different wording changed.
Each changed clause carries what was replaced, inserted or deleted (numbers kept whole, Chinese
compared character by character), so the notice an enterprise reads says "4.2: 450 → 420"
rather than "the standard changed"."""

from __future__ import annotations

import difflib
import re
from typing import Any

CLAUSE = re.compile(r"^\s*((?:\d+|[A-Z])(?:\.\d+)*)[\s.、:：)）]+(.*)$")
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[A-Za-z]+(?:[-'][A-Za-z]+)*|\S")
PREAMBLE = "0"  # text before the first numbered clause
MAX_EDITS = 6  # per clause, in the summary
MERGE_GAP = 4  # tokens of common text between two edits that still join them


def clauses(text: str) -> dict[str, str]:
    """Clause number → its text (whitespace collapsed), in document order."""
    found: dict[str, list[str]] = {}
    current = PREAMBLE
    for line in text.splitlines():
        if not line.strip():
            continue
        match = CLAUSE.match(line)
        if match:
            current = match.group(1)
            found.setdefault(current, []).append(match.group(2).strip())
        else:
            found.setdefault(current, []).append(line.strip())
    return {number: " ".join(" ".join(parts).split()) for number, parts in found.items()}


def _joined(tokens: list[str]) -> str:
    text = ""
    for token in tokens:
        ascii_pair = text[-1:].isascii() and text[-1:].isalnum() and token[:1].isascii()
        text += (" " if ascii_pair and token[:1].isalnum() else "") + token
    return text


def edits(old: str, new: str) -> list[dict[str, str]]:
    """What changed inside one clause: replace / insert / delete with the words involved."""
    before, after = TOKEN.findall(old), TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    # Edits separated by a short common run ("50 mg/kg 至 80" → "30 mg/kg 至 50") read better as
    # one replacement of the whole phrase than as an insertion and a deletion around it.
    spans: list[list[int]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if spans and i1 - spans[-1][1] <= MERGE_GAP and j1 - spans[-1][3] <= MERGE_GAP:
            spans[-1][1], spans[-1][3] = i2, j2
        else:
            spans.append([i1, i2, j1, j2])
    found = []
    for i1, i2, j1, j2 in spans:
        op = "replace" if i2 > i1 and j2 > j1 else "delete" if i2 > i1 else "insert"
        found.append({"op": op, "old": _joined(before[i1:i2]), "new": _joined(after[j1:j2])})
    return found


def compare(old_text: str, new_text: str) -> dict[str, Any]:
    """The clause-level diff of two versions: counts, and each changed clause with its edits
    and similarity ratio."""
    old, new = clauses(old_text), clauses(new_text)
    changes: list[dict[str, Any]] = []
    for number in list(old) + [n for n in new if n not in old]:
        if number not in new:
            changes.append({"clause": number, "kind": "removed", "old": old[number], "new": ""})
        elif number not in old:
            changes.append({"clause": number, "kind": "added", "old": "", "new": new[number]})
        elif old[number] != new[number]:
            ratio = difflib.SequenceMatcher(a=old[number], b=new[number]).ratio()
            changes.append(
                {
                    "clause": number,
                    "kind": "changed",
                    "old": old[number],
                    "new": new[number],
                    "ratio": round(ratio, 3),
                    "edits": edits(old[number], new[number]),
                }
            )
    counts = {
        kind: sum(1 for c in changes if c["kind"] == kind)
        for kind in ("changed", "added", "removed")
    }
    unchanged = sum(1 for n in old if n in new and old[n] == new[n])
    return {"counts": {**counts, "unchanged": unchanged}, "changes": changes}


def first_version(text: str) -> dict[str, Any]:
    """A standard's first version: every clause is new."""
    return compare("", text)


def summary(diff: dict[str, Any]) -> str:
    """One line per changed clause, for a notice ("4.2 changed: 450 → 420")."""
    counts = diff["counts"]
    lines = [
        f"{counts['changed']} changed, {counts['added']} added, {counts['removed']} removed, "
        f"{counts['unchanged']} unchanged"
    ]
    for change in diff["changes"]:
        if change["kind"] == "changed":
            parts = [f"{e['old'] or '∅'} → {e['new'] or '∅'}" for e in change["edits"][:MAX_EDITS]]
            lines.append(f"{change['clause']} changed: " + "; ".join(parts))
        elif change["kind"] == "added":
            lines.append(f"{change['clause']} added: {change['new'][:120]}")
        else:
            lines.append(f"{change['clause']} removed: {change['old'][:120]}")
    return "\n".join(lines)
