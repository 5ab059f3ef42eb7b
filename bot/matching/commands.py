"""Commands of mentor matching (``/mentor …`` and ``/match …``)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.commands import Command
from bot.matching.domain import CheckinAnswer


@dataclass(frozen=True, slots=True, kw_only=True)
class ShowMentoring(Command):
    """``/mentor``: my mentoring state."""


@dataclass(frozen=True, slots=True, kw_only=True)
class MentorOn(Command):
    """``/mentor on [capacity] [topics]``: offer mentoring (topics default to my skills)."""

    capacity: int | None = None
    topics: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class MentorOff(Command):
    """``/mentor off``: stop offering mentoring."""


@dataclass(frozen=True, slots=True, kw_only=True)
class MentorPause(Command):
    """``/mentor pause <until>``: no new mentees until a date or for a while."""

    until: str


@dataclass(frozen=True, slots=True, kw_only=True)
class MentorResume(Command):
    """``/mentor resume``: end a pause now."""


@dataclass(frozen=True, slots=True, kw_only=True)
class FindMentors(Command):
    """``/match [topic]``: the best mentors for my learning goals, or for one topic."""

    topic: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class RequestMentor(Command):
    """``/match request <mentor id> [topic]``: ask a suggested mentor."""

    mentor_id: int
    topic: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class AnswerRequest(Command):
    """``/match accept|decline <request id>``: the mentor's answer."""

    request_id: int
    accept: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class CancelRequest(Command):
    """``/match cancel <request id>``: the mentee withdraws a request."""

    request_id: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ShowMatching(Command):
    """``/match status``: my requests and mentorships."""


@dataclass(frozen=True, slots=True, kw_only=True)
class StopSeeking(Command):
    """``/match stop``: I'm no longer looking for a mentor."""


@dataclass(frozen=True, slots=True, kw_only=True)
class AnswerCheckin(Command):
    """``/match checkin <pairing id> met|scheduled|notyet|notworking`` (and ``/match end``)."""

    pairing_id: int
    answer: CheckinAnswer


@dataclass(frozen=True, slots=True, kw_only=True)
class RateMentor(Command):
    """``/match rate <pairing id> <1-5>``: the mentee rates the mentor after meeting."""

    pairing_id: int
    rating: int


@dataclass(frozen=True, slots=True, kw_only=True)
class RunRound(Command):
    """``/match round``: an organizer matches every waiting mentee at once."""
