"""p27 tables: enterprise signing keys, projects, registered records (fingerprints only),
registration batches, and the certification (标准认证) with its checklist answers."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin


class SigningKey(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "trade_secrets_signing_key"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    key_id: Mapped[str] = mapped_column(String(16), unique=True)
    algorithm: Mapped[str] = mapped_column(String(16))  # "ed25519"
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    # "custodial": kept by the platform for web signing; "enterprise": held by the enterprise.
    custody: Mapped[str] = mapped_column(String(16))
    retired_at: Mapped[datetime | None] = mapped_column(default=None)


class Project(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "trade_secrets_project"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")


class Batch(IdMixin, TimestampMixin, Base):
    """One registration (a folder, an upload of many files): certificates can cover a batch."""

    __tablename__ = "trade_secrets_batch"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    project_id: Mapped[str | None] = mapped_column(ForeignKey("trade_secrets_project.id"))
    count: Mapped[int] = mapped_column(Integer)
    first_index: Mapped[int] = mapped_column(BigInteger)
    registered_by: Mapped[str] = mapped_column(String(64))


class Record(IdMixin, Base):
    """A fingerprinted innovation record. The file itself never reaches the platform.

    Not `Audited` row by row: a registration is one audited batch, and the record is itself
    anchored in the evidence log (its ledger entry is its audit)."""

    __tablename__ = "trade_secrets_record"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    project_id: Mapped[str | None] = mapped_column(
        ForeignKey("trade_secrets_project.id"), index=True
    )
    batch_id: Mapped[str] = mapped_column(ForeignKey("trade_secrets_batch.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    file_name: Mapped[str] = mapped_column(String(300), default="")
    size_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    sm3: Mapped[str] = mapped_column(String(64))
    contributors: Mapped[dict[str, Any]] = mapped_column(default=dict)  # {"names": [...]}
    salt: Mapped[str] = mapped_column(String(32))
    commitment: Mapped[str] = mapped_column(String(64))
    key_id: Mapped[str] = mapped_column(String(16))
    signature: Mapped[str] = mapped_column(String(100))
    ledger_index: Mapped[int] = mapped_column(BigInteger)
    registered_at: Mapped[datetime] = mapped_column()


class Certification(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "trade_secrets_certification"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    status: Mapped[str] = mapped_column(String(32), index=True)
    answers: Mapped[dict[str, Any]] = mapped_column(default=dict)  # item code -> answer/evidence
    findings: Mapped[dict[str, Any]] = mapped_column(default=dict)  # item code -> passed + note
    decision: Mapped[dict[str, Any]] = mapped_column(default=dict)
    certificate_number: Mapped[str | None] = mapped_column(String(64), default=None)

    organization = relationship("Organization", lazy="joined")
