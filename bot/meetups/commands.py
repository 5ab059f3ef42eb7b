"""Commands of the meetups feature (see bot/meetups/commandline.py for their text syntax)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from bot.commands import Command
from bot.meetups.domain import RsvpStatus


@dataclass(frozen=True, slots=True)
class MeetupFields:
    """What an organizer typed for a meetup; None means "not given" (unchanged on edit)."""

    title: str | None = None
    when: str | None = None
    duration: timedelta | None = None
    location: str | None = None
    capacity: int | None = None  # 0 means "no limit"
    description: str | None = None
    every: str | None = None  # "none" makes a series a one-off again (edit)
    remind: tuple[timedelta, ...] | None = None  # () means no reminders
    remind_default: bool = False  # use the community's reminder times again
    timezone: str | None = None

    def is_empty(self) -> bool:
        """Whether nothing was given."""
        return self == MeetupFields()


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateMeetup(Command):
    """Preview a new meetup (organizers only); it is announced once confirmed."""

    fields: MeetupFields = field(default_factory=MeetupFields)


@dataclass(frozen=True, slots=True, kw_only=True)
class ConfirmMeetup(Command):
    """Announce a previewed meetup."""

    meetup_id: int


@dataclass(frozen=True, slots=True, kw_only=True)
class DiscardMeetup(Command):
    """Throw a preview away."""

    meetup_id: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ListMeetups(Command):
    """Upcoming meetups of the community."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ShowMeetup(Command):
    """One meetup's details."""

    meetup_id: int


@dataclass(frozen=True, slots=True, kw_only=True)
class MeetupCalendar(Command):
    """The meetup as an .ics file."""

    meetup_id: int


@dataclass(frozen=True, slots=True, kw_only=True)
class EditMeetup(Command):
    """Change a meetup (organizers only); everyone who answered is told what changed."""

    meetup_id: int
    fields: MeetupFields


@dataclass(frozen=True, slots=True, kw_only=True)
class CancelMeetup(Command):
    """Cancel a meetup or a whole series (organizers only), after confirmation."""

    meetup_id: int
    confirmed: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class SkipSession(Command):
    """Skip one session of a series (organizers only)."""

    meetup_id: int
    day: str


@dataclass(frozen=True, slots=True, kw_only=True)
class MoveSession(Command):
    """Move one session of a series to another time (organizers only)."""

    meetup_id: int
    day: str
    when: str


@dataclass(frozen=True, slots=True, kw_only=True)
class AnswerRsvp(Command):
    """Going / maybe / can't go (GOING, MAYBE or NO)."""

    meetup_id: int
    answer: RsvpStatus


@dataclass(frozen=True, slots=True, kw_only=True)
class SetTimezone(Command):
    """Set the zone times are shown in (None: show the current one)."""

    zone: str | None = None
