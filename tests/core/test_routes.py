"""Every route of the application requires a declared permission."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant

from tests.routes import api_routes


def _names(dependant: Dependant) -> set[str]:
    names = set()
    for sub in dependant.dependencies:
        if sub.call is not None:
            names.add(getattr(sub.call, "__name__", ""))
        names |= _names(sub)
    return names


def test_every_route_requires_a_permission(app: FastAPI) -> None:
    routes = list(api_routes(app.routes))
    assert len(routes) > 40
    unguarded = [
        path
        for path, route in routes
        if not any(n.startswith("require_") for n in _names(route.dependant))
    ]
    assert unguarded == []
