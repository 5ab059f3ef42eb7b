"""Meetups, their occurrences and RSVPs."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

from bot.meetups import recurrence
from bot.meetups.when import zone_info

HORIZON = timedelta(days=3 * 366)


class MeetupStatus(StrEnum):
    """Where a meetup is in its life."""

    DRAFT = "draft"  # previewed by the organizer, not announced yet
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


class RsvpStatus(StrEnum):
    """A member's answer; ``WAITLISTED`` is a "going" that did not fit the capacity."""

    GOING = "going"
    WAITLISTED = "waitlisted"
    MAYBE = "maybe"
    NO = "no"


@dataclass(frozen=True, slots=True)
class Move:
    """One occurrence of a series moved from its scheduled start to another time."""

    original: datetime
    new_start: datetime


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One session of a meetup; ``original`` (its scheduled start) identifies it in a series."""

    meetup_id: int
    original: datetime
    starts_at: datetime
    ends_at: datetime

    @property
    def moved(self) -> bool:
        """Whether this session was moved away from its scheduled time."""
        return self.starts_at != self.original


@dataclass(frozen=True, slots=True, kw_only=True)
class Meetup:
    """A one-off meetup or a recurring series; times are aware UTC, ``timezone`` is the wall
    clock the organizer meant (recurrences are expanded in it)."""

    id: int = 0
    community_id: int
    organizer_id: int | None
    status: MeetupStatus = MeetupStatus.DRAFT
    title: str
    description: str = ""
    location: str = ""
    starts_at: datetime
    timezone: str = "UTC"
    duration: timedelta = timedelta(hours=2)
    capacity: int | None = None
    rrule: str | None = None
    reminder_offsets: tuple[timedelta, ...] | None = None
    skipped: frozenset[datetime] = frozenset()
    moves: tuple[Move, ...] = ()
    channel: str | None = None
    announcement_id: str | None = None
    revision: int = 0
    created_at: datetime
    updated_at: datetime

    @property
    def is_recurring(self) -> bool:
        """Whether this is a series."""
        return self.rrule is not None

    @property
    def zone(self) -> str:
        """The meetup's wall-clock zone (UTC if the stored name is unknown here)."""
        try:
            zone_info(self.timezone)
        except (ValueError, OSError):
            return "UTC"
        return self.timezone

    def occurrences(self, after: datetime, before: datetime, limit: int = 500) -> list[Occurrence]:
        """Sessions starting in ``[after, before)``, skips left out and moves applied."""
        if self.rrule is None:
            one = self._occurrence(self.starts_at, self.starts_at)
            return [one] if after <= one.starts_at < before else []
        moved = {m.original: m.new_start for m in self.moves}
        found = [
            self._occurrence(original, moved.get(original, original))
            for original in recurrence.expand(
                self.rrule, self.starts_at, self.zone, after, before, limit + len(self.skipped)
            )
            if original not in self.skipped
        ]
        found = [o for o in found if after <= o.starts_at < before]
        known = {o.original for o in found}
        found += [
            self._occurrence(m.original, m.new_start)
            for m in self.moves
            if after <= m.new_start < before and m.original not in known
            and m.original not in self.skipped
        ]
        return sorted(found, key=lambda o: (o.starts_at, o.original))[:limit]

    def upcoming(self, now: datetime, limit: int = 500) -> list[Occurrence]:
        """Sessions that have not ended by ``now``, earliest first."""
        found = self.occurrences(now - self.duration, now + HORIZON, limit + 1)
        return [o for o in found if o.ends_at > now][:limit]

    def next_occurrence(self, now: datetime) -> Occurrence | None:
        """The running or next session, or None when the meetup is over."""
        found = self.upcoming(now, 1)
        return found[0] if found else None

    def scheduled_original(self, start: datetime) -> bool:
        """Whether ``start`` is a scheduled start of this series (skipped ones included)."""
        if self.rrule is None:
            return start == self.starts_at
        hits = recurrence.expand(
            self.rrule, self.starts_at, self.zone, start, start + timedelta(seconds=1), 1
        )
        return hits == [start]

    def occurrence_on(self, day: date, now: datetime) -> Occurrence | None:
        """The upcoming session on a local calendar day: as it stands, else as first scheduled."""
        tz = zone_info(self.zone)
        start = datetime.combine(day, datetime.min.time(), tz).astimezone(UTC)
        window = self.occurrences(start - timedelta(days=400), start + timedelta(days=400))
        candidates = [o for o in window if o.ends_at > now]
        for occurrence in candidates:
            if occurrence.starts_at.astimezone(tz).date() == day:
                return occurrence
        for occurrence in candidates:
            if occurrence.original.astimezone(tz).date() == day:
                return occurrence
        return None

    def skipped_on(self, day: date) -> datetime | None:
        """The scheduled start of a skipped session on that local day, if any."""
        tz = zone_info(self.zone)
        return next((s for s in sorted(self.skipped) if s.astimezone(tz).date() == day), None)

    def with_skip(self, original: datetime) -> Meetup:
        """The series with one session skipped (a move of it is dropped)."""
        moves = tuple(m for m in self.moves if m.original != original)
        return replace(self, skipped=self.skipped | {original}, moves=moves)

    def with_move(self, original: datetime, new_start: datetime) -> Meetup:
        """The series with one session moved; moving it back to its slot clears the move."""
        moves = [m for m in self.moves if m.original != original]
        if new_start != original:
            moves.append(Move(original, new_start))
        return replace(
            self,
            moves=tuple(sorted(moves, key=lambda m: m.original)),
            skipped=self.skipped - {original},
        )

    def _occurrence(self, original: datetime, start: datetime) -> Occurrence:
        return Occurrence(self.id, original, start, start + self.duration)


@dataclass(frozen=True, slots=True)
class Rsvp:
    """A member's answer for a meetup (for a series: every session)."""

    community_id: int
    meetup_id: int
    member_id: int
    status: RsvpStatus
    responded_at: datetime


@dataclass(frozen=True, slots=True)
class RsvpCounts:
    """How many members answered what."""

    going: int = 0
    waitlisted: int = 0
    maybe: int = 0
    no: int = 0


@dataclass(frozen=True, slots=True)
class Contact:
    """How to reach a member and show them times."""

    member_id: int
    external_id: str
    display_name: str
    timezone: str | None
