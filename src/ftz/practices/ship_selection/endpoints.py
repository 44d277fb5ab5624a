"""p07 HTTP API (mounted at /api/ship-selection): ships, ratings, grain channel, berths."""

from __future__ import annotations

from fastapi import APIRouter

from ftz.practices.ship_selection import api_berths, api_grain, api_ratings, api_ships

router = APIRouter()
for part in (api_ships.router, api_ratings.router, api_grain.router, api_berths.router):
    router.include_router(part)
