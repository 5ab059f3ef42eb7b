"""What every meetups storage backend checks before writing (shared by memory and SQL)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from bot.meetups.domain import Meetup, Move, Rsvp
from bot.storage_rules import aware_utc, storable_text


def storable_meetup(meetup: Meetup) -> Meetup:
    """The meetup with UTC times, after checking text, duration, capacity and offsets."""
    for text, what in (
        (meetup.title, "title"),
        (meetup.description, "description"),
        (meetup.location, "location"),
        (meetup.timezone, "timezone"),
        (meetup.rrule or "", "rrule"),
        (meetup.channel or "", "channel"),
        (meetup.announcement_id or "", "announcement id"),
    ):
        storable_text(text, what)
    if not meetup.title.strip():
        raise ValueError("a meetup needs a title")
    if meetup.duration <= timedelta(0):
        raise ValueError("a meetup lasts longer than zero")
    if meetup.capacity is not None and meetup.capacity < 1:
        raise ValueError("a capacity is at least 1")
    if any(o <= timedelta(0) for o in meetup.reminder_offsets or ()):
        raise ValueError("reminder offsets are positive")
    return replace(
        meetup,
        starts_at=aware_utc(meetup.starts_at, "starts_at"),
        skipped=frozenset(aware_utc(s, "skipped start") for s in meetup.skipped),
        moves=tuple(
            Move(aware_utc(m.original, "moved start"), aware_utc(m.new_start, "new start"))
            for m in meetup.moves
        ),
        created_at=aware_utc(meetup.created_at, "created_at"),
        updated_at=aware_utc(meetup.updated_at, "updated_at"),
    )


def storable_rsvp(rsvp: Rsvp) -> Rsvp:
    """The RSVP with a UTC response time."""
    return replace(rsvp, responded_at=aware_utc(rsvp.responded_at, "responded_at"))

