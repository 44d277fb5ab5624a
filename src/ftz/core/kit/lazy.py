"""Package attributes loaded from their submodule on first use (PEP 562), so that importing a
package for one cheap name does not import its heavy dependencies (networkx, jieba, bm25s, the
embedder): every `ftz` command imports the CLI of every domain package."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_exports(package: str, names: dict[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` for `package` that imports `package.<names[name]>` on first use."""

    def attribute(name: str) -> Any:
        if name not in names:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{names[name]}"), name)

    return attribute
