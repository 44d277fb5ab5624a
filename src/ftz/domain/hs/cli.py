"""`ftz hs …`: search the HS 2022 nomenclature by product text or code prefix, and show one
code with its place in the hierarchy. No database: the nomenclature ships with the package."""

from __future__ import annotations

import typer

from ftz.core.cli_kit import JSON_OPTION, emit, fail
from ftz.domain.hs.nomenclature import HsCodeError, described

MAX_K = 50  # as ftz.domain.hs.search.MAX_K (asserted by the tests); search is imported on use,
# so that every other `ftz` command does not pay for importing jieba, bm25s and the embedder

app = typer.Typer(no_args_is_help=True, help="HS 2022 商品编码 nomenclature: search and show")


@app.command("search")
def search_command(
    text: str = typer.Argument(..., help="Product text (中文 or English) or a code prefix"),
    top: int = typer.Option(10, "--top", min=1, max=MAX_K, help="How many subheadings"),
    as_json: bool = JSON_OPTION,
) -> None:
    """The best 6-digit subheadings for TEXT, best first."""
    from ftz.domain.hs.search import search

    try:
        hits = search(text, top)
    except HsCodeError as exc:
        fail(str(exc), 2)
    lines = [f"{h.code}  {h.score:.4f}  {h.description_zh or h.description_en}" for h in hits]
    emit({"results": [h.as_dict() for h in hits]}, as_json, "\n".join(lines) or "no match")


@app.command("show")
def show_command(
    code: str = typer.Argument(..., help="8507.60, 850760, 8507600000, 85, XVI"),
    as_json: bool = JSON_OPTION,
) -> None:
    """One code: its names, its path from the section down, and its children."""
    try:
        out = described(code)
    except HsCodeError as exc:
        fail(str(exc), 2)
    lines = [
        f"{'  ' * i}{e['code']}  {e['description_zh'] or e['description_en']}"
        for i, e in enumerate(out["path"])
    ]
    lines += [
        f"    - {c['code']}  {c['description_zh'] or c['description_en']}" for c in out["children"]
    ]
    emit(out, as_json, "\n".join(lines))
