"""Test fixtures: every database test runs on SQLite and, with FTZ_TEST_POSTGRES_URL, PostgreSQL.

Each database is migrated from empty once per run and seeded with the demo organizations and
users; each test then runs inside a transaction that is rolled back, so tests stay independent.
"""

from __future__ import annotations

import fcntl
import functools
import os
import re
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from ftz.config import Settings
from ftz.core.auth import service as accounts
from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, migrate, unit_of_work
from ftz.core.db.engine import make_sessionmaker
from ftz.core.ledger.store import reset_caches
from ftz.demo import load_core_demo
from ftz.main import create_app
from ftz.practices.exam_certificates.demo import _ensure_agencies

if TYPE_CHECKING:
    from ftz.domain.hs.search import HsIndex

# Before anything reads settings: tests never touch ./var.
os.environ["FTZ_DATA_DIR"] = tempfile.mkdtemp(prefix="ftz-test-")
os.environ.pop("FTZ_DATABASE_URL", None)
# The HS search's embedding cache is shared by the workers of one pytest-xdist run: embedding
# the 1,228 headings takes 35-100 s, and each worker did it again in its own data directory.
RUN_ID = os.environ.get("PYTEST_XDIST_TESTRUNUID", str(os.getpid()))
SHARED = Path(tempfile.gettempdir()) / f"ftz-test-{RUN_ID}"
SHARED.mkdir(exist_ok=True)
(Path(os.environ["FTZ_DATA_DIR"]) / "hs").mkdir()
(Path(os.environ["FTZ_DATA_DIR"]) / "hs" / "embeddings").symlink_to(SHARED)

POSTGRES_URL = os.environ.get("FTZ_TEST_POSTGRES_URL")
DATABASES = ["sqlite"] + (["postgresql"] if POSTGRES_URL else [])
USERS = (
    "admin",
    "ent.a",
    "ent.b",
    "exam.officer",
    "emergency.officer",
    "hrss.officer",
    "housing.officer",
)
CSRF_INPUT = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')


