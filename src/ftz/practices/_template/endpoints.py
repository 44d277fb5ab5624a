"""Thin API routes: parse, call one service function, answer with a response_model."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.practices._template import service
from ftz.practices._template.schemas import ItemCreate, ItemRead

router = APIRouter()


@router.post("/items", response_model=ItemRead, status_code=201)
def create_item(
    body: ItemCreate,
    session: Session = Depends(get_db, scope="function"),
    principal: Principal = Depends(require("_template.write")),
) -> ItemRead:
    return ItemRead.model_validate(service.create_item(session, principal=principal, data=body))
