"""p04 tables: the enterprise's artworks with their digital identity (hashes only, see
docs/practices/bonded_art.md) and the cross-district exhibition applications that move them."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import BigInteger, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin
from ftz.core.db.base import JSONValue


class Artwork(Audited, IdMixin, TimestampMixin, Base):
    """An imported work kept in the bonded zone, with its captured identity."""

    __tablename__ = "bonded_art_artwork"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    artist: Mapped[str] = mapped_column(String(120), default="")
    category: Mapped[str] = mapped_column(String(16))  # painting | print | sculpture | other
    dimensions: Mapped[str] = mapped_column(String(80), default="")
    materials: Mapped[str] = mapped_column(String(120), default="")
    approval_doc: Mapped[str] = mapped_column(String(64))  # the culture authority's approval
    value_cny: Mapped[int] = mapped_column(BigInteger)  # declared customs value
    # Digital identity, captured by the home customs: no image bytes are kept, only hashes.
    image_sha256: Mapped[str | None] = mapped_column(String(64), default=None)
    image_phash: Mapped[str | None] = mapped_column(String(16), default=None)
    scan_sha256: Mapped[str | None] = mapped_column(String(64), default=None)
    identity_ledger_sha256: Mapped[str | None] = mapped_column(String(64), default=None)


class Exhibition(Audited, IdMixin, TimestampMixin, Base):
    """One artwork shown at a venue in another customs district, start to finish."""

    __tablename__ = "bonded_art_exhibition"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    artwork_id: Mapped[str] = mapped_column(ForeignKey("bonded_art_artwork.id"), index=True)
    home_customs_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    destination_customs_id: Mapped[str] = mapped_column(
        ForeignKey("core_organization.id"), index=True
    )
    venue: Mapped[str] = mapped_column(String(200))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    guarantee_cny: Mapped[int] = mapped_column(BigInteger, default=0)
    sale_price_cny: Mapped[int | None] = mapped_column(BigInteger, default=None)
    duty_cny: Mapped[int] = mapped_column(BigInteger, default=0)
    vat_cny: Mapped[int] = mapped_column(BigInteger, default=0)
    # The latest verdicts with their fired rows: {"tariff": …, "verification": …}.
    facts: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)
    note: Mapped[str] = mapped_column(Text, default="")
    ledger_sha256: Mapped[str] = mapped_column(String(64), default="")