def built_hs_index() -> HsIndex:
    """The HS search index with its heading vectors: one worker embeds them while the other
    waits on the lock, then reads them from the shared cache."""
    from ftz.domain.hs.search import hs_index

    with (SHARED / "headings.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        index = hs_index()
        index.heading_vectors()
    return index


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return Path(os.environ["FTZ_DATA_DIR"])


@pytest.fixture(scope="session", params=DATABASES)
def database_url(request: pytest.FixtureRequest, data_dir: Path) -> str:
    if request.param == "postgresql":
        assert POSTGRES_URL
        url = _database_of_this_worker(POSTGRES_URL)
        migrate.reset_postgres(url)
        return url
    return f"sqlite:///{data_dir / 'test.db'}"


def _database_of_this_worker(url: str) -> str:
    """Under pytest-xdist each worker migrates and seeds a database of its own on the same
    server (`<name>_gw0`, `<name>_gw1`…), created on first use; alone, the URL as given."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    given = make_url(url)
    name = f"{given.database}_{worker}"
    _create_database(url, name, if_missing=True)
    return given.set(database=name).render_as_string(hide_password=False)


def _create_database(url: str, name: str, *, if_missing: bool = False) -> None:
    """CREATE DATABASE `name` on the server of `url` (outside a transaction, as it must be)."""
    admin = make_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            query = text("SELECT 1 FROM pg_database WHERE datname = :n")
            if not (if_missing and conn.execute(query, {"n": name}).first() is not None):
                conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()


def _migrate_and_seed(url: str) -> Engine:
    """A database migrated from empty and seeded with the core demo. A new SQLite file is a
    copy of one migrated and seeded once per process: the same bytes, without running every
    migration and hashing the demo passwords again for each of the ~70 tests and fixtures that
    ask for a database of their own (6–17 s each)."""
    target = url.removeprefix("sqlite:///")
    if url.startswith("sqlite:///") and not Path(target).exists():
        shutil.copyfile(_sqlite_template(), target)
        return make_engine(url)
    _upgrade_and_seed(url)
    return make_engine(url)


def _upgrade_and_seed(url: str) -> None:
    migrate.upgrade(url)
    engine = make_engine(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        load_core_demo(session)
        _ensure_agencies(session)
    engine.dispose()


@functools.cache
def _sqlite_template() -> Path:
    path = Path(tempfile.mkdtemp(prefix="ftz-template-")) / "template.db"
    _upgrade_and_seed(f"sqlite:///{path}")
    with sqlite3.connect(path) as conn:  # everything into the main file, so a copy is whole
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture(scope="session")
def seeded_engine(database_url: str) -> Iterator[Engine]:
    """Migrated from empty, then seeded (and committed) once per database."""
    engine = _migrate_and_seed(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def fresh_engine(database_url: str, tmp_path: Path) -> Iterator[Engine]:
    """A database of its own, for tests that must commit (concurrency): same kind, new instance."""
    if database_url.startswith("sqlite"):
        engine = _migrate_and_seed(f"sqlite:///{tmp_path / 'fresh.db'}")
        yield engine
        engine.dispose()
        return
    name = f"ftz_fresh_{uuid.uuid4().hex[:12]}"
    _create_database(database_url, name)
    admin = make_engine(database_url, isolation_level="AUTOCOMMIT")
    url = make_url(database_url).set(database=name).render_as_string(hide_password=False)
    engine = _migrate_and_seed(url)
    yield engine
    engine.dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def fresh_app(fresh_engine: Engine, data_dir: Path) -> FastAPI:
    settings = Settings(
        data_dir=data_dir, secret_key="test-secret-key-not-for-production", ledger_background=False
    )
    return create_app(settings, engine=fresh_engine)


@pytest.fixture
def api_tokens_fresh(fresh_engine: Engine) -> str:
    with unit_of_work(make_sessionmaker(fresh_engine)) as session:
        user = accounts.get_user_by_username(session, "ent.a")
        assert user is not None
        token, _ = accounts.create_api_token(session, user=user, name="concurrency")
    return token


@pytest.fixture(scope="session")
def api_tokens(seeded_engine: Engine) -> dict[str, str]:
    tokens = {}
    with unit_of_work(make_sessionmaker(seeded_engine)) as session:
        for username in USERS:
            user = accounts.get_user_by_username(session, username)
            assert user is not None
            tokens[username], _ = accounts.create_api_token(session, user=user, name="tests")
    return tokens


@pytest.fixture
def bound_sessionmaker(seeded_engine: Engine) -> Iterator[sessionmaker[Session]]:
    """Sessions joined to one outer transaction that the test rolls back."""
    connection = seeded_engine.connect()
    outer = connection.begin()
    factory = sessionmaker(
        bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint"
    )
    try:
        yield factory
    finally:
        outer.rollback()
        connection.close()
        reset_caches()  # the rollback removes logs the ledger's caches have seen


@pytest.fixture
def session(bound_sessionmaker: sessionmaker[Session]) -> Iterator[Session]:
    current_principal.set(SYSTEM)
    db = bound_sessionmaker()
    try:
        yield db
    finally:
        db.close()


@pytest.fixture
def app(
    seeded_engine: Engine, bound_sessionmaker: sessionmaker[Session], data_dir: Path
) -> FastAPI:
    settings = Settings(
        data_dir=data_dir, secret_key="test-secret-key-not-for-production", ledger_background=False
    )
    application = create_app(settings, engine=seeded_engine)
    application.state.sessionmaker = bound_sessionmaker
    return application


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def api(app: FastAPI, api_tokens: dict[str, str]) -> ApiClients:
    # A copy: practice fixtures add tokens made inside the test's rolled-back transaction, and
    # those must not outlive the test (a later test would send a token that no longer exists).
    return ApiClients(app, dict(api_tokens))


class ApiClients:
    """`api.as_("ent.a").get(...)`: a bearer-token client per demo user."""

    def __init__(self, app: FastAPI, tokens: dict[str, str]) -> None:
        self.app = app
        self.tokens = tokens

    def as_(self, username: str) -> TestClient:
        client = TestClient(self.app, raise_server_exceptions=False)
        client.headers["Authorization"] = f"Bearer {self.tokens[username]}"
        return client

    def anonymous(self) -> TestClient:
        return TestClient(self.app, raise_server_exceptions=False)


def csrf_from(html: str) -> str:
    match = CSRF_INPUT.search(html)
    assert match, "page has no CSRF field"
    return match.group(1)


def login(client: TestClient, username: str, password: str = accounts.DEMO_PASSWORD) -> None:
    page = client.get("/login")
    response = client.post(
        "/login",
        data={
            "username": username,
            "password": password,
            "next": "/",
            "csrf_token": csrf_from(page.text),
        },
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
