"""NMEA logs: AIS position reports (pyais) with receive times from tag blocks or leading
columns, GPS RMC fixes, and every unusable line counted by its reason."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from pyais.encode import encode_dict

from ftz.domain.geo import read_nmea

T0 = int(datetime(2024, 7, 1, 12, 0, tzinfo=UTC).timestamp())


def ais(mmsi: int, lon: float, lat: float, kind: int = 1) -> str:
    [sentence] = encode_dict({"type": kind, "mmsi": mmsi, "lon": lon, "lat": lat, "speed": 10},
                             talker_id="AI", sentence_type="VDM")  # fmt: skip
    return sentence


def test_tag_blocks_and_leading_times_give_one_track_per_vessel() -> None:
    log = "\n".join([
        f"\\s:rcv1,c:{T0}*00\\{ais(413000001, 108.60, 21.68)}",
        f"\\c:{(T0 + 60) * 1000}\\{ais(413000001, 108.61, 21.68)}",  # milliseconds
        f"2024-07-01T20:02:00,{ais(413000001, 108.62, 21.68)}",  # naive: the default zone
        f"{T0 + 30} {ais(413000002, 108.50, 21.60, kind=18)}",  # class B, space separated
        f"{T0 + 90};{ais(413000002, 108.51, 21.60, kind=18)}",
    ])  # fmt: skip
    result = read_nmea(log, default_tz=timezone(timedelta(hours=8)))
    assert sorted(result.tracks) == ["413000001", "413000002"]
    first = result.tracks["413000001"]
    assert list(first.t) == [T0, T0 + 60, T0 + 120]
    assert list(first.lon) == pytest.approx([108.60, 108.61, 108.62], abs=1e-5)
    assert result.fixes == 5 and not result.skipped
    summary = result.summary(max_gap_s=300)
    assert summary["tracks"]["413000002"]["duration_s"] == 60


def test_unusable_lines_are_counted_by_reason() -> None:
    good = ais(413000001, 108.60, 21.68)
    broken = good[:-2] + ("00" if not good.endswith("00") else "11")
    [static_1, static_2] = encode_dict({"type": 5, "mmsi": 413000001, "shipname": "TEST"},
                                       talker_id="AI", sentence_type="VDM")  # fmt: skip
    log = "\n".join([
        f"{T0},{good}",
        f"{T0 + 10},{broken}",
        good,  # no receive time
        f"{T0 + 20},{ais(413000009, 181.0, 91.0)}",  # position not available
        f"{T0 + 30},{static_1}",
        f"{T0 + 30},{static_2}",
        f"{T0 + 40},$GPGSV,1,1,00*79",
        "",
        f"{T0 + 50},{ais(413000003, 108.0, 21.0)}",  # a vessel heard once
        f"{T0},{ais(413000001, 108.7, 21.7)}",  # the same second from another receiver
        f"{T0 + 60},{ais(413000001, 108.61, 21.68)}",
    ])  # fmt: skip
    result = read_nmea(log)
    assert dict(result.skipped) == {
        "bad checksum or not NMEA": 1,
        "no receive time": 1,
        "position not available": 1,
        "not a position report": 1,
        "other sentence": 1,
        "vessel with a single fix": 1,
        "same time twice": 1,
    }
    assert list(result.tracks) == ["413000001"]
    assert result.tracks["413000001"].lon[0] == pytest.approx(108.60, abs=1e-5)


def sentence(body: str) -> str:
    checksum = 0
    for char in body:
        checksum ^= ord(char)
    return f"${body}*{checksum:02X}"


def test_gps_rmc_sentences_carry_their_own_date_and_time() -> None:
    log = "\n".join([
        "$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A",  # NMEA's example
        sentence("GNRMC,123619.50,A,4807.100,S,01131.500,W,022.4,084.4,230394,003.1,W"),
        sentence("GPRMC,123719,V,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W"),
    ])  # fmt: skip
    result = read_nmea(log)
    track = result.tracks["gps"]
    start = datetime(1994, 3, 23, 12, 35, 19, tzinfo=UTC).timestamp()
    assert list(track.t) == [start, start + 60.5]
    assert track.lat[0] == pytest.approx(48 + 7.038 / 60)
    assert track.lon[0] == pytest.approx(11 + 31 / 60)
    assert track.lat[1] < 0 and track.lon[1] < 0
    assert result.skipped == {"void or malformed RMC": 1}
