"""p29 reference data, loaded once: the channel (1 main, 5 core sub-channels as node sequences
of the shared network), the seed's figures, the rule tables and the vocabularies of the forms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from ftz.core.rules import RuleSet
from ftz.domain.network import Node, get_node

HERE = Path(__file__).parent
LOCAL = ZoneInfo("Asia/Shanghai")

CARGO_TYPES = ("general", "machinery", "auto_parts", "electronics", "chemicals", "grain", "reefer")
TRADES = ("export", "import", "domestic")
OFFER_MODES = ("rail", "river", "sea", "road")
OPTIMIZE = ("time", "cost", "co2", "mix")
OPERATOR_KINDS = ("rail", "port", "shipping", "forwarder")
EVENT_KINDS = (
    "picked_up", "loaded", "departed", "transhipped", "arrived", "customs_cleared",
    "delivered", "exception", "note",
)  # fmt: skip
ORDER_STATUSES = ("posted", "booked", "in_transit", "delivered", "cancelled")


@dataclass(frozen=True)
class Channel:
    code: str
    name_zh: str
    name_en: str
    mode: str
    nodes: tuple[str, ...]
    service: str = ""
    main: bool = False

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en


@cache
def rules() -> RuleSet:
    return RuleSet(HERE / "rules")


@cache
def _channel_doc() -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load((HERE / "data" / "channel.yaml").read_text("utf-8"))
    return doc


@cache
def channels() -> dict[str, Channel]:
    """The main channel first, then the five sub-channels; every node must be on the network."""
    doc = _channel_doc()
    rows = [{**doc["main"], "main": True}, *doc["sub_channels"]]
    found: dict[str, Channel] = {}
    for row in rows:
        channel = Channel(
            code=row["code"], name_zh=row["name_zh"], name_en=row["name_en"], mode=row["mode"],
            nodes=tuple(row["nodes"]), service=row.get("service", ""), main=row.get("main", False),
        )  # fmt: skip
        for node_id in channel.nodes:
            get_node(node_id)  # an unknown id fails loudly here, not on a page
        found[channel.code] = channel
    return found


def sub_channels() -> list[Channel]:
    return [c for c in channels().values() if not c.main]


def hub() -> str:
    return str(_channel_doc()["main"]["hub"])


@cache
def figures() -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load((HERE / "data" / "figures.yaml").read_text("utf-8"))
    return doc


def node(node_id: str) -> Node:
    return get_node(node_id)


def node_name(node_id: str, lang: str = "zh") -> str:
    found = get_node(node_id)
    return found.name_zh if lang == "zh" else found.name


def channels_on(route_nodes: list[str]) -> list[str]:
    """The channels a route runs along: those with a stretch (two neighbouring nodes of the
    channel) whose both ends the route passes. The route may pass stations between them that
    the channel does not list, so the two need not be neighbours on the route."""
    on_route = set(route_nodes)
    used = []
    for channel in channels().values():
        stretches = zip(channel.nodes, channel.nodes[1:], strict=False)
        if any(a in on_route and b in on_route for a, b in stretches):
            used.append(channel.code)
    return used


def today() -> date:
    return datetime.now(LOCAL).date()


def now() -> datetime:
    return datetime.now(LOCAL)


def day_start(day: date) -> datetime:
    """The start of a day in China Standard Time (a date-only readiness or departure)."""
    return datetime.combine(day, time(), LOCAL)


def local(moment: datetime) -> datetime:
    """A moment in China Standard Time; a naive one is read as already local (forms)."""
    return moment.replace(tzinfo=LOCAL) if moment.tzinfo is None else moment.astimezone(LOCAL)


def local_label(value: str | datetime | None) -> str:
    """A moment (ISO 8601 text, e.g. a leg's "2026-11-26T12:00:00Z", or a datetime) as people
    read it on the channel: "2026-11-26 20:00" China Standard Time."""
    if not value:
        return ""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return local(moment).strftime("%Y-%m-%d %H:%M")
