"""p10 table: each recommendation an enterprise asked for, what was recommended and which
combination it chose (the government's view of enterprises' preferences, seed case 10)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin
from ftz.core.db.base import JSONValue


class MenuRecord(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "clearance_menu_request"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    direction: Mapped[str] = mapped_column(String(8), index=True)
    transport: Mapped[str] = mapped_column(String(32), index=True)
    hs_code: Mapped[str] = mapped_column(String(10), index=True)
    credit: Mapped[str] = mapped_column(String(16))
    port: Mapped[str] = mapped_column(String(100))
    pickup_place: Mapped[str] = mapped_column(String(100))
    # "YYYY-MM" of the request: the statistics group by it the same way on both databases.
    month: Mapped[str] = mapped_column(String(7), index=True)
    request: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)
    recommended_code: Mapped[str] = mapped_column(String(8), index=True)
    eligible_codes: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    excluded: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    chosen_code: Mapped[str | None] = mapped_column(String(8), index=True, default=None)
    chosen_at: Mapped[datetime | None] = mapped_column(default=None)
    ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)
