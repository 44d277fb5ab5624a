"""p08 pages without a browser: every route classified and guarded, the return form's 422 with
what was typed, the officer's review queue approving and refusing, lists and statistics."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import ApiClients, csrf_from, login
from tests.practices.cbec_returns.conftest import BASE, list_body
from tests.routes import api_routes

HTML = {"accept": "text/html"}
ISOLATED = {
    "/api/cbec-returns/lists", "/api/cbec-returns/lists/{list_id}", "/api/cbec-returns/returns",
    "/api/cbec-returns/returns/{return_id}", "/api/cbec-returns/returns/{return_id}/{action}",
    "/api/cbec-returns/statistics", "/api/cbec-returns/reconcile", "/cbec-returns",
    "/cbec-returns/lists/{list_id}", "/cbec-returns/review", "/cbec-returns/review/{return_id}",
    "/cbec-returns/statistics", "/cbec-returns/lists/new", "/cbec-returns/lists",
}  # fmt: skip
PUBLIC: set[str] = set()  # nothing in p08 is readable without signing in


def test_every_p08_route_is_classified_and_guarded(app: FastAPI) -> None:
    routes = [(p, r) for p, r in api_routes(app.routes) if "cbec-returns" in p]
    assert {p for p, _ in routes} == ISOLATED | PUBLIC
    for path, route in routes:
        names = {getattr(d.call, "__qualname__", "") for d in route.dependant.dependencies}
        assert any("require" in n for n in names), path


def test_return_form_review_and_statistics(cr: ApiClients, client: TestClient) -> None:
    made = cr.as_("cr.platform").post(f"{BASE}/lists", json=list_body("L-PAGE1"))
    list_id = made.json()["id"]
    login(client, "cr.platform")
    assert "L-PAGE1" in client.get("/cbec-returns?q=PAGE").text
    url = f"/cbec-returns/lists/{list_id}"
    token = csrf_from(client.get(url).text)
    form = {"csrf_token": token, "customs_code": "3100", "zone_entry_date": "", "qty_1": "2"}
    bad = client.post(url, headers=HTML, data={**form, "qty_1": "99"})
    assert bad.status_code == 422 and 'role="alert"' in bad.text and 'value="99"' in bad.text
    empty = client.post(url, headers=HTML, data=form)
    assert empty.status_code == 422 and "zone_entry_date" in empty.text
    form["zone_entry_date"] = made.json()["release_date"]
    assert client.post(url, headers=HTML, data=form, follow_redirects=False).status_code == 303
    assert client.post(url, headers=HTML, data={**form, "qty_1": "", "qty_2": "1"},
                       follow_redirects=False).status_code == 303  # fmt: skip
    assert client.get("/cbec-returns/review").status_code == 403

    login(client, "cr.officer")
    page = client.get("/cbec-returns/review?lang=en").text
    assert page.count('class="approve"') == 2 and "L-PAGE1" in page
    token = csrf_from(page)
    ids = cr.as_("cr.officer").get(f"{BASE}/returns?status=requested").json()
    first, second = (r["id"] for r in ids)
    no_note = client.post(f"/cbec-returns/review/{second}", headers=HTML,
                          data={"csrf_token": token, "action": "refuse", "note": ""})  # fmt: skip
    assert no_note.status_code == 422 and "note" in no_note.text
    for rid, action in ((first, "approve"), (second, "refuse")):
        data = {"csrf_token": token, "action": action, "note": "checked"}
        done = client.post(f"/cbec-returns/review/{rid}", headers=HTML, data=data,
                           follow_redirects=False)  # fmt: skip
        assert done.status_code == 303
    detail = client.get(url + "?lang=en").text
    assert 'id="returned-1">2<' in detail and 'id="returned-2">0<' in detail
    assert "return-form" not in detail
    stats = client.get("/cbec-returns/statistics").text
    assert "3100" in stats and "207,800" in stats and "<svg" in stats
    assert client.get("/cbec-returns/statistics?lang=en").status_code == 200

    login(client, "cr.other")
    assert client.get(url).status_code == 404
