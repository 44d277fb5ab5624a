"""Row scoping and the page envelope shared by every practice (own table, in-memory SQLite)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from ftz.core.auth.models import OrgKind, Role
from ftz.core.auth.principal import Principal
from ftz.core.auth.scoping import get_owned, scoped
from ftz.core.kit.errors import FtzError
from ftz.core.kit.pagination import Page, PageOut, PageParams, paginate_query

DEPARTMENTS = ("customs",)


class _Base(DeclarativeBase):
    pass


class Parcel(_Base):
    __tablename__ = "parcel"
    id: Mapped[str] = mapped_column(String(8), primary_key=True)
    org_id: Mapped[str] = mapped_column(String(8))


def _who(kind: str, *, org: str | None = None, department: str | None = None) -> Principal:
    roles = {"enterprise": {Role.ENTERPRISE}, "officer": {Role.OFFICER}, "admin": {Role.ADMIN}}
    return Principal(
        user_id="u1",
        username=kind,
        display_name=kind,
        org_id=org,
        org_kind=OrgKind.ENTERPRISE if kind == "enterprise" else OrgKind.AGENCY,
        department=department,
        roles=frozenset(roles[kind]),
        auth_method="session",
    )


@pytest.fixture
def db() -> Iterator[Session]:
    engine = create_engine("sqlite://")
    _Base.metadata.create_all(engine)
    with Session(engine) as session:
        session.add_all([Parcel(id=f"p{i}", org_id="o1" if i < 3 else "o2") for i in range(5)])
        session.commit()
        yield session


def _ids(session: Session, who: Principal) -> set[str]:
    query = scoped(select(Parcel), Parcel, who, DEPARTMENTS)
    return set(session.scalars(query.with_only_columns(Parcel.id)))


def test_enterprises_see_their_own_officers_of_the_practice_all_others_none(db: Session) -> None:
    assert _ids(db, _who("enterprise", org="o1")) == {"p0", "p1", "p2"}
    assert _ids(db, _who("officer", department="customs")) == {f"p{i}" for i in range(5)}
    assert _ids(db, _who("admin")) == {f"p{i}" for i in range(5)}
    assert _ids(db, _who("officer", department="tax")) == set()


def test_another_organizations_row_is_not_found_not_forbidden(db: Session) -> None:
    assert get_owned(db, _who("enterprise", org="o1"), Parcel, "p1", DEPARTMENTS).id == "p1"
    with pytest.raises(FtzError) as refused:
        get_owned(db, _who("enterprise", org="o1"), Parcel, "p4", DEPARTMENTS, what="parcel")
    assert refused.value.status == 404 and "parcel" in str(refused.value.detail)


def test_page_envelope_copies_the_counts(db: Session) -> None:
    query = select(Parcel).order_by(Parcel.id)
    page: Page[Parcel] = paginate_query(db, query, PageParams(page=2, size=2))
    out = PageOut[str].of(page, [p.id for p in page.items])
    assert out.model_dump() == {"items": ["p2", "p3"], "total": 5, "page": 2, "size": 2}
    assert page.pages == 3
