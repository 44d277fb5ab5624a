"""Jinja2 rendering with the language, the principal, the CSRF token and the navigation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape

from ftz.core.auth.deps import CSRF_FIELD, csrf_token_for
from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import ANONYMOUS, Principal
from ftz.core.registry import built_practices, practices
from ftz.core.web.i18n import gettext_for, practice_of

CORE_TEMPLATES = Path(__file__).with_name("templates")
# Shared reference data with pages of its own (the HS nomenclature at /hs).
DOMAIN_TEMPLATES = [Path(__file__).parents[2] / "domain" / "hs" / "templates"]


def build_environment() -> Environment:
    folders = [CORE_TEMPLATES, *DOMAIN_TEMPLATES] + [
        p.templates_dir for p in built_practices() if p.templates_dir is not None
    ]
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(folder)) for folder in folders]),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def navigation(principal: Principal, lang: str) -> list[dict[str, Any]]:
    sections = []
    for spec in built_practices():
        links = [link for link in spec.nav if allows(principal, link.permission)]
        if links:
            sections.append({"practice": spec, "title": spec.title(lang), "links": links})
    return sections


def render(
    request: Request, template: str, context: dict[str, Any] | None = None, status: int = 200
) -> HTMLResponse:
    lang: str = getattr(request.state, "lang", "zh")
    principal: Principal = getattr(request.state, "principal", ANONYMOUS)
    translator = gettext_for(lang, practice_of(template))
    env: Environment = request.app.state.jinja
    values: dict[str, Any] = {
        "request": request,
        "lang": lang,
        "_": translator.gettext,
        "principal": principal,
        "csrf_field": CSRF_FIELD,
        "csrf_token": csrf_token_for(request),
        "nav": navigation(principal, lang),
        "all_practices": practices(),
        "path": request.url.path,
    }
    values.update(context or {})
    html = env.get_template(template).render(values)
    return HTMLResponse(html, status_code=status)
