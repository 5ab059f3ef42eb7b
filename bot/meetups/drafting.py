"""Turns what an organizer typed (MeetupFields) into a new or changed Meetup."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta

from bot.meetups import recurrence
from bot.meetups.commands import MeetupFields
from bot.meetups.domain import HORIZON, Meetup
from bot.meetups.recurrence import RecurrenceError, parse_recurrence
from bot.meetups.when import WhenError, parse_when, zone_info
from bot.text import shorten
from bot.timezones import resolve_timezone, suggest_timezones

DEFAULT_DURATION = timedelta(hours=2)
MAX_TITLE = 200


class DraftError(ValueError):
    """The fields do not make a meetup; the message says why."""


@dataclass(frozen=True, slots=True)
class Drafted:
    """The meetup and notes worth showing the organizer."""

    meetup: Meetup
    notes: tuple[str, ...] = ()


def draft(
    fields: MeetupFields, base: Meetup, zone: str, now: datetime, *, is_new: bool
) -> Drafted:
    """``base`` changed by ``fields``; typed times are read in ``zone`` unless ``tz=`` is given.

    A new meetup's ``base`` is a blank one (its times are ignored).
    """
    notes: list[str] = []
    try:
        if fields.timezone:
            zone = _zone(fields.timezone)
        meetup = _texts(fields, base)
        if is_new or fields.timezone:
            meetup = replace(meetup, timezone=zone)
        meetup = _times(fields, meetup, now, notes, is_new)
    except (WhenError, RecurrenceError) as exc:
        raise DraftError(str(exc)) from None
    return Drafted(meetup, tuple(notes))


def _texts(fields: MeetupFields, base: Meetup) -> Meetup:
    title = base.title if fields.title is None else " ".join(fields.title.split())
    if not title:
        raise DraftError("A meetup needs a title, e.g. title=\"Rust night\".")
    if len(title) > MAX_TITLE:
        raise DraftError(f"Keep the title under {MAX_TITLE} characters.")
    offsets = base.reminder_offsets
    if fields.remind_default:
        offsets = None
    elif fields.remind is not None:
        offsets = fields.remind
    capacity = base.capacity
    if fields.capacity is not None:
        capacity = fields.capacity or None
    return replace(
        base,
        title=title,
        description=base.description if fields.description is None else fields.description,
        location=base.location if fields.location is None else fields.location,
        duration=fields.duration or base.duration,
        capacity=capacity,
        reminder_offsets=offsets,
    )


def _times(
    fields: MeetupFields, meetup: Meetup, now: datetime, notes: list[str], is_new: bool
) -> Meetup:
    start, zone = meetup.starts_at, meetup.timezone
    if fields.when is not None:
        parsed = parse_when(fields.when, zone, now)
        start, zone = parsed.at, parsed.zone
    rule, at = meetup.rrule, None
    if fields.every is not None:
        if fields.every.strip().lower() in {"none", "no", "off", "once", "never"}:
            rule = None
        else:
            found = parse_recurrence(fields.every, zone, now)
            rule, at = found.rule, found.at
            if re.search(r"\bevery\s+(2nd|second)\s+\w+day\b", fields.every, re.I):
                notes.append("'every 2nd <day>' means the 2nd of that weekday in each month; "
                             "for every other week write 'every other <day>'.")
    if is_new and fields.when is None and at is None:
        raise DraftError("Say when it starts, e.g. when=\"next Tuesday 7pm\", or give the "
                         "time in the recurrence, e.g. every=\"weekly on Thursday at 19:00\".")
    if rule is None:
        if fields.when is None and meetup.rrule is not None:
            upcoming = meetup.next_occurrence(now)  # a series becomes its next session
            start = upcoming.starts_at if upcoming is not None else start
        return replace(meetup, starts_at=start, timezone=zone, rrule=None)
    if not is_new and fields.when is None and fields.every is None:
        return replace(meetup, timezone=zone)
    first = _series_start(rule, at, start, zone, fields.when is not None, now)
    if fields.when is not None and first != start:
        notes.append("The first session is the first one matching the recurrence on or after "
                     "your 'when'.")
    return replace(meetup, starts_at=first, timezone=zone, rrule=rule)


def _series_start(
    rule: str, at: time | None, start: datetime, zone: str, typed_when: bool, now: datetime
) -> datetime:
    """The first session at or after ``start`` (at the recurrence's time of day) and after now."""
    tz = zone_info(zone)
    local = start.astimezone(tz)
    if at is not None:
        if typed_when and local.time().replace(second=0, microsecond=0) != at:
            raise DraftError(
                f"'every' says {at:%H:%M} but 'when' says {local:%H:%M}. Give the time once."
            )
        local = datetime.combine(local.date(), at, tz)
    dtstart = local.astimezone(UTC)
    search_from = max(dtstart, now + timedelta(seconds=1))
    found = recurrence.expand(rule, dtstart, zone, search_from, search_from + HORIZON, limit=1)
    if not found:
        raise DraftError("That recurrence has no sessions left. Check its until or count.")
    return found[0]


def _zone(name: str) -> str:
    zone = resolve_timezone(name)
    if zone is None:
        ideas = suggest_timezones(name)
        hint = f" Did you mean {', '.join(ideas)}?" if ideas else ""
        raise DraftError(f"'{shorten(name, 60)}' is not a timezone I know.{hint} "
                         "Use a name like Europe/Berlin.")
    return zone
