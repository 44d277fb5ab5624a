"""Permissions of the practice: which roles may call which routes."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import EVERYONE, declare

READ = declare("_template.read", EVERYONE, "Read the practice's public reference data")
WRITE = declare("_template.write", {Role.ENTERPRISE, Role.OFFICER}, "Create and edit items")
