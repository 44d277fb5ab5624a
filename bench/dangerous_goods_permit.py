"""p25: how long the track check takes (both corridors, excursions, speeding, hours, stops and
the rule rows) for tracks of growing size, 1 to 5 fixes a second along route B with a detour, a
speeding stretch and a stop. Run: `.venv/bin/python bench/dangerous_goods_permit.py`."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

from ftz.domain.geo import read_track_csv
from ftz.practices.dangerous_goods_permit.common import demo_routes
from ftz.practices.dangerous_goods_permit.compliance import Terms, check
from ftz.practices.dangerous_goods_permit.simulate import Drive, as_csv, drive


def main() -> None:
    routes = demo_routes()
    terms = Terms(
        routes["A"],
        routes["B"],
        100,
        40,
        "08:00",
        "18:00",
        10,
        [routes["A"][0], routes["A"][-1], routes["B"][-1]],
    )
    start = datetime(2026, 11, 20, 9, 0, tzinfo=timezone(timedelta(hours=8)))
    kmh = 35.0
    for every_s in (1.0, 0.5, 0.2):  # 1, 2 and 5 fixes a second on the same road
        plan = Drive(
            kmh=kmh, every_s=every_s, fast=(0.1, 0.2, 63), stop=(0.5, 15), detour=(0.6, 0.7, 400)
        )
        text = as_csv(drive(routes["B"], start, plan))
        t0 = time.perf_counter()
        track = read_track_csv(text)
        t1 = time.perf_counter()
        verdict = check(track, terms, "B")
        t2 = time.perf_counter()
        print(
            f"{len(track):>8} fixes: read {t1 - t0:6.3f} s, check {t2 - t1:6.3f} s, "
            f"{len(verdict['violations'])} violations"
        )


if __name__ == "__main__":
    main()
