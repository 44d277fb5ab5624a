"""p11 gate decision latency: one vehicle = look up declaration and manifest, compare, evaluate
the tolerance, checks and routing tables, insert the transaction, queue its evidence entry and
COMMIT (durable), timed end to end, against a database already holding the demo month plus
`--extra` released shipments; a mix of clean and mismatching readings.

Run: .venv/bin/python -m bench.gate [--vehicles 1000] [--extra 5000] [--url URL]
(default: a fresh SQLite file in a temporary folder; prints a Markdown table)
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--vehicles", type=int, default=1000)
    parser.add_argument("--extra", type=int, default=5000)
    parser.add_argument("--url", default=None)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="ftz-bench-gate-"))
    os.environ.setdefault("FTZ_DATA_DIR", str(folder))
    url = args.url or f"sqlite:///{folder / 'gate.db'}"

    from sqlalchemy import func, select

    from ftz.core.auth import service as accounts
    from ftz.core.auth.principal import SYSTEM, current_principal
    from ftz.core.db import make_engine, make_sessionmaker, migrate, unit_of_work
    from ftz.demo import load_core_demo
    from ftz.practices.zone_port_gate import service
    from ftz.practices.zone_port_gate.demo import load_demo
    from ftz.practices.zone_port_gate.models import GateTransaction
    from ftz.practices.zone_port_gate.schemas import (
        DeclarationIn,
        GateIn,
        InstructionIn,
        ManifestIn,
        UnitIn,
    )  # fmt: skip

    migrate.upgrade(url)
    engine = make_engine(url)
    maker = make_sessionmaker(engine)
    started = time.perf_counter()
    with unit_of_work(maker) as session:
        current_principal.set(SYSTEM)
        load_core_demo(session)
        load_demo(session)
    demo_seconds = time.perf_counter() - started

    def units(n: int) -> list[UnitIn]:
        return [UnitIn(number=f"PMC{n:05d}CV", kind="uld", seals=[f"B{n}"]),
                UnitIn(number=f"PAG{n:05d}CV", kind="uld", seals=[f"C{n}"])]  # fmt: skip

    with unit_of_work(maker) as session:
        who = {u: accounts.acting_as(session, u) for u in ("zpg.ent.a", "zpg.customs", "zpg.gate")}
        for n in range(args.extra + args.vehicles):
            number = f"4699{n:014d}"
            made = service.declare(session, principal=who["zpg.ent.a"], data=DeclarationIn(
                number=number, direction="export", plate="豫A10000", units=units(n),
                weight_kg=8000, screened=True))  # fmt: skip
            service.instruct(session, principal=who["zpg.customs"], declaration_id=made.id,
                             data=InstructionIn(action="release"))  # fmt: skip
            service.register_manifest(session, principal=who["zpg.gate"], data=ManifestIn(
                number=f"8{n:010d}", declaration_number=number, units=[u.number for u in units(n)],
                weight_kg=8000))  # fmt: skip
            if n < args.extra:  # history at the gate
                service.pass_gate(session, principal=who["zpg.gate"], data=GateIn(
                    declaration_number=number, plate="豫A10000", units=units(n),
                    weight_kg=8010))  # fmt: skip
        total = session.scalar(select(func.count(GateTransaction.id)))

    samples, holds = [], 0
    for i in range(args.vehicles):
        n = args.extra + i
        read = units(n)
        if i % 10 == 0:  # every tenth vehicle: a broken seal and overweight
            read[0] = read[0].model_copy(update={"seals": ["X"]})
        reading = GateIn(declaration_number=f"4699{n:014d}", plate="豫A10000", units=read,
                         weight_kg=9000 if i % 10 == 0 else 8010)  # fmt: skip
        begin = time.perf_counter()
        with unit_of_work(maker) as session:
            principal = accounts.acting_as(session, "zpg.gate")
            tx = service.pass_gate(session, principal=principal, data=reading)
            holds += tx.verdict == "hold"
        samples.append((time.perf_counter() - begin) * 1000)
    engine.dispose()
    samples.sort()
    p95 = samples[int(len(samples) * 0.95) - 1]
    print(f"database: {url.split(':')[0]}, demo load {demo_seconds:.1f} s, "
          f"{total} gate transactions before the run, {holds} holds of {len(samples)}")  # fmt: skip
    print("| vehicles | median ms | p95 ms | max ms |")
    print("|---:|---:|---:|---:|")
    print(f"| {len(samples)} | {statistics.median(samples):.2f} | {p95:.2f} | {samples[-1]:.2f} |")


if __name__ == "__main__":
    main()
