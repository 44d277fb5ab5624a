"""Accounts: organizations, users, roles, API tokens. Flushes, never commits."""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.audit import record_event
from ftz.core.auth.models import ApiToken, Organization, OrgKind, Role, User, UserRole
from ftz.core.auth.passwords import (
    MIN_PASSWORD_LENGTH,
    hash_password,
    needs_rehash,
    verify_password,
)
from ftz.core.auth.principal import Principal, current_principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import conflict, not_found, validation_error

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")
TOKEN_PREFIX = "ftz_"
# The shared password of the demo accounts `ftz demo load` creates; for a local demo only.
DEMO_PASSWORD = "ftz-demo-2026"


def get_org_by_code(session: Session, code: str) -> Organization | None:
    return session.scalar(select(Organization).where(Organization.code == code))


def ensure_org(
    session: Session,
    *,
    code: str,
    name_zh: str,
    name_en: str,
    kind: OrgKind,
    department: str | None = None,
    uscc: str | None = None,
) -> Organization:
    org = get_org_by_code(session, code)
    if org is None:
        org = Organization(
            code=code,
            name_zh=name_zh,
            name_en=name_en,
            kind=kind.value,
            department=department,
            uscc=uscc,
        )
        session.add(org)
        session.flush()
    return org


def get_user_by_username(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username))


def create_user(
    session: Session,
    *,
    username: str,
    password: str,
    display_name: str,
    org_code: str,
    roles: Iterable[str],
) -> User:
    if not USERNAME_PATTERN.match(username):
        raise validation_error("username", "3-64 lowercase letters, digits, '.', '_' or '-'")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise validation_error("password", f"at least {MIN_PASSWORD_LENGTH} characters")
    role_set = set(roles)
    unknown = role_set - {r.value for r in Role}
    if unknown or not role_set:
        raise validation_error("roles", f"choose from {', '.join(r.value for r in Role)}")
    org = get_org_by_code(session, org_code)
    if org is None:
        raise validation_error("org", f"no organization with code {org_code!r}")
    if get_user_by_username(session, username) is not None:
        raise conflict(f"user {username!r} already exists")
    user = User(
        username=username,
        display_name=display_name,
        password_hash=hash_password(password),
        org_id=org.id,
    )
    user.roles = [UserRole(role=r) for r in sorted(role_set)]
    session.add(user)
    session.flush()
    return user


def ensure_user(
    session: Session,
    *,
    username: str,
    display_name: str,
    org_code: str,
    roles: list[str],
    password: str,
) -> User:
    user = get_user_by_username(session, username)
    if user is None:
        user = create_user(
            session,
            username=username,
            password=password,
            display_name=display_name,
            org_code=org_code,
            roles=roles,
        )
    return user


def authenticate(session: Session, username: str, password: str) -> User | None:
    user = get_user_by_username(session, username)
    if user is None or not user.is_active:
        # Spend the same time as a real check so usernames cannot be probed by timing.
        verify_password(_DUMMY_HASH, password)
        return None
    if not verify_password(user.password_hash, password):
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


_DUMMY_HASH = hash_password("not-a-real-password")


def principal_for(user: User, auth_method: str) -> Principal:
    org = user.organization
    return Principal(
        user_id=user.id,
        username=user.username,
        display_name=user.display_name,
        org_id=org.id,
        org_kind=org.kind,
        department=org.department,
        roles=user.role_names | {Role.PUBLIC.value},
        auth_method=auth_method,
    )


def acting_as(session: Session, username: str) -> Principal:
    """The principal of an existing user, made current for the audit trail (demo loaders)."""
    user = get_user_by_username(session, username)
    if user is None:
        raise not_found(f"user {username}")
    principal = principal_for(user, "demo")
    current_principal.set(principal)
    return principal


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_api_token(session: Session, *, user: User, name: str) -> tuple[str, ApiToken]:
    """Returns the token once; only its hash is stored."""
    name = name.strip()
    if not 1 <= len(name) <= 100:
        raise validation_error("name", "1-100 characters")
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user_id=user.id, name=name, token_hash=_token_hash(plain), prefix=plain[:12])
    session.add(token)
    session.flush()
    record_event(
        session,
        action="token:create",
        entity_type="core_api_token",
        entity_id=token.id,
        owner_org_id=user.org_id,
        details={"name": name},
    )
    return plain, token


def user_for_token(session: Session, plain: str) -> User | None:
    if not plain.startswith(TOKEN_PREFIX):
        return None
    token = session.scalar(select(ApiToken).where(ApiToken.token_hash == _token_hash(plain)))
    if token is None or token.revoked_at is not None:
        return None
    user = session.get(User, token.user_id)
    if user is None or not user.is_active:
        return None
    return user


def list_tokens(session: Session, *, user_id: str) -> list[ApiToken]:
    query = select(ApiToken).where(ApiToken.user_id == user_id).order_by(ApiToken.created_at)
    return list(session.scalars(query))


def revoke_api_token(session: Session, *, user: User, token_id: str) -> None:
    token = session.get(ApiToken, token_id)
    if token is None or token.user_id != user.id:
        raise not_found("token")
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        record_event(
            session,
            action="token:revoke",
            entity_type="core_api_token",
            entity_id=token.id,
            owner_org_id=user.org_id,
            details={"name": token.name},
        )
