"""core.web.idempotency: a key replays the first answer (marked `Idempotent-Replay: true`) and
runs the action once; the same key on another route or with another body, or a key too long,
is a 422 naming Idempotency-Key; a key stored meanwhile (a concurrent duplicate) is a 409; no
key runs the action every time and stores nothing."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.auth.service import acting_as
from ftz.core.db import utcnow
from ftz.core.kit.errors import FtzError
from ftz.core.web import idempotency
from ftz.core.web.idempotency_models import IdempotentReply


class Counter:
    """An action that answers how many times it ran."""

    def __init__(self) -> None:
        self.runs = 0

    def __call__(self) -> dict[str, Any]:
        self.runs += 1
        return {"run": self.runs, "text": "中文"}


def call(session: Session, who: Principal, key: str | None, route: str, body: Any,
         action: Counter) -> tuple[int, dict[str, Any], str | None]:  # fmt: skip
    reply = idempotency.run(session, who, key, route, body, 201, action)
    return reply.status_code, json.loads(bytes(reply.body)), reply.headers.get("Idempotent-Replay")


def refused(session: Session, who: Principal, key: str, route: str, body: Any) -> FtzError:
    action = Counter()
    with pytest.raises(FtzError) as caught:
        idempotency.run(session, who, key, route, body, 201, action)
    assert action.runs == 0
    return caught.value


def stored(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(IdempotentReply)) or 0


def test_a_replay_is_the_first_answer_and_runs_once(session: Session) -> None:
    who, action = acting_as(session, "ent.a"), Counter()
    first = call(session, who, "k-1", "test/things", {"a": 1, "b": [1, 2]}, action)
    # Key order in the body does not matter: the digest is of canonical JSON.
    again = call(session, who, "k-1", "test/things", {"b": [1, 2], "a": 1}, action)
    assert first == (201, {"run": 1, "text": "中文"}, None)
    assert again == (201, {"run": 1, "text": "中文"}, "true")
    assert action.runs == 1
    row = session.scalar(select(IdempotentReply).where(IdempotentReply.key == "k-1"))
    assert row is not None and row.route == "test/things" and row.user_id == who.user_id


def test_the_same_key_on_another_route_is_422(session: Session) -> None:
    who = acting_as(session, "ent.a")
    call(session, who, "k-2", "test/things", {"a": 1}, Counter())
    error = refused(session, who, "k-2", "test/other", {"a": 1})
    assert error.status == 422
    assert error.problem()["errors"] == [
        {"field": "Idempotency-Key", "reason": "this key was used on another route"}
    ]


def test_the_same_key_with_another_body_is_422(session: Session) -> None:
    who = acting_as(session, "ent.a")
    call(session, who, "k-3", "test/things", {"a": 1}, Counter())
    error = refused(session, who, "k-3", "test/things", {"a": 2})
    assert error.status == 422 and error.errors[0].field == "Idempotency-Key"


def test_a_key_too_long_is_422_and_200_characters_are_fine(session: Session) -> None:
    who = acting_as(session, "ent.a")
    error = refused(session, who, "x" * 201, "test/things", {})
    assert error.status == 422 and error.errors[0].field == "Idempotency-Key"
    assert call(session, who, "x" * 200, "test/things", {}, Counter())[0] == 201


def test_keys_belong_to_their_user(session: Session) -> None:
    a, b = acting_as(session, "ent.a"), acting_as(session, "admin")
    call(session, a, "shared", "test/things", {"a": 1}, Counter())
    # Another user's same key is a new request, not a replay of someone else's answer.
    assert call(session, b, "shared", "test/things", {"a": 2}, Counter())[2] is None


def test_no_key_runs_every_time_and_stores_nothing(session: Session) -> None:
    who, action, before = acting_as(session, "ent.a"), Counter(), stored(session)
    call(session, who, None, "test/things", {}, action)
    call(session, who, None, "test/things", {}, action)
    assert action.runs == 2 and stored(session) == before


def test_a_key_stored_meanwhile_is_409(session: Session) -> None:
    """As when a concurrent request with the same key committed while this one ran."""
    who = acting_as(session, "ent.a")
    user = who.user_id or who.username

    def racing() -> dict[str, Any]:
        row = IdempotentReply(
            user_id=user, key="k-race", route="test/things", request_sha256="0" * 64, status=201,
            body={}, at=utcnow(),
        )  # fmt: skip
        session.add(row)
        session.flush()
        return {}

    with pytest.raises(FtzError) as caught:
        idempotency.run(session, who, "k-race", "test/things", {}, 201, racing)
    assert caught.value.status == 409
