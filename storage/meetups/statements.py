"""Statements of the RSVP path, built once with bound parameters (see ``storage.prepared``).

Parameters: ``cid`` (community id), ``meetup`` (meetup id), ``ids`` (meetup ids, expanding).
"""

from __future__ import annotations

from functools import cache

from sqlalchemy import Select, bindparam, func, select

from storage.tables_meetups import meetup_exceptions, meetups, rsvps


@cache
def meetup_by_id(for_update: bool) -> Select[tuple[object, ...]]:
    """Meetup ``meetup`` of community ``cid``, row-locked when ``for_update`` (PostgreSQL)."""
    query = select(meetups).where(meetups.c.community_id == bindparam("cid"),
                                  meetups.c.id == bindparam("meetup"))
    return query.with_for_update() if for_update else query


@cache
def meetup_exists() -> Select[tuple[object, ...]]:
    """The id of meetup ``meetup`` if it belongs to community ``cid``."""
    return select(meetups.c.id).where(meetups.c.community_id == bindparam("cid"),
                                      meetups.c.id == bindparam("meetup"))


@cache
def exceptions_of() -> Select[tuple[object, ...]]:
    """Skipped and moved sessions of meetups ``ids`` of community ``cid``."""
    return select(meetup_exceptions).where(
        meetup_exceptions.c.community_id == bindparam("cid"),
        meetup_exceptions.c.meetup_id.in_(bindparam("ids", expanding=True)),
    )


@cache
def answers_to() -> Select[tuple[object, ...]]:
    """Every answer to meetup ``meetup`` of community ``cid``, by time then member id."""
    return (select(rsvps)
            .where(rsvps.c.community_id == bindparam("cid"),
                   rsvps.c.meetup_id == bindparam("meetup"))
            .order_by(rsvps.c.responded_at, rsvps.c.attendee_id))


@cache
def answer_counts() -> Select[int, str, int]:
    """Answers per meetup and status for meetups ``ids`` of community ``cid``."""
    return (select(rsvps.c.meetup_id, rsvps.c.status, func.count())
            .where(rsvps.c.community_id == bindparam("cid"),
                   rsvps.c.meetup_id.in_(bindparam("ids", expanding=True)))
            .group_by(rsvps.c.meetup_id, rsvps.c.status))
