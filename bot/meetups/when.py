"""Meetup times typed in natural language ("next Tuesday 7pm"), read in the organizer's zone.

dateparser does the reading; this module refuses what it would silently guess: a bare hour
("at 7": morning or evening?), a day without a time, "03/04" (March or April?), vague parts of
the day ("tomorrow evening"), wall-clock times that do not exist or happen twice on a
daylight-saving change, and times in the past.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from dateparser.date import DateData, DateDataParser
from dateparser.timezone_parser import pop_tz_offset_from_string

from bot.meetups.durations import DurationError, parse_duration
from bot.timezones import resolve_timezone, suggest_timezones

MAX_AHEAD = timedelta(days=3 * 366)
EXAMPLES = "'next Tuesday 7pm', 'tomorrow 18:30', 'in 2 hours' or '2026-12-03 18:30'"

_ZONE_TOKEN = re.compile(r"\b([A-Za-z]+(?:/[A-Za-z0-9_+\-]+)+)\b")
_BARE_HOUR = re.compile(r"\b(at|@)\s*(\d{1,2})\b(?!\s*(?:[:.]\d|h\b|am\b|pm\b|a\.m|p\.m))", re.I)
_NUMERIC_DATE = re.compile(r"(?<![\d/.:])(\d{1,2})([/.])(\d{1,2})(?:\2(\d{2,4}))?(?![\d/:])")
_RELATIVE = re.compile(r"^in\s+(.+)$", re.I)
_DOTTED_CLOCK = re.compile(r"(?<![.\d])([01]?\d|2[0-3])\.([0-5]\d)(?![.\d])")
_TIME_TOKEN = re.compile(
    r"\b(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.?|p\.m\.?)(?!\w)|(?<![\d:])(\d{1,2}):(\d{2})", re.I
)
_TYPOGRAPHIC = str.maketrans("“”‘’\u00a0", "\"\"'' ")
_CLOCK = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?\s*(h|am|pm|a\.m\.?|p\.m\.?)?$", re.I)


class WhenError(ValueError):
    """A time that cannot be accepted; the message says why and what to type instead."""


@dataclass(frozen=True, slots=True)
class ParsedWhen:
    """A start time: the instant (UTC) and the wall-clock zone the organizer meant."""

    at: datetime
    zone: str


@cache
def zone_info(name: str) -> ZoneInfo:
    """The ZoneInfo for an IANA name (cached)."""
    return ZoneInfo(name)


def localize(wall: datetime, zone: str) -> datetime:
    """Attach ``zone`` to a naive wall-clock time; refuse times a DST change skips or repeats."""
    tz = zone_info(zone)
    first = wall.replace(tzinfo=tz, fold=0)
    second = wall.replace(tzinfo=tz, fold=1)
    if first.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != wall:
        raise WhenError(
            f"{wall:%Y-%m-%d %H:%M} does not exist in {zone}: the clocks jump forward then. "
            "Pick a time an hour later or earlier."
        )
    if first.utcoffset() != second.utcoffset():
        raise WhenError(
            f"{wall:%Y-%m-%d %H:%M} happens twice in {zone}: the clocks go back then. "
            f"Add the zone to say which, e.g. '{wall:%Y-%m-%d %H:%M} {first.tzname()}' "
            f"or '{second.tzname()}'."
        )
    return first


def parse_when(text: str, zone: str, now: datetime) -> ParsedWhen:
    """The instant ``text`` names, read in ``zone`` unless it names its own zone."""
    cleaned, zone = _zone_override(_normalize(text), zone)
    if not cleaned:
        raise WhenError(f"Say when the meetup starts, e.g. {EXAMPLES}.")
    relative = _relative(cleaned, now)
    if relative is not None:
        return _checked(ParsedWhen(relative, zone), text, now)
    cleaned = _check_hours_and_dates(cleaned)
    _, explicit = pop_tz_offset_from_string(cleaned)
    found = _parse(cleaned, text.strip(), zone, now)
    if explicit is not None:
        at = found.astimezone(UTC)
    else:
        typed = _typed_clock(cleaned)
        if typed is not None and typed != found.time().replace(second=0, microsecond=0):
            raise WhenError(f"I couldn't tell what time '{text.strip()}' means. Try {EXAMPLES}.")
        at = localize(found.replace(tzinfo=None), zone).astimezone(UTC)
    return _checked(ParsedWhen(at, zone), text, now)


def parse_day(text: str, zone: str, now: datetime) -> date:
    """A calendar day ("2026-12-10", "Dec 10", "next Thursday"), in ``zone``."""
    cleaned = _normalize(text)
    _check_hours_and_dates(cleaned)
    data = _date_data(cleaned, zone, now)
    if data.date_obj is None:
        raise WhenError(f"I can't read the date '{text}'. Try 2026-12-10 or 'Dec 10'.")
    if data.period not in {"day", "time"}:
        raise WhenError(f"'{text}' is not one day. Try 2026-12-10 or 'Dec 10'.")
    found: datetime = data.date_obj
    return found.date()


def parse_clock_time(text: str) -> time:
    """A time of day: "19:00", "7pm", "7:30 pm", "19h", "19.30"; a bare "7" is ambiguous."""
    match = _CLOCK.match(text.strip())
    if match is None:
        raise WhenError(f"I can't read the time '{text}'. Use 19:00 or 7pm.")
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    suffix = (match.group(3) or "").lower().replace(".", "")
    if suffix in {"am", "pm"}:
        if not 1 <= hour <= 12:
            raise WhenError(f"'{text}' is not a time: with am/pm the hour is 1 to 12.")
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    elif suffix == "" and match.group(2) is None and hour <= 12:
        raise WhenError(f"'{text}' could be morning or evening: write {hour}am, {hour}pm or "
                        f"{hour + 12 if hour < 12 else hour}:00.")
    if hour > 23 or minute > 59:
        raise WhenError(f"'{text}' is not a time of day.")
    return time(hour, minute)


def _normalize(text: str) -> str:
    text = text.translate(_TYPOGRAPHIC)
    text = " ".join(text.strip().strip("\"'").split()).rstrip(".!")
    text = _DOTTED_CLOCK.sub(r"\1:\2", text)
    text = re.sub(r"\bnoon\b", "12:00", text, flags=re.I)
    return re.sub(r"\bmidnight\b", "00:00", text, flags=re.I)


def _zone_override(text: str, zone: str) -> tuple[str, str]:
    match = _ZONE_TOKEN.search(text)
    if match is None:
        return text, zone
    named = resolve_timezone(match.group(1))
    if named is None:
        ideas = suggest_timezones(match.group(1))
        hint = f" Did you mean {', '.join(ideas)}?" if ideas else ""
        raise WhenError(f"'{match.group(1)}' is not a timezone I know.{hint}")
    rest = (text[: match.start()] + text[match.end():]).strip()
    return " ".join(rest.split()), named


def _relative(text: str, now: datetime) -> datetime | None:
    """Exact arithmetic for "in 2 hours", "in 90 minutes", "in 20 seconds"."""
    match = _RELATIVE.match(text)
    if match is None:
        return None
    try:
        delta = parse_duration(match.group(1))
    except DurationError:
        return None
    return now.astimezone(UTC) + delta


def _typed_clock(text: str) -> time | None:
    """The first clock time written in the text, to check dateparser did not drop it."""
    match = _TIME_TOKEN.search(text)
    if match is None:
        return None
    if match.group(4) is not None:
        hour, minute = int(match.group(4)), int(match.group(5))
    else:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if not 1 <= hour <= 12:
            raise WhenError(f"'{match.group(0)}' is not a time: with am/pm the hour is 1 to 12.")
        hour = hour % 12 + (12 if match.group(3).lower().startswith("p") else 0)
    if hour > 23 or minute > 59:
        raise WhenError(f"'{match.group(0)}' is not a time of day.")
    return time(hour, minute)


def _check_hours_and_dates(text: str) -> str:
    def hour(match: re.Match[str]) -> str:
        value = int(match.group(2))
        if value > 23:
            raise WhenError(f"'{match.group(0)}' is not a time of day.")
        if value <= 12:
            raise WhenError(
                f"'{match.group(0)}' could be morning or evening: write "
                f"{match.group(1)} {value}am, {value}pm or {value + 12 if value < 12 else 12}:00."
            )
        return f"{match.group(1)} {value}:00"

    text = _BARE_HOUR.sub(hour, text)
    for match in _NUMERIC_DATE.finditer(text):
        first, second = int(match.group(1)), int(match.group(3))
        if first != second and first <= 12 and second <= 12:
            raise WhenError(
                f"'{match.group(0)}' could be day/month or month/day. "
                "Write the date as 2026-12-03 or 'Dec 3'."
            )
    return text


def _parse(text: str, shown: str, zone: str, now: datetime) -> datetime:
    data = _date_data(text, zone, now)
    if data.date_obj is None:
        raise WhenError(f"I can't read '{shown}' as a time. Try {EXAMPLES}.")
    # dateparser reports a "day" period when the time typed equals the time of the base, so
    # a clock time in the text counts as a time whatever the period says.
    if data.period != "time" and _TIME_TOKEN.search(text) is None:
        if data.period == "day":
            raise WhenError(f"'{shown}' has no time of day. Add one, e.g. '{shown} 18:30'.")
        raise WhenError(f"'{shown}' is too vague. Give a day and a time, e.g. {EXAMPLES}.")
    found: datetime = data.date_obj
    return found


def _date_data(text: str, zone: str, now: datetime) -> DateData:
    try:
        return _parser(zone, now).get_date_data(text)
    except OverflowError:  # e.g. "0001;1;1": the year 1 shifted into the zone leaves the range
        raise WhenError(f"'{text[:40]}' is not a date I can use. Try {EXAMPLES}.") from None


def _parser(zone: str, now: datetime) -> DateDataParser:
    base = now.astimezone(zone_info(zone)).replace(tzinfo=None)
    return DateDataParser(
        languages=["en"],
        settings={
            "TIMEZONE": zone,
            "RETURN_AS_TIMEZONE_AWARE": True,
            "PREFER_DATES_FROM": "future",
            "RELATIVE_BASE": base,
            "RETURN_TIME_AS_PERIOD": True,
        },
    )


def _checked(parsed: ParsedWhen, text: str, now: datetime) -> ParsedWhen:
    if parsed.at <= now:
        shown = parsed.at.astimezone(zone_info(parsed.zone))
        raise WhenError(
            f"'{text.strip()}' is in the past ({shown:%a %d %b %Y, %H:%M} {shown.tzname()}). "
            "Give a time in the future."
        )
    if parsed.at - now > MAX_AHEAD:
        raise WhenError(f"'{text.strip()}' is more than three years away.")
    return parsed
