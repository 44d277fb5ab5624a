"""Tracks from NMEA 0183 logs: AIS position reports (AIVDM/AIVDO, decoded with pyais) and GPS
fixes (RMC sentences), into the package's `Track` type, one track per vessel (MMSI) or "gps".

AIS messages carry only the second of the minute, so each line needs its receive time, written
the two usual ways: an NMEA 4.10 tag block with `c:` (Unix seconds, or milliseconds), e.g.
`\\s:rcv1,c:1719835200*7A\\!AIVDM,…`, or a leading time and a separator (`,` `;` tab or space),
e.g. `2024-07-01T12:00:00Z,!AIVDM,…` or `1719835200 !AIVDM,…`. RMC sentences carry their own
date and time. Position reports are message types 1, 2, 3 (class A), 18, 19 (class B) and 27
(long range); a position of 181°/91° means "not available". Lines that cannot be used (bad
checksum, no time, other message types, no position) are counted by reason, not fatal: a real
receiver log always has some."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from functools import reduce
from typing import TYPE_CHECKING, Any

from ftz.core.kit.errors import validation_error
from ftz.domain.geo.tracks import MAX_POINTS, Track, build_track, parse_time

if TYPE_CHECKING:  # pyais is imported when a log is read: importing ftz.domain.geo stays light
    from pyais import NMEAMessage

POSITION_TYPES = {1, 2, 3, 18, 19, 27}
TAG_BLOCK = re.compile(r"^\\([^\\]*)\\")
LEADING_TIME = re.compile(r"^([^!$]+?)[,;\t ]+([!$].*)$")
RMC = re.compile(r"^\$(?:GP|GN|GL|GA|BD|GB)RMC,")


@dataclass
class NmeaLog:
    tracks: dict[str, Track] = field(default_factory=dict)  # key: MMSI (AIS) or "gps" (RMC)
    fixes: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def summary(self, max_gap_s: float) -> dict[str, Any]:
        return {
            "fixes": self.fixes,
            "skipped": dict(sorted(self.skipped.items())),
            "tracks": {key: track.summary(max_gap_s) for key, track in self.tracks.items()},
        }


def _checksum_ok(sentence: str) -> bool:
    body, _, given = sentence[1:].partition("*")
    if len(given) < 2:
        return False
    value = reduce(lambda acc, ch: acc ^ ord(ch), body, 0)
    return f"{value:02X}" == given[:2].upper()


def _receive_time(line: str, default_tz: tzinfo) -> tuple[float | None, str]:
    """(epoch seconds or None, the sentence without its tag block or leading time)."""
    tag = TAG_BLOCK.match(line)
    if tag:
        sentence = line[tag.end() :]
        for item in tag.group(1).split("*")[0].split(","):
            key, _, value = item.partition(":")
            if key == "c" and value.isdigit():
                stamp = float(value)
                return (stamp / 1000 if stamp > 1e11 else stamp), sentence
        return None, sentence
    lead = LEADING_TIME.match(line)
    if lead:
        try:
            return parse_time(lead.group(1), default_tz, "line"), lead.group(2)
        except Exception:  # a field problem: this line has no usable time
            return None, lead.group(2)
    return None, line


def _rmc_fix(sentence: str) -> tuple[float, float, float] | None:
    """(lon, lat, epoch) of a valid RMC sentence, None when the receiver says void."""
    parts = sentence.split("*")[0].split(",")
    if len(parts) < 10 or parts[2] != "A":
        return None
    clock, lat, ns, lon, ew, date = parts[1], parts[3], parts[4], parts[5], parts[6], parts[9]
    moment = datetime.strptime(date + clock.split(".")[0], "%d%m%y%H%M%S").replace(tzinfo=UTC)
    fraction = float("0." + clock.split(".")[1]) if "." in clock else 0.0
    latitude = int(lat[:2]) + float(lat[2:]) / 60
    longitude = int(lon[:3]) + float(lon[3:]) / 60
    return (
        -longitude if ew == "W" else longitude,
        -latitude if ns == "S" else latitude,
        moment.timestamp() + fraction,
    )


def read_nmea(text: str, default_tz: tzinfo = UTC) -> NmeaLog:
    """Every usable position of an NMEA log, grouped into one track per vessel."""
    from pyais import NMEAMessage
    from pyais.exceptions import InvalidNMEAMessageException

    rows: dict[str, list[tuple[float, float, float]]] = {}
    log = NmeaLog()
    pending: dict[str, list[NMEAMessage]] = {}
    for raw in text.lstrip("\ufeff").splitlines():
        line = raw.strip()
        if not line:
            continue
        moment, sentence = _receive_time(line, default_tz)
        if not sentence.startswith(("!", "$")) or not _checksum_ok(sentence):
            log.skipped["bad checksum or not NMEA"] += 1
            continue
        if RMC.match(sentence):
            try:
                fix = _rmc_fix(sentence)
            except ValueError:
                fix = None
            if fix is None:
                log.skipped["void or malformed RMC"] += 1
            else:
                rows.setdefault("gps", []).append(fix)
            continue
        if sentence[3:6] not in ("VDM", "VDO"):
            log.skipped["other sentence"] += 1
            continue
        try:
            message = NMEAMessage.from_string(sentence)
        except InvalidNMEAMessageException:
            log.skipped["malformed AIS"] += 1
            continue
        if message.is_multi:
            key = f"{message.seq_id}{message.channel}"
            parts = pending.setdefault(key, [])
            parts.append(message)
            if len(parts) < message.frag_cnt:
                continue
            message = NMEAMessage.assemble_from_iterable(pending.pop(key))
        _ais_fix(message, moment, rows, log)
    if pending:
        log.skipped["incomplete multi-part AIS"] += len(pending)
    _tracks(rows, log)
    return log


def _ais_fix(
    message: NMEAMessage,
    moment: float | None,
    rows: dict[str, list[tuple[float, float, float]]],
    log: NmeaLog,
) -> None:
    try:
        decoded = message.decode()
    except Exception:  # pyais raises several kinds on corrupt payloads
        log.skipped["undecodable AIS"] += 1
        return
    if decoded.msg_type not in POSITION_TYPES:
        log.skipped["not a position report"] += 1
        return
    lon, lat = getattr(decoded, "lon", None), getattr(decoded, "lat", None)
    if lon is None or lat is None or not (-180 <= lon <= 180 and -90 <= lat <= 90):
        log.skipped["position not available"] += 1
        return
    if moment is None:
        log.skipped["no receive time"] += 1
        return
    rows.setdefault(str(decoded.mmsi), []).append((float(lon), float(lat), moment))


def _tracks(rows: dict[str, list[tuple[float, float, float]]], log: NmeaLog) -> None:
    total = sum(len(r) for r in rows.values())
    if total > MAX_POINTS:
        raise validation_error("track", f"more than {MAX_POINTS} positions")
    for key, fixes in rows.items():
        first_per_time: dict[float, tuple[float, float, float]] = {}
        for fix in fixes:  # two receivers may hear one report: keep the first position heard
            if fix[2] in first_per_time:
                log.skipped["same time twice"] += 1
            else:
                first_per_time[fix[2]] = fix
        if len(first_per_time) < 2:
            log.skipped["vessel with a single fix"] += 1
            continue
        log.tracks[key] = build_track(list(first_per_time.values()), where=f"track {key}")
        log.fixes += len(log.tracks[key])
