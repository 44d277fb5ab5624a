"""p04 over the API with real images: apply → consult → consent → capture → guarantee → out →
return → verify (re-photographed work matches, a different work is held); sale → settle;
district and role checks; isolation; bad input."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ftz.practices.bonded_art.identity import fingerprint
from tests.conftest import ApiClients
from tests.practices.bonded_art.images import artwork, b64, png, rephotographed

API = "/api/bonded-art"
ORIGINAL = png(artwork(1))


def _work(api: ApiClients, number: str, user: str = "ba.ent.hb") -> str:
    body = {"number": number, "title": "Still life", "category": "painting",
            "dimensions": "60 × 80 cm", "materials": "oil on canvas",
            "approval_doc": "文旅艺进2025-001", "value_cny": 300_000}  # fmt: skip
    made = api.as_(user).post(f"{API}/artworks", json=body)
    assert made.status_code == 201, made.text
    return str(made.json()["id"])


def _to_exhibiting(api: ApiClients, number: str) -> str:
    art = _work(api, "A" + number)
    today = date.today()
    body = {"number": number, "artwork_id": art, "home_customs": "ba-customs-zd",
            "destination_customs": "ba-customs-bj", "venue": "Beijing art fair",
            "starts_on": str(today), "ends_on": str(today + timedelta(days=2))}  # fmt: skip
    made = api.as_("ba.ent.hb").post(f"{API}/exhibitions", json=body)
    assert made.status_code == 201, made.text
    xid = str(made.json()["id"])
    home, dest, ent = (api.as_(u) for u in ("ba.customs.zd", "ba.customs.bj", "ba.ent.hb"))

    def ok(resp: Any) -> dict[str, Any]:
        assert resp.status_code == 200, resp.text
        return dict(resp.json())

    ok(home.post(f"{API}/exhibitions/{xid}/steps", json={"event": "consult"}))
    # Consent belongs to the destination district, not the home one.
    assert home.post(f"{API}/exhibitions/{xid}/steps", json={"event": "consent"}).status_code == 403
    ok(dest.post(f"{API}/exhibitions/{xid}/steps", json={"event": "consent"}))
    assert dest.post(f"{API}/exhibitions/{xid}/capture",
                     json={"image_base64": b64(ORIGINAL)}).status_code == 403  # fmt: skip
    ok(home.post(f"{API}/exhibitions/{xid}/capture", json={"image_base64": b64(ORIGINAL)}))
    paid = ok(ent.post(f"{API}/exhibitions/{xid}/guarantee"))
    assert paid["guarantee_cny"] == 3_000 + 39_390  # 1% duty, 13% VAT on value + duty
    assert ok(home.post(f"{API}/exhibitions/{xid}/steps", json={"event": "transfer_out"}))[
        "status"] == "exhibiting"  # fmt: skip
    return xid


def test_rephotographed_work_matches_and_reenters(ba: ApiClients) -> None:
    xid = _to_exhibiting(ba, "X-0001")
    assert ba.as_("ba.ent.hb").post(f"{API}/exhibitions/{xid}/steps",
                                    json={"event": "return_home"}).status_code == 200  # fmt: skip
    photo = rephotographed(artwork(1))
    assert fingerprint(photo).sha256 != fingerprint(ORIGINAL).sha256
    done = ba.as_("ba.customs.zd").post(f"{API}/exhibitions/{xid}/verify",
                                       json={"image_base64": b64(photo)})  # fmt: skip
    assert done.status_code == 200, done.text
    check = done.json()["facts"]["verification"]
    assert done.json()["status"] == "reentered" and check["outcome"] == "match"
    assert check["hamming"] <= 10 and check["why"][0]["row_id"] == "ID-PHASH-MATCH"
    assert len(done.json()["ledger_sha256"]) == 64
    reminders = ba.as_("ba.ent.hb").get(f"{API}/reminders").json()
    assert all(r["id"] != xid for r in reminders)


def test_different_work_is_held_then_cleared_with_a_note(ba: ApiClients) -> None:
    xid = _to_exhibiting(ba, "X-0002")
    reminders = ba.as_("ba.ent.hb").get(f"{API}/reminders").json()
    assert [r["level"] for r in reminders if r["id"] == xid] == ["urgent"]
    ba.as_("ba.ent.hb").post(f"{API}/exhibitions/{xid}/steps", json={"event": "return_home"})
    home = ba.as_("ba.customs.zd")
    held = home.post(f"{API}/exhibitions/{xid}/verify", json={"image_base64": b64(png(artwork(2)))})
    check = held.json()["facts"]["verification"]
    assert held.json()["status"] == "held" and check["hamming"] > 10
    assert check["why"][0]["row_id"] == "ID-PHASH-DIFFERS"
    no_note = home.post(f"{API}/exhibitions/{xid}/steps", json={"event": "clear"})
    assert no_note.status_code == 422
    cleared = home.post(f"{API}/exhibitions/{xid}/steps",
                        json={"event": "clear", "note": "3D examination: same work"})  # fmt: skip
    assert cleared.json()["status"] == "reentered"


def test_sale_duties_and_settlement(ba: ApiClients) -> None:
    xid = _to_exhibiting(ba, "X-0003")
    sold = ba.as_("ba.ent.hb").post(f"{API}/exhibitions/{xid}/sale",
                                    json={"price_cny": 250_000, "buyer": "collector"})  # fmt: skip
    assert sold.status_code == 200, sold.text
    assert (sold.json()["duty_cny"], sold.json()["vat_cny"]) == (2_500, 32_825)
    settled = ba.as_("ba.customs.zd").post(f"{API}/exhibitions/{xid}/settle").json()
    assert settled["status"] == "settled"
    assert settled["facts"]["settlement"] == {"due": 35_325, "guarantee": 42_390,
                                              "balance": 7_065}  # fmt: skip
    stats = ba.as_("ba.customs.zd").get(f"{API}/statistics").json()
    assert stats["exhibited"] == 1 and stats["sold"] == 1 and stats["sales_cny"] == 250_000


def test_isolation_and_bad_input(ba: ApiClients) -> None:
    art = _work(ba, "A-ISO")
    other = ba.as_("ba.ent.tj")
    assert other.get(f"{API}/artworks/{art}").status_code == 404
    assert other.get(f"{API}/artworks").json()["total"] == 0
    xid = _to_exhibiting(ba, "X-0004")
    for method, path in (("get", ""), ("post", "/guarantee"), ("post", "/settle")):
        assert getattr(other, method)(f"{API}/exhibitions/{xid}{path}").status_code in (403, 404)
    assert other.get(f"{API}/exhibitions/{xid}").status_code == 404
    assert ba.as_("ba.customs.tj").post(f"{API}/exhibitions/{xid}/sale", json={
        "price_cny": 1, "buyer": "x"}).status_code == 403  # fmt: skip
    bad = ba.as_("ba.ent.hb").post(f"{API}/exhibitions", json={
        "number": "X-BAD", "artwork_id": art, "home_customs": "ba-ent-tj",
        "destination_customs": "ba-customs-bj", "venue": "somewhere",
        "starts_on": "2026-01-02", "ends_on": "2026-01-10"})  # fmt: skip
    assert bad.status_code == 422 and "customs district" in bad.text
    not_image = ba.as_("ba.customs.zd").post(
        f"{API}/exhibitions/{xid}/verify", json={"image_base64": b64(b"not an image")}
    )
    assert not_image.status_code in (409, 422)
    assert ba.as_("ba.ent.hb").get(f"{API}/workflow").json()["mermaid"].startswith("stateDiagram")
