"""The search index (BM25 and the e5 heading vectors) is built once per test session, in the
session's temporary FTZ_DATA_DIR (tests/conftest.py): embedding the 1,228 headings takes
30-50 s on two cores, and every later query reuses it."""

from __future__ import annotations

import pytest

from ftz.domain.hs.search import HsIndex, hs_index


@pytest.fixture(scope="session")
def index() -> HsIndex:
    built = hs_index()
    built.heading_vectors()
    return built
