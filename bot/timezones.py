"""Validation of IANA timezone names typed by members."""

from __future__ import annotations

import difflib
from functools import cache
from zoneinfo import available_timezones


@cache
def _zones_by_lower() -> dict[str, str]:
    zones = {z for z in available_timezones() if "/" in z or z == "UTC"}
    return {z.lower(): z for z in zones}


def resolve_timezone(name: str) -> str | None:
    """The canonical IANA name for ``name`` (case-insensitive, spaces as underscores), or None."""
    key = name.strip().replace(" ", "_").lower()
    if key in {"utc", "gmt", "z"}:
        return "UTC"
    return _zones_by_lower().get(key)


def suggest_timezones(name: str, limit: int = 3) -> list[str]:
    """Close IANA names for a mistyped zone, matching on the full name or the city part."""
    key = name.strip().replace(" ", "_").lower()
    zones = _zones_by_lower()
    by_city = {z.rsplit("/", 1)[-1]: canonical for z, canonical in zones.items()}
    hits = difflib.get_close_matches(key, list(by_city), n=limit, cutoff=0.75)
    found = [by_city[h] for h in hits]
    for h in difflib.get_close_matches(key, list(zones), n=limit, cutoff=0.75):
        if zones[h] not in found:
            found.append(zones[h])
    return found[:limit]
