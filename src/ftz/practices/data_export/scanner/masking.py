"""Masked evidence: enough of a value to recognise its shape, never the value itself."""

from __future__ import annotations


def mask(value: str, head: int, tail: int) -> str:
    """Keep `head` leading and `tail` trailing characters and star the rest; a value too short
    for that keeps a third at most. An e-mail keeps its domain and its first local character."""
    if "@" in value:
        local, _, domain = value.partition("@")
        return f"{local[:1]}***@{domain}"
    n = len(value)
    if head + tail >= n:
        head, tail = min(head, max(1, n // 3)), 0
    return value[:head] + "*" * max(1, n - head - tail) + (value[n - tail :] if tail else "")
