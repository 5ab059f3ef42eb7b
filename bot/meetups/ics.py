"""RFC 5545 calendars of meetups (icalendar): local times with VTIMEZONE, RRULE/EXDATE for
series, and an overriding VEVENT (RECURRENCE-ID) per moved session."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from icalendar import Calendar, Event, vRecur

from bot.meetups.domain import Meetup, MeetupStatus
from bot.meetups.when import zone_info

PRODID = "-//mentormeet//meetups//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def uid_of(meetup: Meetup) -> str:
    """A stable, globally unique event id."""
    return f"meetup-{meetup.id}-c{meetup.community_id}@mentormeet"


def calendar(meetups: Sequence[Meetup], name: str, now: datetime) -> bytes:
    """One calendar holding every meetup given (drafts are left out)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for meetup in meetups:
        if meetup.status is MeetupStatus.DRAFT:
            continue
        for event in _events(meetup, now):
            cal.add_component(event)
    cal.add_missing_timezones()
    data: bytes = cal.to_ical()
    return data


def filename_for(meetup: Meetup) -> str:
    """ "meetup-12-rust-night.ics"."""
    slug = "".join(c if c.isalnum() else "-" for c in meetup.title.lower())
    slug = "-".join(part for part in slug.split("-") if part)[:40] or "meetup"
    return f"meetup-{meetup.id}-{slug}.ics"


def _events(meetup: Meetup, now: datetime) -> list[Event]:
    tz = zone_info(meetup.zone)
    main = _event(meetup, now)
    main.add("dtstart", meetup.starts_at.astimezone(tz))
    main.add("dtend", (meetup.starts_at + meetup.duration).astimezone(tz))
    if meetup.rrule is None:
        return [main]
    main.add("rrule", vRecur.from_ical(meetup.rrule))
    # A moved session is excluded from the rule by its override below, not by EXDATE.
    if meetup.skipped:
        main.add("exdate", [s.astimezone(tz) for s in sorted(meetup.skipped)])
    events = [main]
    for move in meetup.moves:
        override = _event(meetup, now)
        override.add("recurrence-id", move.original.astimezone(tz))
        override.add("dtstart", move.new_start.astimezone(tz))
        override.add("dtend", (move.new_start + meetup.duration).astimezone(tz))
        events.append(override)
    return events


def _event(meetup: Meetup, now: datetime) -> Event:
    event = Event()
    event.add("uid", uid_of(meetup))
    event.add("dtstamp", now)
    event.add("sequence", meetup.revision)
    event.add("summary", meetup.title)
    if meetup.description:
        event.add("description", meetup.description)
    if meetup.location:
        event.add("location", meetup.location)
        if meetup.location.startswith(("http://", "https://")):
            event.add("url", meetup.location)
    cancelled = meetup.status is MeetupStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event
