"""All API routes of an app with their full paths (FastAPI keeps included routers nested)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from fastapi.routing import APIRoute


def api_routes(routes: Iterable[Any], prefix: str = "") -> Iterator[tuple[str, APIRoute]]:
    for route in routes:
        if isinstance(route, APIRoute):
            yield prefix + route.path, route
        elif hasattr(route, "original_router"):  # an included router
            inner = prefix + route.include_context.prefix
            yield from api_routes(route.original_router.routes, inner)
