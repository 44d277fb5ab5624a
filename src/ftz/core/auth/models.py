"""Organizations, users, roles and API tokens."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ftz.core.db import Base, IdMixin, TimestampMixin


class OrgKind(StrEnum):
    ENTERPRISE = "enterprise"
    AGENCY = "agency"


class Role(StrEnum):
    ADMIN = "admin"
    OFFICER = "officer"
    ENTERPRISE = "enterprise"
    NOTARY = "notary"
    COURT = "court"
    PUBLIC = "public"


class Organization(IdMixin, TimestampMixin, Base):
    __tablename__ = "core_organization"

    code: Mapped[str] = mapped_column(String(64), unique=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    # An agency's department code (e.g. "emergency", "hrss"); practices match officers by it.
    department: Mapped[str | None] = mapped_column(String(64), default=None)
    uscc: Mapped[str | None] = mapped_column(String(18), default=None)


class User(IdMixin, TimestampMixin, Base):
    __tablename__ = "core_user"

    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(200))
    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Bumped on password change or "sign out everywhere": older session cookies stop working.
    session_version: Mapped[int] = mapped_column(Integer, default=1)

    organization: Mapped[Organization] = relationship(lazy="joined")
    roles: Mapped[list[UserRole]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", back_populates="user"
    )

    @property
    def role_names(self) -> frozenset[str]:
        return frozenset(r.role for r in self.roles)


class UserRole(Base):
    __tablename__ = "core_user_role"

    user_id: Mapped[str] = mapped_column(ForeignKey("core_user.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(32), primary_key=True)

    user: Mapped[User] = relationship(back_populates="roles")


class ApiToken(IdMixin, TimestampMixin, Base):
    __tablename__ = "core_api_token"

    user_id: Mapped[str] = mapped_column(ForeignKey("core_user.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    # SHA-256 of the token: tokens are 256-bit random, so a slow hash adds nothing.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))
    last_used_at: Mapped[datetime | None] = mapped_column(default=None)
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)
