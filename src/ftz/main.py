"""create_app(): the core routers plus every registered practice's API and pages."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine

from ftz import __version__
from ftz.config import Settings, get_settings
from ftz.core import api as core_api
from ftz.core.db import make_engine, make_sessionmaker
from ftz.core.ledger import endpoints as ledger_endpoints
from ftz.core.ledger import permissions as _ledger_permissions  # noqa: F401  (declares them)
from ftz.core.ledger.integrator import Integrator
from ftz.core.ledger.service import signing
from ftz.core.registry import built_practices
from ftz.core.web import assets, errors
from ftz.core.web import pages as core_pages
from ftz.core.web.middleware import BrowserStateMiddleware
from ftz.core.web.templating import build_environment
from ftz.domain.hs import endpoints as hs_endpoints
from ftz.domain.hs import pages as hs_pages


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        integrator = None
        if settings.ledger_background:
            integrator = Integrator(app.state.sessionmaker, signing(settings))
            integrator.start()
        yield
        if integrator is not None:
            integrator.stop()

    app = FastAPI(
        lifespan=lifespan,
        title="FTZ Practice Platform",
        version=__version__,
        description="自贸试验区第六批最佳实践案例 — practice modules, API",
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = engine or make_engine(settings.resolved_database_url)
    app.state.sessionmaker = make_sessionmaker(app.state.engine)
    app.state.secret_key = settings.resolved_secret_key()
    app.state.jinja = build_environment()
    app.add_middleware(BrowserStateMiddleware)
    errors.install(app)
    app.include_router(core_api.router)
    app.include_router(ledger_endpoints.router, prefix="/api/ledger", tags=["ledger"])
    app.include_router(core_pages.router)
    app.include_router(hs_endpoints.router, prefix="/api/hs", tags=["hs"])
    app.include_router(hs_pages.router, prefix="/hs")
    for spec in built_practices():
        if spec.router is not None:
            app.include_router(spec.router, prefix=f"/api/{spec.slug}", tags=[spec.id])
        if spec.static_dir is not None:  # before the core /static mount, which would shadow it
            app.mount(
                f"/static/{spec.slug}",
                StaticFiles(directory=str(spec.static_dir)),
                name=f"static-{spec.slug}",
            )
        if spec.pages is not None:
            app.include_router(spec.pages, prefix=f"/{spec.slug}")
    assets.mount(app)
    return app
