"""p12 pages without a browser: forms show errors and keep input, nothing half-saved."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import csrf_from, login
from tests.practices.exam_certificates.factories import id_number

HTML = {"accept": "text/html"}


def _form(token: str, **overrides: str | list[str]) -> dict[str, str | list[str]]:
    form: dict[str, str | list[str]] = {
        "csrf_token": token,
        "full_name": "页面考生",
        "id_number": id_number(),
        "education": "3",
        "health_ok": "on",
        "trade": "electrician",
        "certificates": ["EM-LV-ELEC", "HR-ELEC-JR"],
        "experience_years": "2",
    }
    form.update(overrides)
    return form


def test_register_through_the_form(client: TestClient) -> None:
    login(client, "ent.a")
    token = csrf_from(client.get("/exam-certificates/applications/new").text)
    response = client.post(
        "/exam-certificates/applications/new",
        data=_form(token),
        headers=HTML,
        follow_redirects=False,
    )
    assert response.status_code == 303
    detail = client.get(response.headers["location"])
    assert "页面考生" in detail.text and "SO-CHECKED" in detail.text


def test_form_error_shows_the_form_again_with_input(client: TestClient) -> None:
    login(client, "ent.a")
    token = csrf_from(client.get("/exam-certificates/applications/new").text)
    response = client.post(
        "/exam-certificates/applications/new",
        data=_form(token, id_number="123", full_name="保留我"),
        headers=HTML,
    )
    assert response.status_code == 422
    assert "candidate.id_number" in response.text and 'value="保留我"' in response.text
    missing = client.post(
        "/exam-certificates/applications/new", data=_form(token, experience_years=""), headers=HTML
    )
    assert missing.status_code == 422 and "experience_years" in missing.text
    listing = client.get("/exam-certificates/applications", headers=HTML)
    assert "保留我" not in listing.text


def test_htmx_fragment_lists_trade_certificates(client: TestClient) -> None:
    login(client, "ent.a")
    fragment = client.get(
        "/exam-certificates/applications/new/certificates", params={"trade": "welder"}
    )
    assert "EM-WELD-CUT" in fragment.text and "EM-LV-ELEC" not in fragment.text


def test_pages_render_in_both_languages(client: TestClient) -> None:
    login(client, "exam.officer")
    for path in (
        "/",
        "/exam-certificates",
        "/exam-certificates/applications",
        "/exam-certificates/statistics",
        "/profile",
    ):
        zh = client.get(path + "?lang=zh", headers=HTML)
        assert zh.status_code == 200, path
        assert "自贸试验区最佳实践平台" in zh.text
        en = client.get(path + "?lang=en", headers=HTML)
        assert "FTZ Practice Platform" in en.text


def test_home_lists_all_practices(client: TestClient) -> None:
    home = client.get("/", headers=HTML)
    assert home.text.count('data-practice="p') == 29
    assert "One exam, many certificates" in home.text and "一考多证" in home.text
