"""Who is acting: resolved once per request or CLI command and passed to services."""

from __future__ import annotations

from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Literal

from ftz.core.auth.models import OrgKind, Role


@dataclass(frozen=True)
class Principal:
    user_id: str | None
    username: str
    display_name: str
    org_id: str | None
    org_kind: str | None
    department: str | None
    roles: frozenset[str] = field(default_factory=frozenset)
    auth_method: str = "anonymous"

    @property
    def is_authenticated(self) -> bool:
        return self.user_id is not None

    @property
    def is_admin(self) -> bool:
        return Role.ADMIN in self.roles

    @property
    def is_enterprise(self) -> bool:
        """Enterprise users are confined to their own organization's records."""
        return self.org_kind == OrgKind.ENTERPRISE and not self.is_admin

    def has_role(self, *roles: str) -> bool:
        return self.is_admin or any(r in self.roles for r in roles)


ANONYMOUS = Principal(
    user_id=None,
    username="anonymous",
    display_name="Anonymous",
    org_id=None,
    org_kind=None,
    department=None,
    roles=frozenset({Role.PUBLIC}),
)

SYSTEM = Principal(
    user_id=None,
    username="system",
    display_name="System",
    org_id=None,
    org_kind=None,
    department=None,
    roles=frozenset({Role.ADMIN}),
    auth_method="system",
)

current_principal: ContextVar[Principal] = ContextVar("current_principal", default=ANONYMOUS)


def visibility(
    principal: Principal, departments: Iterable[str], roles: Iterable[str] = ()
) -> Literal["all", "own", "none"]:
    """Which of a practice's records a principal may read: everything (admins, the practice's
    own departments and roles), its organization's (enterprises), or nothing (officers of
    unrelated agencies, who must not browse another practice's personal data)."""
    if principal.is_admin or any(r in principal.roles for r in roles):
        return "all"
    if principal.is_enterprise:
        return "own"
    if Role.OFFICER in principal.roles and principal.department in set(departments):
        return "all"
    return "none"
