"""Self-contained HTML report (inline CSS, no scripts), autoescaped."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape


def render_html(result: dict[str, Any]) -> str:
    env = Environment(
        loader=PackageLoader(__package__, "templates"),
        autoescape=select_autoescape(["html"], default=True),
    )
    return env.get_template("report.html").render(result=result)
