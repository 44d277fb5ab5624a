"""The replay store of idempotency keys (`core.web.idempotency`): one row per (user, key) with
the route it was used on, a digest of the request and the first answer."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ftz.core.db import Base, IdMixin
from ftz.core.db.base import JSONValue


class IdempotentReply(IdMixin, Base):
    __tablename__ = "core_idempotent_reply"
    # A key belongs to its user: two users may pick the same key without seeing each other.
    __table_args__ = (UniqueConstraint("user_id", "key"),)

    user_id: Mapped[str] = mapped_column(String(64))
    key: Mapped[str] = mapped_column(String(200))
    route: Mapped[str] = mapped_column(String(200))
    request_sha256: Mapped[str] = mapped_column(String(64))
    status: Mapped[int] = mapped_column(Integer)
    body: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)
    at: Mapped[datetime] = mapped_column()
