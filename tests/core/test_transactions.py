"""One request, one transaction: a failed commit is never acknowledged, and a duplicate from a
concurrent request is a clear conflict, not a half-written record."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from ftz.practices.exam_certificates.models import Application, Candidate, CertificateRequest
from tests.conftest import ApiClients
from tests.practices.exam_certificates.factories import application_body

BASE = "/api/exam-certificates"


class FailingCommitSession(Session):
    def commit(self) -> None:
        raise RuntimeError("disk full")


@pytest.fixture
def failing_app(app: FastAPI, bound_sessionmaker: sessionmaker[Session]) -> Iterator[FastAPI]:
    original = app.state.sessionmaker
    app.state.sessionmaker = sessionmaker(
        bind=bound_sessionmaker.kw["bind"],
        class_=FailingCommitSession,
        expire_on_commit=False,
        join_transaction_mode="create_savepoint",
    )
    yield app
    app.state.sessionmaker = original


def test_failed_commit_is_not_acknowledged(failing_app: FastAPI, api: ApiClients) -> None:
    response = api.as_("ent.a").post(f"{BASE}/applications", json=application_body())
    assert response.status_code == 500
    assert response.json()["detail"] == "an internal error occurred; nothing was saved"


def test_concurrent_registrations_of_one_person(fresh_app: FastAPI, api_tokens_fresh: str) -> None:
    """Four simultaneous requests for the same worker: one candidate, no 500, nothing half-done."""
    body = application_body()
    barrier = threading.Barrier(4)
    codes: list[int] = []

    def register() -> None:
        client = TestClient(fresh_app, raise_server_exceptions=False)
        client.headers["Authorization"] = f"Bearer {api_tokens_fresh}"
        barrier.wait()
        codes.append(client.post(f"{BASE}/applications", json=body).status_code)

    threads = [threading.Thread(target=register) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert codes and set(codes) <= {201, 409}, codes
    with fresh_app.state.sessionmaker() as session:
        candidates = session.scalar(select(func.count(Candidate.id)))
        applications = session.scalar(select(func.count(Application.id)))
        requests = session.scalar(select(func.count(CertificateRequest.id)))
    assert candidates == 1
    assert applications == codes.count(201)
    assert requests == 3 * applications
