"""The shared context of list pages: the page, the filters as shown, and their query string."""

from __future__ import annotations

from typing import Any

import pytest

from ftz.core.kit.pagination import Page
from ftz.core.web.list_context import list_context

PAGE: Page[Any] = Page(items=[], total=0, page=1, size=20)


def test_empty_filters_stay_in_the_form_but_not_in_the_query() -> None:
    context = list_context(PAGE, {"status": "", "q": None})
    assert context == {"page": PAGE, "filters": {"status": "", "q": ""}, "query": ""}


def test_set_filters_make_an_encoded_query_string_in_their_order() -> None:
    context = list_context(PAGE, {"status": "submitted", "q": "锂 电池&x", "source": ""})
    assert context["query"] == "status=submitted&q=%E9%94%82+%E7%94%B5%E6%B1%A0%26x"
    assert context["filters"] == {"status": "submitted", "q": "锂 电池&x", "source": ""}


def test_names_only_when_given_and_extra_keys_pass_through() -> None:
    names = {"org-1": object()}
    context = list_context(PAGE, {"q": "x"}, names=names, statuses=("a", "b"), can_declare=True)
    assert context["names"] is names
    assert context["statuses"] == ("a", "b") and context["can_declare"] is True
    assert set(context) == {"page", "filters", "query", "names", "statuses", "can_declare"}
    assert "names" not in list_context(PAGE, {"q": "x"}, labels={})


def test_an_extra_key_may_not_replace_a_shared_one() -> None:
    with pytest.raises(TypeError, match="query"):
        list_context(PAGE, {"q": "x"}, query="other")
