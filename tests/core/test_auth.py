"""Sign-in, sessions, CSRF, API tokens and roles."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.passwords import hash_password, verify_password
from tests.conftest import ApiClients, csrf_from, login


def test_passwords_are_argon2id() -> None:
    hashed = hash_password("correct horse battery")
    assert hashed.startswith("$argon2id$")
    assert verify_password(hashed, "correct horse battery")
    assert not verify_password(hashed, "wrong")
    assert not verify_password("not-a-hash", "x")


def test_stored_passwords_are_hashed(session: Session) -> None:
    user = accounts.get_user_by_username(session, "ent.a")
    assert user is not None and accounts.DEMO_PASSWORD not in user.password_hash
    assert user.password_hash.startswith("$argon2id$")


def test_login_and_logout(client: TestClient) -> None:
    login(client, "ent.a")
    profile = client.get("/profile")
    assert profile.status_code == 200 and "ent.a" in profile.text
    token = csrf_from(profile.text)
    assert (
        client.post("/logout", data={"csrf_token": token}, follow_redirects=False).status_code
        == 303
    )
    assert client.get("/api/me").status_code == 401


def test_wrong_password_shows_form_again(client: TestClient) -> None:
    page = client.get("/login")
    response = client.post(
        "/login", data={"username": "ent.a", "password": "nope", "csrf_token": csrf_from(page.text)}
    )
    assert response.status_code == 400
    assert 'name="username"' in response.text and "ent.a" in response.text


def test_login_without_csrf_token_is_refused(client: TestClient) -> None:
    client.get("/login")
    response = client.post(
        "/login",
        data={"username": "ent.a", "password": accounts.DEMO_PASSWORD},
        headers={"accept": "text/html"},
        follow_redirects=False,
    )
    assert response.status_code == 403
    assert client.get("/api/me").status_code == 401


def test_form_post_with_session_needs_csrf(client: TestClient) -> None:
    login(client, "ent.a")
    response = client.post("/profile/tokens", data={"name": "x"}, headers={"accept": "text/html"})
    assert response.status_code == 403
    forged = client.post(
        "/profile/tokens",
        data={"name": "x", "csrf_token": "0" * 64},
        headers={"accept": "text/html"},
    )
    assert forged.status_code == 403
    assert "<td>x</td>" not in client.get("/profile").text


def test_json_api_with_cookie_needs_csrf_header(client: TestClient) -> None:
    login(client, "ent.a")
    body = {"theory_score": 1}
    response = client.post("/api/exam-certificates/applications", json=body)
    assert response.status_code == 403 and response.json()["type"] == "/problems/csrf"


def test_tampered_session_cookie_is_anonymous(client: TestClient) -> None:
    login(client, "admin")
    value = client.cookies.get("ftz_session")
    assert value
    # Replace the cookie (set() beside the server's own would add a second one) and change
    # the signed payload, not the signature's tail, which may hold only base64 padding bits.
    client.cookies.clear()
    client.cookies.set("ftz_session", value)
    assert client.get("/api/me").status_code == 200
    client.cookies.clear()
    client.cookies.set("ftz_session", ("A" if value[0] != "A" else "B") + value[1:])
    assert client.get("/api/me").status_code == 401


def test_open_redirect_is_blocked(client: TestClient) -> None:
    page = client.get("/login")
    response = client.post(
        "/login",
        data={
            "username": "ent.a",
            "password": accounts.DEMO_PASSWORD,
            "next": "//evil.example/x",
            "csrf_token": csrf_from(page.text),
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/"


def test_api_token_lifecycle(client: TestClient, api: ApiClients) -> None:
    login(client, "ent.b")
    page = client.post(
        "/profile/tokens",
        data={"name": "erp", "csrf_token": csrf_from(client.get("/profile").text)},
    )
    assert page.status_code == 200
    token = page.text.split('id="new-token">')[1].split("<")[0]
    bearer = {"Authorization": f"Bearer {token}"}
    other = api.anonymous()
    assert other.get("/api/me", headers=bearer).json()["username"] == "ent.b"
    row = next(r for r in page.text.split("<tr>") if "<td>erp</td>" in r)
    token_id = row.split("/profile/tokens/")[1].split("/revoke")[0]
    revoke = client.post(
        f"/profile/tokens/{token_id}/revoke",
        data={"csrf_token": csrf_from(page.text)},
        follow_redirects=False,
    )
    assert revoke.status_code == 303
    assert other.get("/api/me", headers=bearer).status_code == 401


def test_bad_bearer_token(api: ApiClients) -> None:
    response = api.anonymous().get("/api/me", headers={"Authorization": "Bearer ftz_nope"})
    assert response.status_code == 401


def test_roles_and_admin_only_audit(api: ApiClients) -> None:
    me = api.as_("hrss.officer").get("/api/me").json()
    assert "officer" in me["roles"] and me["department"] == "hrss"
    assert api.as_("admin").get("/api/audit").status_code == 200
    assert api.as_("hrss.officer").get("/api/audit").status_code == 403


def test_cookieless_login_post_still_needs_csrf(api: ApiClients) -> None:
    response = api.anonymous().post(
        "/login", data={"username": "ent.a", "password": accounts.DEMO_PASSWORD}
    )
    assert response.status_code == 403
