"""p08 declaration form: the platform declares a list with several lines on the page (tax from
the rules, buyer kept only as a keyed hash), is sent to the list's detail; bad input comes back
as the form with the message on the row it was typed in (422, nothing saved); a double
submission returns the first list; officers may not declare; the customs list names its source."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.practices.cbec_returns.models import DeclarationList, ListLine
from ftz.practices.cbec_returns.service import buyer_hash, today
from tests.conftest import ApiClients, csrf_from, login
from tests.practices.cbec_returns.conftest import BASE

HTML = {"accept": "text/html"}
BUYER = "330106199001017777"


def _form(token: str, key: str, number: str) -> dict[str, str]:
    return {
        "csrf_token": token,
        "form_key": key,
        "number": number,
        "order_no": f"O-{number}",
        "buyer_id": BUYER,
        "customs_code": "2900",
        "release_date": (today() - timedelta(days=2)).isoformat(),
        "line-1-hs_code": "3304990099",
        "line-1-name": "面霜",
        "line-1-quantity": "2",
        "line-1-unit_price": "500.00",
        "line-3-hs_code": "1901101000",
        "line-3-name": "婴儿奶粉",
        "line-3-quantity": "4",
        "line-3-unit_price": "250",
    }


def test_declare_a_list_on_the_page(cr: ApiClients, client: TestClient, session: Session) -> None:
    login(client, "cr.platform")
    page = client.get("/cbec-returns/lists/new?lang=en")
    assert page.status_code == 200 and 'id="line-5-hs_code"' in page.text
    assert "data/customs.json" in page.text and "3100 Ningbo Customs" in page.text
    assert "demo selection" in page.text  # the list's source, from the data file
    assert 'id="line-12-hs_code"' in client.get("/cbec-returns/lists/new?rows=12").text
    token = csrf_from(page.text)
    key = page.text.split('name="form_key" value="')[1].split('"')[0]

    bad = {**_form(token, key, "L-FORM-0001"), "line-3-hs_code": "19x", "customs_code": "29"}
    refused = client.post("/cbec-returns/lists", headers=HTML, data=bad)
    assert refused.status_code == 422 and 'role="alert"' in refused.text
    assert "line 3 · hs_code" in refused.text and "customs_code" in refused.text
    assert 'value="19x"' in refused.text and 'value="婴儿奶粉"' in refused.text  # kept as typed
    empty = {k: v for k, v in _form(token, key, "L-FORM-0001").items() if "line-" not in k}
    no_lines = client.post("/cbec-returns/lists", headers=HTML, data=empty)
    assert no_lines.status_code == 422 and "lines" in no_lines.text
    none = cr.as_("cr.platform").get(f"{BASE}/lists").json()
    assert all(x["number"] != "L-FORM-0001" for x in none)

    made = client.post(
        "/cbec-returns/lists", follow_redirects=False, data=_form(token, key, "L-FORM-0001")
    )
    assert made.status_code == 303
    detail_url = made.headers["location"]
    list_id = detail_url.rsplit("/", 1)[1]
    again = client.post(
        "/cbec-returns/lists", follow_redirects=False, data=_form(token, key, "L-FORM-0001")
    )
    assert again.status_code == 303 and again.headers["location"] == detail_url
    view = cr.as_("cr.platform").get(f"{BASE}/lists/{list_id}").json()
    assert [(x["line_no"], x["hs_code"], x["quantity"]) for x in view["lines"]] == [
        (1, "3304990099", 2),
        (2, "1901101000", 4),
    ]
    assert view["value"] == 2000.0 and view["regime"] == "cbec" and view["tax"] > 0
    stored = session.scalar(select(DeclarationList).where(DeclarationList.id == list_id))
    assert stored is not None and stored.buyer_hash == buyer_hash(BUYER)
    assert BUYER not in stored.buyer_hash
    assert len(session.scalars(select(ListLine).where(ListLine.list_id == list_id)).all()) == 2
    shown = client.get(detail_url + "?lang=en").text
    assert "L-FORM-0001" in shown and BUYER not in shown

    other_key = {**_form(token, "another-key", "L-FORM-0001")}
    duplicate = client.post("/cbec-returns/lists", headers=HTML, data=other_key)
    assert duplicate.status_code == 422 and "already exists" in duplicate.text

    login(client, "cr.officer")
    assert client.get("/cbec-returns/lists/new").status_code == 403
    token = csrf_from(client.get("/cbec-returns").text)
    forbidden = client.post(
        "/cbec-returns/lists", headers=HTML, data=_form(token, "k", "L-FORM-0002")
    )
    assert forbidden.status_code == 403
