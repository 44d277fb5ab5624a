"""Static files: our stylesheet; htmx and Swagger UI from installed packages (never a CDN)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

STATIC_DIR = Path(__file__).with_name("static")


def htmx_dir() -> Path | None:
    """django-htmx ships htmx 2 as a static file; find it without importing Django."""
    spec = importlib.util.find_spec("django_htmx")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "static" / "django_htmx"
    return folder if (folder / "htmx-2.min.js").exists() else None


def mount(app: FastAPI) -> None:
    app.mount("/static/swagger", StaticFiles(directory=swagger_ui_path), name="swagger")
    vendor = htmx_dir()
    if vendor is not None:
        app.mount("/static/vendor", _HtmxFiles(directory=str(vendor)), name="vendor")
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")


class _HtmxFiles(StaticFiles):
    """Serves htmx-2.min.js under the stable name htmx.min.js."""

    def get_path(self, scope):  # type: ignore[no-untyped-def]
        path: str = super().get_path(scope)
        return "htmx-2.min.js" if path == "htmx.min.js" else path
