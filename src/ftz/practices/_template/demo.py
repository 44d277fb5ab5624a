"""Demo data from the seed's figures, created through the service (idempotent)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session


def load_demo(session: Session) -> dict[str, Any]:
    return {"loaded": False}
