"""p07 permissions. The maritime safety administration (department "msa") keeps the ship
records, pre-reviews grain papers and runs the berth channel; carriers ask for ratings; shippers
read them as advice and decide; agents file grain papers and arrival plans; terminals and
shipping companies read the papers of the calls they are named on."""

from __future__ import annotations

from ftz.core.auth.models import Role
from ftz.core.auth.permissions import ALL_SIGNED_IN, declare

DEPARTMENTS = ("msa",)

READ = declare("ship_selection.read", ALL_SIGNED_IN, "Read ships, ratings, grain calls, berths")
MANAGE_SHIPS = declare(
    "ship_selection.ships", {Role.OFFICER}, "Record ships and their certificates, PSC, penalties"
)
REQUEST_RATING = declare(
    "ship_selection.request", {Role.ENTERPRISE}, "Ask for the ten-dimension rating of a ship"
)
DECIDE = declare("ship_selection.decide", {Role.ENTERPRISE}, "Record the shipper's charter choice")
FILE = declare(
    "ship_selection.file", {Role.ENTERPRISE}, "File grain papers, arrival plans and escort requests"
)
REVIEW = declare(
    "ship_selection.review", {Role.OFFICER}, "Pre-review grain papers and run the berth channel"
)

ALL = [READ, MANAGE_SHIPS, REQUEST_RATING, DECIDE, FILE, REVIEW]
