"""Page parameters and a generic page envelope shared by every list endpoint."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

T = TypeVar("T")
MAX_PAGE_SIZE = 200


class PageParams(BaseModel):
    page: int = 1
    size: int = 20

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size


def page_params(
    page: int = Query(1, ge=1, description="1-based page number"),
    size: int = Query(20, ge=1, le=MAX_PAGE_SIZE, description="Items per page"),
) -> PageParams:
    return PageParams(page=page, size=size)


@dataclass
class Page(Generic[T]):
    """What a repository returns; API schemas copy it into a typed envelope."""

    items: list[T]
    total: int
    page: int
    size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))


class PageOut(BaseModel, Generic[T]):
    """The JSON envelope of every list endpoint: `PageOut[ShipmentOut]` and so on."""

    items: list[T]
    total: int
    page: int
    size: int

    @classmethod
    def of(cls, page: Page[Any], items: list[T]) -> PageOut[T]:
        """`page`'s counts around `items` (the page's rows already converted to T)."""
        return cls(items=items, total=page.total, page=page.page, size=page.size)


def paginate_query(session: Session, query: Select[T], params: PageParams) -> Page[T]:
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    rows = session.scalars(query.limit(params.size).offset(params.offset)).all()
    return Page(items=list(rows), total=total, page=params.page, size=params.size)
