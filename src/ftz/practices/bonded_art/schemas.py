"""p04 request and response bodies. Images travel base64-encoded in JSON (API, CLI files) and as
multipart files in the web forms."""

from __future__ import annotations

import base64
import binascii
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ftz.core.kit.pagination import PageOut

Category = Literal["painting", "print", "sculpture", "other"]


class ArtworkIn(BaseModel):
    number: str = Field(min_length=3, max_length=32, pattern=r"^[A-Za-z0-9-]+$")
    title: str = Field(min_length=1, max_length=200)
    artist: str = Field("", max_length=120)
    category: Category
    dimensions: str = Field("", max_length=80)
    materials: str = Field("", max_length=120)
    approval_doc: str = Field(min_length=3, max_length=64)
    value_cny: int = Field(gt=0, le=10**12)


class ArtworkOut(ArtworkIn):
    model_config = ConfigDict(from_attributes=True)
    id: str
    image_sha256: str | None
    image_phash: str | None
    scan_sha256: str | None
    identity_ledger_sha256: str | None
    created_at: datetime


def _decode(value: str | None) -> bytes | None:
    if not value:
        return None
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError("not base64") from exc


class ImageIn(BaseModel):
    """An image (and optionally a 3D-scan file), base64."""

    image_base64: str = Field(min_length=8)
    scan_base64: str | None = None
    note: str = Field("", max_length=2000)

    @field_validator("image_base64", "scan_base64")
    @classmethod
    def _b64(cls, value: str | None) -> str | None:
        _decode(value)
        return value

    def image(self) -> bytes:
        return _decode(self.image_base64) or b""

    def scan(self) -> bytes | None:
        return _decode(self.scan_base64)


class ExhibitionIn(BaseModel):
    number: str = Field(min_length=3, max_length=32, pattern=r"^[A-Za-z0-9-]+$")
    artwork_id: str = Field(min_length=1, max_length=26)
    home_customs: str = Field(min_length=1, max_length=64, description="customs org code")
    destination_customs: str = Field(min_length=1, max_length=64)
    venue: str = Field(min_length=2, max_length=200)
    starts_on: date
    ends_on: date

    @model_validator(mode="after")
    def _dates(self) -> ExhibitionIn:
        if self.ends_on < self.starts_on:
            raise ValueError("ends_on must not be before starts_on")
        if self.home_customs == self.destination_customs:
            raise ValueError("the destination must be another customs district")
        return self


class StepIn(BaseModel):
    event: str = Field(pattern=r"^[a-z_]+$", max_length=32)
    note: str = Field("", max_length=2000)


class SaleIn(BaseModel):
    price_cny: int = Field(gt=0, le=10**12)
    buyer: str = Field(min_length=1, max_length=200)


class ExhibitionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    number: str
    artwork_id: str
    home_customs_id: str
    destination_customs_id: str
    venue: str
    starts_on: date
    ends_on: date
    status: str
    guarantee_cny: int
    sale_price_cny: int | None
    duty_cny: int
    vat_cny: int
    facts: dict[str, Any]
    note: str
    ledger_sha256: str


ArtworkPage = PageOut[ArtworkOut]
ExhibitionPage = PageOut[ExhibitionOut]
