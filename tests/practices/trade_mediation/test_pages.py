"""p19 pages: filing with errors shown again, each role's buttons, the two-step public signing."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.conftest import csrf_from, login
from tests.practices.trade_mediation.test_flow import mediation_staff  # noqa: F401

HTML = {"accept": "text/html"}


def _post(client: TestClient, path: str, **data: str) -> object:
    token = csrf_from(client.get(path, headers=HTML).text)
    return client.post(
        path, headers=HTML, data={"csrf_token": token, **data}, follow_redirects=False
    )


def test_case_through_the_pages(client: TestClient, mediation_staff: None) -> None:  # noqa: F811
    login(client, "ent.a")
    bad = _post(
        client,
        "/trade-mediation/cases/new",
        dispute_type="ip_license",
        summary="s",
        amount_cny="10",
        province="江苏",
        respondent_name="K",
        respondent_country="ZZ",
    )
    assert bad.status_code == 422 and 'value="K"' in bad.text  # type: ignore[attr-defined]
    made = _post(
        client,
        "/trade-mediation/cases/new",
        dispute_type="ip_license",
        summary="授权纠纷",
        amount_cny="300000",
        province="江苏",
        respondent_name="K-Brand",
        respondent_country="KR",
    )
    path = made.headers["location"]  # type: ignore[attr-defined]
    mediator = TestClient(client.app)
    login(mediator, "mediator")
    for action in ("accept", "session"):
        assert _post(mediator, path, action=action).status_code == 303  # type: ignore[attr-defined]
    _post(
        mediator,
        path,
        action="agreement",
        terms="被申请人支付赔偿金三十万元。",
        payment_cny="300000",
        enforcement_consent="on",
    )
    page = _post(mediator, path, action="code")
    code = re.search(r'id="signing-code">([^<]+)<', page.text).group(1)  # type: ignore[attr-defined,union-attr]
    _post(client, path, action="sign", name="法定代表人")
    case_id = path.rsplit("/", 1)[1]
    public = TestClient(client.app)
    step1 = _post(public, f"/trade-mediation/sign/{case_id}", name="Kim", code=code)
    assert "三十万元" in step1.text and 'id="confirm"' in step1.text  # type: ignore[attr-defined]
    step2 = _post(public, f"/trade-mediation/sign/{case_id}", name="Kim", code=code, confirm="on")
    assert 'id="signed"' in step2.text  # type: ignore[attr-defined]
    notary = TestClient(client.app)
    login(notary, "notary")
    _post(notary, path, action="notarize")
    final = client.get(path, headers=HTML).text
    assert 'id="notarial-number"' in final and "EN-OK" in final
    other = TestClient(client.app)
    login(other, "ent.b")
    assert other.get(path, headers=HTML).status_code == 404
