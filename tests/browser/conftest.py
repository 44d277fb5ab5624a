"""A real server (uvicorn, own SQLite file) and the system Chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from ftz.config import Settings
from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_engine, make_sessionmaker, migrate, unit_of_work
from ftz.demo import load_core_demo
from ftz.main import create_app
from ftz.practices.exam_certificates.demo import _ensure_agencies

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def browser_available() -> None:
    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        if os.environ.get("FTZ_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} is required (Debian package chromium)")
        pytest.skip("no system Chromium; install the Debian package chromium")


@pytest.fixture(scope="session")
def browser_database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('browser-db') / 'browser.db'}"


@pytest.fixture(scope="session")
def live_server(browser_database_url: str) -> Iterator[str]:
    url = browser_database_url
    folder = Path(url.removeprefix("sqlite:///")).parent
    migrate.upgrade(url)
    engine = make_engine(url)
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        load_core_demo(session)
        _ensure_agencies(session)
    settings = Settings(data_dir=folder, database_url=url, secret_key="browser-test-secret")
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(settings, engine=engine), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    engine.dispose()


@pytest.fixture(scope="session")
def browser(browser_available: None) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()
