"""Durations and reminder offsets as members type them: "2h", "90m", "1h30m", "24h,1h"."""

from __future__ import annotations

import re
from datetime import timedelta

MAX_DURATION = timedelta(days=7)
MAX_OFFSET = timedelta(days=30)
MAX_OFFSETS = 5
MAX_ANY = timedelta(days=3660)  # any duration at all (about ten years)

_UNITS = {
    "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
    "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
    "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
    "d": 86400, "day": 86400, "days": 86400,
    "w": 604800, "week": 604800, "weeks": 604800,
}
_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*([a-z]+)")
_WORDS = {"an": "1", "a": "1", "one": "1", "two": "2", "half an": "0.5", "half a": "0.5"}


class DurationError(ValueError):
    """A duration or offset that cannot be read; the message says what to type."""


def parse_duration(text: str, what: str = "duration") -> timedelta:
    """Read "2h", "1h30m", "90 minutes", "1.5 hours", "an hour" or "10s" as a timedelta."""
    raw = " ".join(text.lower().split())
    for word, number in _WORDS.items():
        raw = re.sub(rf"^{word}\b", number, raw)
    compact = raw.replace(" and ", " ")
    parts = _PART.findall(compact)
    if not parts or _PART.sub("", compact).strip(" ,") != "":
        raise DurationError(
            f"I can't read the {what} '{text}'. Use units like 2h, 90m, 1h30m or 10s."
        )
    total = 0.0
    for number, unit in parts:
        seconds = _UNITS.get(unit)
        if seconds is None:
            raise DurationError(
                f"'{unit}' is not a unit I know in the {what} '{text}'. Use s, m, h, d or w."
            )
        total += float(number.replace(",", ".")) * seconds
    if not total <= MAX_ANY.total_seconds():  # also refuses inf and nan from huge numbers
        raise DurationError(f"The {what} '{text[:40]}' is too long; the most I accept is "
                            f"{MAX_ANY.days} days.")
    return timedelta(seconds=round(total))


def parse_meetup_duration(text: str) -> timedelta:
    """A meetup's length: more than zero, at most a week."""
    duration = parse_duration(text)
    if not timedelta(minutes=1) <= duration <= MAX_DURATION:
        raise DurationError("A meetup lasts between 1 minute and 7 days, e.g. duration=2h.")
    return duration


def parse_offsets(text: str) -> tuple[timedelta, ...]:
    """Reminder offsets before the start, e.g. "24h,1h"; "none" means no reminders.

    Repeats are dropped and the result is ordered from the earliest reminder to the last.
    """
    if text.strip().lower() in {"none", "off", "no", "-"}:
        return ()
    pieces = [p for p in re.split(r"[,;]|\s+and\s+", text) if p.strip()]
    if not pieces:
        raise DurationError("List reminder times before the start, e.g. remind=24h,1h")
    offsets = {parse_duration(p.strip(), "reminder time") for p in pieces}
    for offset in offsets:
        if not timedelta(seconds=1) <= offset <= MAX_OFFSET:
            raise DurationError(
                "A reminder goes out between 1 second and 30 days before the start, "
                "e.g. remind=24h,1h"
            )
    if len(offsets) > MAX_OFFSETS:
        raise DurationError(f"At most {MAX_OFFSETS} reminders per meetup, e.g. remind=24h,1h")
    return tuple(sorted(offsets, reverse=True))


def format_duration(value: timedelta) -> str:
    """A compact duration: "2h", "1h 30m", "10s", "1d 2h"."""
    seconds = int(value.total_seconds())
    if seconds <= 0:
        return "0s"
    parts = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        count, seconds = divmod(seconds, size)
        if count:
            parts.append(f"{count}{unit}")
    return " ".join(parts)


def format_offsets(offsets: tuple[timedelta, ...]) -> str:
    """Offsets as typed in a command: "24h,1h", or "none"."""
    return ",".join(format_duration(o).replace(" ", "") for o in offsets) or "none"


def describe_lead(value: timedelta) -> str:
    """How far ahead something is: "in 1 day", "in 1 hour 30 minutes", "in 45 seconds"."""
    seconds = max(value.total_seconds(), 0.0)
    if seconds < 59.5:
        whole = round(seconds)
        return "in less than a second" if whole < 1 else f"in {whole} second{_s(whole)}"
    minutes = round(seconds / 60)
    days, rest = divmod(minutes, 1440)
    hours, minutes = divmod(rest, 60)
    parts = [
        f"{count} {name}{_s(count)}"
        for count, name in ((days, "day"), (hours, "hour"), (minutes, "minute"))
        if count
    ]
    return "in " + " ".join(parts[:2])


def _s(count: int) -> str:
    return "" if count == 1 else "s"
