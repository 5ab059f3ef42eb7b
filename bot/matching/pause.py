"""Reading "until when" for ``/mentor pause``: a duration ("2 weeks") or a date ("1 March")."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import dateparser

from bot.matching.overlap import zone
from bot.meetups.durations import DurationError, parse_duration

MAX_PAUSE = timedelta(days=365)
_PREFIX = re.compile(r"^(?:for|until|till|til|to)\s+", re.IGNORECASE)


class PauseError(ValueError):
    """The pause end could not be read or is not acceptable; the message says what to type."""


def pause_end(text: str, now: datetime, timezone: str | None) -> datetime:
    """When a pause typed as ``text`` ends (aware UTC), read in the member's zone."""
    cleaned = _PREFIX.sub("", " ".join(text.split()))
    if not cleaned:
        raise PauseError("Say until when, e.g. /mentor pause 2 weeks or /mentor pause 1 March")
    try:
        end = now + parse_duration(cleaned, "pause")
    except DurationError:
        end = _date(cleaned, now, timezone)
    if end <= now:
        raise PauseError(f"'{text}' is not in the future. Try /mentor pause 2 weeks.")
    if end - now > MAX_PAUSE:
        raise PauseError("A pause lasts at most a year. For longer, use /mentor off.")
    return end


def _date(text: str, now: datetime, timezone: str | None) -> datetime:
    tz = zone(timezone)
    name = timezone if tz is not None else "UTC"
    local_now = now.astimezone(tz or UTC).replace(tzinfo=None)
    found = dateparser.parse(
        text,
        settings={
            "PREFER_DATES_FROM": "future",
            "RELATIVE_BASE": local_now,
            "TIMEZONE": name,
            "RETURN_AS_TIMEZONE_AWARE": True,
            "TO_TIMEZONE": "UTC",
        },
    )
    if not isinstance(found, datetime):
        raise PauseError(
            f"I can't read '{text}' as a date or a duration. Try /mentor pause 2 weeks, "
            "/mentor pause friday or /mentor pause 2026-12-01."
        )
    return found.astimezone(UTC)
