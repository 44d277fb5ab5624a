"""The part of a list page's template context that every filtered, paginated list shares."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from ftz.core.kit.pagination import Page


def list_context(
    page: Page[Any],
    filters: Mapping[str, str | None],
    *,
    names: Mapping[str, object] | None = None,
    **extra: object,
) -> dict[str, object]:
    """The context of a list page: `page`, `filters`, `query`, `names` if given, and `extra`.

    List templates read the same keys: `page` for the rows and the pager, `filters` to show the
    filter form as submitted (an unset filter as ""), `query` to carry the filters into the
    CSV-export link and the pager's links, and `names` (organization id -> organization) for the
    owner column. `query` holds only the filters that are set, so a link never says `status=`:
    the pages read an empty value as "no filter" anyway, and the URLs stay short. `names` is left
    out when not given, for lists without an owner column. Building these keys in one place keeps
    the lists' links and form alike; `extra` adds what only one page shows (its statuses, which
    buttons the user may see).
    """
    shown = {key: value or "" for key, value in filters.items()}
    context: dict[str, object] = {
        "page": page,
        "filters": shown,
        "query": urlencode({key: value for key, value in shown.items() if value}),
    }
    if names is not None:
        context["names"] = names
    clash = context.keys() & extra.keys()
    if clash:  # a page's own key must never silently replace a shared one
        raise TypeError(f"list_context: extra keys {sorted(clash)} are built here already")
    return {**context, **extra}
