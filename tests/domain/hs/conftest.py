"""The search index (BM25 and the e5 heading vectors) is built once per test process; the
heading vectors once per run, in the embedding cache the workers share (tests/conftest.py):
embedding the 1,228 headings takes 35-100 s on two cores, and every later query reuses it."""

from __future__ import annotations

import pytest

from ftz.domain.hs.search import HsIndex
from tests.conftest import built_hs_index


@pytest.fixture(scope="session")
def index() -> HsIndex:
    return built_hs_index()
