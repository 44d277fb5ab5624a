"""Organizations, users, roles, permissions, sessions and API tokens."""
