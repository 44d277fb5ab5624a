"""Tables of the practice, each named <practice>_<entity>."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin


class TemplateItem(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "_template_item"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(32))
