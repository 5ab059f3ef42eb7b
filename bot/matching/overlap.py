"""Shared waking hours of two timezones on a reference date (zoneinfo, DST-aware)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


@lru_cache(maxsize=4096)
def zone(name: str | None) -> ZoneInfo | None:
    """The zone for an IANA name, or None for a missing or unknown name."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _window(tz: ZoneInfo, day: date, start: time, end: time) -> tuple[datetime, datetime]:
    """The waking window of ``day`` in ``tz`` as UTC instants (it may end the next day)."""
    begin = datetime.combine(day, start, tzinfo=tz)
    finish_day = day if end > start else day + timedelta(days=1)
    finish = datetime.combine(finish_day, end, tzinfo=tz)
    return begin.astimezone(UTC), finish.astimezone(UTC)


@lru_cache(maxsize=65536)
def overlap_hours(a: str, b: str, day: date, start: time, end: time) -> float | None:
    """Hours in which both people are awake on ``day`` (in a's calendar); None if a zone is unknown.

    Each person is awake from ``start`` to ``end`` local time every day; b's windows of the day
    before, the day itself and the day after are all compared with a's window of ``day``.
    """
    za, zb = zone(a), zone(b)
    if za is None or zb is None:
        return None
    a_start, a_end = _window(za, day, start, end)
    total = timedelta(0)
    for shift in (-1, 0, 1):
        b_start, b_end = _window(zb, day + timedelta(days=shift), start, end)
        shared = min(a_end, b_end) - max(a_start, b_start)
        if shared > timedelta(0):
            total += shared
    return round(total.total_seconds() / 3600, 2)
