"""Permissions are declared by the core and by each practice; every route requires one."""

from __future__ import annotations

from dataclasses import dataclass

from ftz.core.auth.models import Role
from ftz.core.auth.principal import Principal


@dataclass(frozen=True)
class Permission:
    name: str
    roles: frozenset[str]
    description: str


_PERMISSIONS: dict[str, Permission] = {}

ALL_SIGNED_IN = frozenset(r.value for r in Role if r is not Role.PUBLIC)
EVERYONE = frozenset(r.value for r in Role)


def declare(name: str, roles: frozenset[str] | set[str], description: str) -> Permission:
    permission = Permission(name=name, roles=frozenset(roles), description=description)
    existing = _PERMISSIONS.get(name)
    if existing is not None and existing != permission:
        raise ValueError(f"permission {name} declared twice with different roles")
    _PERMISSIONS[name] = permission
    return permission


def get_permission(name: str) -> Permission:
    try:
        return _PERMISSIONS[name]
    except KeyError:
        raise KeyError(f"undeclared permission {name!r}") from None


def all_permissions() -> list[Permission]:
    return sorted(_PERMISSIONS.values(), key=lambda p: p.name)


def allows(principal: Principal, name: str) -> bool:
    permission = get_permission(name)
    if principal.is_admin:
        return True
    return bool(permission.roles & principal.roles)


PUBLIC_READ = declare("core.public", EVERYONE, "Public pages: home, practice map, login")
PROFILE = declare("core.profile", ALL_SIGNED_IN, "Own profile and API tokens")
AUDIT_READ = declare("core.audit.read", {Role.ADMIN}, "Read the whole audit trail")
