"""Batched integration in the server: every ≤ 1 s, or at once when 256 entries wait, queued
entries join their logs and the touched logs get a signed, timestamped checkpoint."""

from __future__ import annotations

import logging
import threading

from sqlalchemy.orm import Session, sessionmaker

from ftz.core.db import unit_of_work
from ftz.core.ledger.journal import BATCH_WAITING
from ftz.core.ledger.service import BATCH_LIMIT, Signing, checkpoint_stale, integrate_pending

log = logging.getLogger("ftz.ledger")
INTERVAL_SECONDS = 1.0


def integrate_once(factory: sessionmaker[Session], signer: Signing) -> int:
    """One batch in one transaction; returns how many entries were integrated."""
    with unit_of_work(factory) as session:
        done = integrate_pending(session, BATCH_LIMIT)
        checkpoint_stale(session, signer)
    return sum(done.values())


def drain(factory: sessionmaker[Session], signer: Signing) -> int:
    total = 0
    while True:
        count = integrate_once(factory, signer)
        total += count
        if count < BATCH_LIMIT:
            return total


class Integrator:
    def __init__(self, factory: sessionmaker[Session], signer: Signing) -> None:
        self.factory = factory
        self.signer = signer
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="ledger-integrator", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        BATCH_WAITING.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                count = integrate_once(self.factory, self.signer)
            except Exception:  # keep integrating after a transient database error
                log.exception("ledger integration failed; retrying")
                count = 0
            if count < BATCH_LIMIT:  # else go on at once; 256 journal records also wake it
                BATCH_WAITING.wait(INTERVAL_SECONDS)
                BATCH_WAITING.clear()
