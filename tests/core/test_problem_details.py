"""Bad input answers RFC 9457 problem details naming the field; never a 500, never a write."""

from __future__ import annotations

import pytest

from tests.conftest import ApiClients
from tests.practices.exam_certificates.factories import application_body

BASE = "/api/exam-certificates"
MALFORMED = [
    b"",
    b"{",
    b"[]",
    b"null",
    b"42",
    b'"text"',
    b"\xff\xfe\x00",
    b'{"candidate": 5}',
    b'{"candidate": {"full_name": "x"}}',
    b'{"trade": ["a"]}',
    b'{"theory_score": "high"}',
    b'{"theory_score": 1e999, "practical_score": -1, "exam_date": "not a date"}',
    b'{"certificates": []}',
    b'{"experience_years": "NaN"}',
    b'{"note": 7}',
    b'{"unexpected": true}',
    b"{" + b'"a":' * 50 + b"1" + b"}" * 50,
]


@pytest.mark.parametrize("body", MALFORMED)
def test_every_write_route_rejects_malformed_bodies(api: ApiClients, body: bytes) -> None:
    client = api.as_("admin")
    created = client.post(
        f"{BASE}/applications", json=application_body(employer_code="yc-build-a")
    ).json()
    routes = [
        ("POST", f"{BASE}/applications"),
        ("PATCH", f"{BASE}/applications/{created['id']}"),
        ("POST", f"{BASE}/applications/{created['id']}/scores"),
        ("POST", f"{BASE}/requests/{created['requests'][0]['id']}/decision"),
    ]
    for method, path in routes:
        response = client.request(
            method, path, content=body, headers={"content-type": "application/json"}
        )
        assert response.status_code in (400, 409, 422), (method, path, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")
        problem = response.json()
        assert {"type", "title", "status", "detail"} <= problem.keys()
    after = client.get(f"{BASE}/applications/{created['id']}").json()
    assert after["status"] == "checked" and after["theory_score"] is None
    assert client.get(f"{BASE}/applications").json()["total"] == 1


def test_validation_problem_names_the_field(api: ApiClients) -> None:
    body = application_body(experience_years=-3)
    response = api.as_("ent.a").post(f"{BASE}/applications", json=body)
    assert response.status_code == 422
    problem = response.json()
    assert problem["type"] == "/problems/validation"
    assert problem["errors"][0]["field"] == "experience_years"
    assert problem["errors"][0]["reason"]


def test_unknown_route_and_id(api: ApiClients) -> None:
    client = api.as_("ent.a")
    missing = client.get(f"{BASE}/applications/01ZZZZZZZZZZZZZZZZZZZZZZZZ")
    assert missing.status_code == 404 and missing.json()["title"] == "Not found"
    assert client.get("/api/nowhere").status_code == 404


def test_invalid_pagination(api: ApiClients) -> None:
    response = api.as_("ent.a").get(f"{BASE}/applications", params={"size": 100000})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "size"


def test_openapi_and_docs_are_served_without_cdn(api: ApiClients) -> None:
    client = api.anonymous()
    spec = client.get("/openapi.json").json()
    assert "/api/exam-certificates/applications" in spec["paths"]
    docs = client.get("/docs").text
    assert "/static/swagger/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
    assert client.get("/static/vendor/htmx.min.js").status_code == 200
    assert client.get("/healthz").json()["status"] == "ok"
