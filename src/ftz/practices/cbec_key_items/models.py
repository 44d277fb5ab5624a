"""p22 tables: versions of the key-items list (each a whole document), the CBEC export
declarations screened against a version, their lines with the hits, the violations officers
confirm and the enterprises' credit that those violations move."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin
from ftz.core.db.base import JSONValue, UTCDateTime


class KeyItemListVersion(Audited, IdMixin, TimestampMixin, Base):
    """A saved version of the list (version 1 is the shipped file, data/key_items.yaml)."""

    __tablename__ = "cbec_key_items_list_version"
    __audit_owner__ = None  # the list belongs to the two agencies, no enterprise

    version: Mapped[int] = mapped_column(Integer, unique=True)
    effective_from: Mapped[date] = mapped_column(Date)
    rule_count: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    document: Mapped[dict[str, Any]] = mapped_column(JSONValue)
    saved_by: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text, default="")


class KeyItemDeclaration(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "cbec_key_items_declaration"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    entry_no: Mapped[str] = mapped_column(String(32), index=True)  # 清单编号 / 报关单号
    ecommerce_code: Mapped[str] = mapped_column(String(32), index=True)  # 电商企业代码
    container_no: Mapped[str] = mapped_column(String(16), default="", index=True)
    source: Mapped[str] = mapped_column(String(8))  # api / web / cli
    list_version: Mapped[int] = mapped_column(Integer)
    line_count: Mapped[int] = mapped_column(Integer)
    hit_count: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), index=True)
    month: Mapped[str] = mapped_column(String(7), index=True)  # YYYY-MM of screening

    lines: Mapped[list[KeyItemLine]] = relationship(
        lambda: KeyItemLine,
        back_populates="declaration",
        cascade="all, delete-orphan",
        order_by=lambda: KeyItemLine.position,
        lazy="selectin",
    )


class KeyItemLine(IdMixin, TimestampMixin, Base):
    """Not `Audited` row by row (a declaration brings thousands at once; the declaration's own
    creation is audited): each line's confirm or clear is recorded by the workflow."""

    __tablename__ = "cbec_key_items_line"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    declaration_id: Mapped[str] = mapped_column(
        ForeignKey("cbec_key_items_declaration.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    item_name: Mapped[str] = mapped_column(String(200))
    spec: Mapped[str] = mapped_column(String(200), default="")
    hs_code: Mapped[str] = mapped_column(String(6))
    quantity: Mapped[Decimal] = mapped_column(Numeric(14, 3))
    unit: Mapped[str] = mapped_column(String(16))
    weight_kg: Mapped[Decimal] = mapped_column(Numeric(14, 3))
    value_cny: Mapped[Decimal] = mapped_column(Numeric(16, 2))
    list_version: Mapped[int] = mapped_column(Integer)
    hits: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    route: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    status: Mapped[str] = mapped_column(String(16), index=True)  # passed/inspection/…
    resolved_by: Mapped[str] = mapped_column(String(64), default="")
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(timezone=True), default=None)
    note: Mapped[str] = mapped_column(Text, default="")
    # The officer's confirm or clear in the evidence log (ftz.local/evidence).
    ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)

    declaration: Mapped[KeyItemDeclaration] = relationship(
        lambda: KeyItemDeclaration, back_populates="lines"
    )


class KeyItemViolation(Audited, IdMixin, TimestampMixin, Base):
    """A confirmed hit: what was found, by which agency, and the measure the credit table
    gave (warning, penalty, blacklist) with the rows that fired."""

    __tablename__ = "cbec_key_items_violation"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    line_id: Mapped[str] = mapped_column(ForeignKey("cbec_key_items_line.id"), unique=True)
    declaration_id: Mapped[str] = mapped_column(
        ForeignKey("cbec_key_items_declaration.id"), index=True
    )
    kind: Mapped[str] = mapped_column(String(24))
    agency: Mapped[str] = mapped_column(String(16))  # customs / railway
    officer: Mapped[str] = mapped_column(String(64))
    prior_12m: Mapped[int] = mapped_column(Integer)
    measure: Mapped[str] = mapped_column(String(16))
    railway_grade: Mapped[str] = mapped_column(String(4))
    fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    month: Mapped[str] = mapped_column(String(7), index=True)


class KeyItemCredit(Audited, IdMixin, TimestampMixin, Base):
    """An enterprise's standing with customs and railway, moved only by confirmed violations."""

    __tablename__ = "cbec_key_items_credit"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), unique=True)
    measure: Mapped[str] = mapped_column(String(16))  # the strongest so far
    railway_grade: Mapped[str] = mapped_column(String(4))
    violations: Mapped[int] = mapped_column(Integer, default=0)
    last_violation_id: Mapped[str] = mapped_column(String(26), default="")
