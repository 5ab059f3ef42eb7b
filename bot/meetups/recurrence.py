"""Recurring meetups: phrases like "every 2nd Tuesday at 19:00" or a raw RRULE, expanded by
python-dateutil in the meetup's own wall-clock zone (19:00 Berlin stays 19:00 across DST)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time
from functools import lru_cache

from dateutil.rrule import rrule, rrulestr

from bot.meetups.when import WhenError, parse_clock_time, parse_day, zone_info

_DAY_CODES = {
    "mo": "MO", "mon": "MO", "monday": "MO", "tu": "TU", "tue": "TU", "tues": "TU",
    "tuesday": "TU", "we": "WE", "wed": "WE", "wednesday": "WE", "th": "TH", "thu": "TH",
    "thur": "TH", "thurs": "TH", "thursday": "TH", "fr": "FR", "fri": "FR", "friday": "FR",
    "sa": "SA", "sat": "SA", "saturday": "SA", "su": "SU", "sun": "SU", "sunday": "SU",
}
_DAY_NAMES = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday",
              "FR": "Friday", "SA": "Saturday", "SU": "Sunday"}
_ORDINALS = {"1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3, "4th": 4,
             "fourth": 4, "5th": 5, "fifth": 5, "last": -1}
_NUMBERS = {"other": 2, "two": 2, "three": 3, "four": 4}
_DAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?s?|mo|tu|we|th|fr|sa|su"
_DAYS = rf"(?:{_DAY})(?:\s*(?:,|and|&|/)\s*(?:{_DAY}))*"
_ORD = r"1st|first|2nd|second|3rd|third|4th|fourth|5th|fifth|last"
_AT = re.compile(r"\s*\bat\s+(\d{1,2}(?:[:.h]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|h)?)(?=\s|,|$)")
_CLOCK = re.compile(r"\s*\b(\d{1,2}:\d{2}|\d{1,2}(?::\d{2})?\s*(?:am|pm))(?=\s|,|$)")
_UNTIL = re.compile(r"\s*,?\s*\buntil\s+(.+?)\s*(?=,|\bfor\b|\bat\b|$)")
_COUNT = re.compile(r"\s*,?\s*\b(?:for\s+)?(\d{1,3})\s*(?:times|occurrences|sessions|meetups|x)\b")
_RAW_KEYS = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH",
             "BYSETPOS", "BYWEEKNO", "BYYEARDAY", "WKST"}
_FREQS = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
MAX_COUNT = 500
MAX_INTERVAL = 99
USAGE = (
    "Say how it repeats, e.g. every=\"weekly on Thursday\", every=\"every 2nd Tuesday at 19:00\", "
    "every=\"every other Monday\", every=\"monthly on the 15th\", "
    "every=\"weekly on Thursday until 2027-06-30\" or a raw RRULE such as "
    "every=\"FREQ=WEEKLY;BYDAY=TH;COUNT=10\"."
)


class RecurrenceError(ValueError):
    """A recurrence that cannot be understood; the message shows what works."""


@dataclass(frozen=True, slots=True)
class Recurrence:
    """An RRULE body (no DTSTART) and the time of day the phrase named, if any."""

    rule: str
    at: time | None = None


def parse_recurrence(text: str, zone: str, now: datetime) -> Recurrence:
    """Read a recurrence phrase or a raw RRULE; UNTIL dates are read in ``zone``."""
    phrase = " ".join(text.strip().strip("\"'").split())
    if re.match(r"^(rrule:)?\s*[a-z]+\s*=", phrase, re.I):
        return Recurrence(_raw_rule(phrase, zone))
    lowered = phrase.lower().rstrip(".")
    at, lowered = _take_time(lowered)
    parts: list[str] = []
    until = _UNTIL.search(lowered)
    if until:
        parts.append("UNTIL=" + _until_utc(until.group(1), zone, now))
        lowered = (lowered[: until.start()] + lowered[until.end():]).strip()
    count = _COUNT.search(lowered)
    if count:
        if not 1 <= int(count.group(1)) <= MAX_COUNT:
            raise RecurrenceError(f"A series has 1 to {MAX_COUNT} meetups.")
        parts.append(f"COUNT={int(count.group(1))}")
        lowered = (lowered[: count.start()] + lowered[count.end():]).strip()
    core = _core_rule(re.sub(r"^(repeats?|recurring)\s+", "", lowered).strip(" ,"))
    if core is None:
        raise RecurrenceError(f"I can't read the recurrence '{text.strip()}'. {USAGE}")
    return Recurrence(";".join([core, *parts]), at)


def _take_time(phrase: str) -> tuple[time | None, str]:
    for pattern in (_AT, _CLOCK):
        match = pattern.search(phrase)
        if match:
            try:
                at = parse_clock_time(match.group(1))
            except WhenError as exc:
                raise RecurrenceError(str(exc)) from None
            return at, (phrase[: match.start()] + phrase[match.end():]).strip()
    return None, phrase


def _core_rule(core: str) -> str | None:
    if re.fullmatch(r"(every\s+)?day|daily", core):
        return "FREQ=DAILY"
    if re.fullmatch(r"(every\s+)?(weekday|working\s+day)s?", core):
        return "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
    if m := re.fullmatch(rf"(?:weekly|every\s+week)(?:\s+on)?(?:\s+({_DAYS}))?", core):
        return "FREQ=WEEKLY" + (f";BYDAY={_day_codes(m.group(1))}" if m.group(1) else "")
    if m := re.fullmatch(rf"(?:every\s+|on\s+)?({_DAYS})", core):
        return f"FREQ=WEEKLY;BYDAY={_day_codes(m.group(1))}"
    interval = (
        r"(?:every\s+(other|two|three|four|\d)\s*(?:weeks?)?|biweekly|(?:every\s+)?fortnight(?:ly)?)"
    )
    if m := re.fullmatch(rf"{interval}(?:\s+on)?(?:\s+({_DAYS}))?", core):
        step = _NUMBERS.get(m.group(1) or "two") or int(m.group(1))
        if step < 2:
            return None
        days = f";BYDAY={_day_codes(m.group(2))}" if m.group(2) else ""
        return f"FREQ=WEEKLY;INTERVAL={step}{days}"
    if m := re.fullmatch(
        rf"(?:every\s+|monthly\s+on\s+|on\s+)?(?:the\s+)?({_ORD})\s+({_DAY})"
        r"(?:\s+(?:of\s+)?(?:the|each|every)\s+month|\s+monthly)?",
        core,
    ):
        return f"FREQ=MONTHLY;BYDAY={_ORDINALS[m.group(1)]:+d}{_day_codes(m.group(2))}"
    if m := re.fullmatch(
        r"(?:monthly|every\s+month)(?:\s+on)?(?:\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?)?", core
    ):
        if m.group(1) and not 1 <= int(m.group(1)) <= 31:
            return None
        return "FREQ=MONTHLY" + (f";BYMONTHDAY={int(m.group(1))}" if m.group(1) else "")
    if re.fullmatch(r"yearly|annually|every\s+year", core):
        return "FREQ=YEARLY"
    return None


def _day_codes(text: str) -> str:
    words = [w for w in re.split(r"\s*(?:,|and|&|/)\s*|\s+", text) if w]
    codes: list[str] = []
    for word in words:
        code = _DAY_CODES.get(word.rstrip("s")) or _DAY_CODES.get(word)
        if code is None:
            raise RecurrenceError(f"'{word}' is not a day of the week. {USAGE}")
        if code not in codes:
            codes.append(code)
    return ",".join(codes)


def _until_utc(text: str, zone: str, now: datetime) -> str:
    try:
        day = parse_day(text, zone, now)
    except WhenError as exc:
        raise RecurrenceError(f"{exc} (in 'until')") from None
    end = datetime.combine(day, time(23, 59, 59), zone_info(zone)).astimezone(UTC)
    return end.strftime("%Y%m%dT%H%M%SZ")


def _raw_rule(text: str, zone: str) -> str:
    body = re.sub(r"^rrule:\s*", "", text.strip(), flags=re.I).upper().replace(" ", "")
    parts: list[str] = []
    for item in filter(None, body.split(";")):
        key, sep, value = item.partition("=")
        if not sep or not value:
            raise RecurrenceError(f"'{item}' is not KEY=VALUE in the RRULE. {USAGE}")
        if key not in _RAW_KEYS:
            raise RecurrenceError(
                f"The RRULE part {key} is not supported here (meetups repeat at most daily, "
                "at the time of the first one)."
            )
        if key == "FREQ" and value not in _FREQS:
            raise RecurrenceError("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY.")
        if key == "COUNT" and not (value.isdigit() and 1 <= int(value) <= MAX_COUNT):
            raise RecurrenceError(f"COUNT must be a whole number from 1 to {MAX_COUNT}.")
        if key == "INTERVAL" and not (value.isdigit() and 1 <= int(value) <= MAX_INTERVAL):
            raise RecurrenceError(f"INTERVAL must be a whole number from 1 to {MAX_INTERVAL}.")
        if key == "UNTIL" and not value.endswith("Z"):
            value = _local_until(value, zone)
        parts.append(f"{key}={value}")
    rule = ";".join(parts)
    if not any(part.startswith("FREQ=") for part in parts):
        raise RecurrenceError("An RRULE needs FREQ, e.g. FREQ=WEEKLY;BYDAY=TH")
    start = datetime(2026, 1, 1, 19, 0, tzinfo=zone_info(zone))
    try:
        rrulestr(rule, dtstart=start)
    except (ValueError, TypeError) as exc:
        raise RecurrenceError(f"That RRULE is not valid: {exc}") from None
    if _never_falls(parts, start):
        raise RecurrenceError(f"That RRULE never falls on a date. {USAGE}")
    return rule


def _never_falls(parts: list[str], start: datetime) -> bool:
    """Whether no date at all meets the rule's BY* parts ("BYMONTH=2;BYMONTHDAY=30").

    Such a rule makes dateutil search day by day to the year 9999 (seconds of CPU on each
    look-up); the same filters read yearly cost a few thousand steps and find a date if any
    exists, so the rule is probed that way.
    """
    filters = [p for p in parts if p.startswith("BY") or p.startswith("WKST")]
    return rrulestr(";".join(["FREQ=YEARLY", *filters]), dtstart=start).after(start) is None


def _local_until(value: str, zone: str) -> str:
    """An UNTIL given as a local date or date-time, converted to UTC as RFC 5545 requires."""
    for fmt in ("%Y%m%dT%H%M%S", "%Y%m%d"):
        try:
            wall = datetime.strptime(value, fmt)  # noqa: DTZ007 (a local wall time)
        except ValueError:
            continue
        if fmt == "%Y%m%d":
            wall = wall.replace(hour=23, minute=59, second=59)
        return wall.replace(tzinfo=zone_info(zone)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    raise RecurrenceError(f"UNTIL={value} is not a date like 20270630 or 20270630T190000Z.")


@lru_cache(maxsize=512)
def _rule(rule: str, start: datetime, zone: str) -> rrule:
    local = start.astimezone(zone_info(zone))
    parsed = rrulestr(rule, dtstart=local, cache=True)
    assert isinstance(parsed, rrule)
    return parsed


def first_start(rule: str, wall_start: datetime, zone: str) -> datetime | None:
    """The first occurrence at or after ``wall_start`` (aware), in UTC; None if there is none."""
    found = _rule(rule, wall_start.astimezone(UTC), zone).after(wall_start, inc=True)
    return None if found is None else found.astimezone(UTC)


def expand(
    rule: str, start: datetime, zone: str, after: datetime, before: datetime, limit: int = 1000
) -> list[datetime]:
    """Occurrence starts (UTC) with ``after <= start < before``, at most ``limit`` of them."""
    found: list[datetime] = []
    for when in _rule(rule, start, zone).xafter(after, inc=True):
        if when >= before or len(found) >= limit:
            break
        found.append(when.astimezone(UTC))
    return found


def last_start(rule: str, start: datetime, zone: str) -> datetime | None:
    """The final occurrence of a bounded series (COUNT/UNTIL) in UTC, or None if unbounded."""
    if "COUNT=" not in rule and "UNTIL=" not in rule:
        return None
    starts = list(_rule(rule, start, zone))
    return starts[-1].astimezone(UTC) if starts else None


def describe(rule: str) -> str:
    """The rule in words: "every Thursday", "on the 2nd Tuesday of every month"."""
    parts = dict(p.split("=", 1) for p in rule.split(";") if "=" in p)
    text = _describe_core(parts)
    if "COUNT" in parts:
        text += f", {parts['COUNT']} times"
    if "UNTIL" in parts:
        until = datetime.strptime(parts["UNTIL"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        text += f", until {until:%d %b %Y}"
    return text


def _describe_core(parts: dict[str, str]) -> str:
    freq, step = parts.get("FREQ", ""), int(parts.get("INTERVAL", "1"))
    known = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY"}
    days = parts.get("BYDAY", "")
    if set(parts) - known:
        return "custom rule " + ";".join(f"{k}={v}" for k, v in parts.items())
    if freq == "DAILY" and not days:
        return "every day" if step == 1 else f"every {step} days"
    if freq == "WEEKLY":
        if days == "MO,TU,WE,TH,FR" and step == 1:
            return "every weekday"
        names = _join([_DAY_NAMES.get(d, d) for d in days.split(",")]) if days else ""
        every = {1: "every", 2: "every other"}.get(step, f"every {step} weeks on")
        if not names:
            return "every week" if step == 1 else f"every {step} weeks"
        return f"{every} {names}"
    if freq == "MONTHLY":
        months = "every month" if step == 1 else f"every {step} months"
        if m := re.fullmatch(r"([+-]?\d)([A-Z]{2})", days):
            nth = int(m.group(1))
            ordinal = "last" if nth == -1 else {1: "1st", 2: "2nd", 3: "3rd"}.get(nth, f"{nth}th")
            return f"on the {ordinal} {_DAY_NAMES.get(m.group(2), m.group(2))} of {months}"
        if "BYMONTHDAY" in parts and not days:
            return f"on day {parts['BYMONTHDAY']} of {months}"
        if not days:
            return months
    if freq == "YEARLY" and not days:
        return "every year" if step == 1 else f"every {step} years"
    return "custom rule " + ";".join(f"{k}={v}" for k, v in parts.items())


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

