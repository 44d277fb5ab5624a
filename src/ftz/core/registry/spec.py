"""PracticeSpec: what a practice declares so the platform can mount it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer
    from fastapi import APIRouter
    from sqlalchemy.orm import Session

    from ftz.core.auth.permissions import Permission
    from ftz.core.workflow import PersistedMachine


@dataclass(frozen=True)
class NavLink:
    path: str
    label: str  # an English msgid, translated by the web layer
    permission: str


@dataclass
class PracticeSpec:
    id: str
    name: str
    title_zh: str
    title_en: str
    case: int
    domain: str
    status: str = "planned"
    router: APIRouter | None = None
    pages: APIRouter | None = None
    cli: typer.Typer | None = None
    # Shorter command names officers use (`ftz dg-permit` for p25), besides the slug.
    cli_aliases: tuple[str, ...] = ()
    permissions: list[Permission] = field(default_factory=list)
    rules_dir: Path | None = None
    workflows: list[type[PersistedMachine]] = field(default_factory=list)
    nav: list[NavLink] = field(default_factory=list)
    templates_dir: Path | None = None
    static_dir: Path | None = None  # served at /static/<slug>/
    demo: Callable[[Session], Any] | None = None

    @property
    def slug(self) -> str:
        return self.name.replace("_", "-")

    @property
    def built(self) -> bool:
        return self.status == "built"

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title_en
