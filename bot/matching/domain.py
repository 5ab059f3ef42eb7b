"""Matching entities: mentor state, requests, pairings, wishes, seekers and outgoing notices."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.matching.facts import MentorFacts
from bot.replies import Reply


class RequestStatus(StrEnum):
    """Where a mentee's request to a mentor stands."""

    OPEN = "open"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    EXPIRED = "expired"  # the mentor did not answer in time
    CANCELLED = "cancelled"  # withdrawn by the mentee, or the mentor stopped mentoring
    UNDELIVERABLE = "undeliverable"  # the mentor cannot be reached by direct message


class PairingStatus(StrEnum):
    """Whether a mentor and mentee are working together."""

    ACTIVE = "active"
    ENDED = "ended"


class CheckinAnswer(StrEnum):
    """Answers to "Did you meet?"."""

    MET = "met"
    SCHEDULED = "scheduled"
    NOT_YET = "not_yet"
    NOT_WORKING = "not_working"


class NoticeKind(StrEnum):
    """What an outgoing matching message is about (decides what a delivery failure means)."""

    REQUEST = "request"  # to a mentor: someone asks for mentoring
    UPDATE = "update"  # anything else: answers, introductions, warnings, news


@dataclass(frozen=True, slots=True)
class MentorState:
    """What matching knows about a mentor beyond their profile."""

    community_id: int
    member_id: int
    topics: tuple[str, ...] = ()
    paused: bool = False
    paused_until: datetime | None = None
    ignored_streak: int = 0
    active_count: int = 0
    rating_sum: int = 0
    rating_count: int = 0

    def is_paused(self, now: datetime) -> bool:
        """Whether the mentor is paused at ``now`` (a pause without an end lasts until resumed)."""
        return self.paused and (self.paused_until is None or self.paused_until > now)


@dataclass(frozen=True, slots=True)
class MatchRequest:
    """A mentee asking one mentor; ``score`` and ``reasons`` are kept from when it was made."""

    id: int
    community_id: int
    mentee_id: int
    mentor_id: int
    status: RequestStatus
    score: float
    reasons: tuple[str, ...]
    created_at: datetime
    expires_at: datetime
    topic: str | None = None
    round_id: int | None = None
    decided_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Pairing:
    """A mentor and a mentee working together, with their check-in answers and the rating."""

    id: int
    community_id: int
    mentor_id: int
    mentee_id: int
    status: PairingStatus
    started_at: datetime
    request_id: int | None = None
    next_checkin_at: datetime | None = None
    checkin_round: int = 0
    mentor_answer: CheckinAnswer | None = None
    mentee_answer: CheckinAnswer | None = None
    met_at: datetime | None = None
    rating: int | None = None
    ended_at: datetime | None = None
    end_reason: str | None = None

    def role_of(self, member_id: int) -> str | None:
        """"mentor", "mentee" or None when the member is not part of this pairing."""
        if member_id == self.mentor_id:
            return "mentor"
        if member_id == self.mentee_id:
            return "mentee"
        return None

    def partner_of(self, member_id: int) -> int:
        """The other member of the pairing."""
        return self.mentee_id if member_id == self.mentor_id else self.mentor_id


@dataclass(frozen=True, slots=True)
class Seeker:
    """A mentee looking for a mentor: the people a cohort round matches."""

    community_id: int
    member_id: int
    since: datetime
    topic: str | None = None


@dataclass(frozen=True, slots=True)
class Wish:
    """"Tell me when a mentor for this skill is available"."""

    community_id: int
    member_id: int
    skill_id: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class NewNotice:
    """A direct message to queue in the same unit of work as the change it reports."""

    community_id: int
    recipient_id: int
    reply: Reply
    kind: NoticeKind = NoticeKind.UPDATE
    ref_id: int | None = None
    about_id: int | None = None


@dataclass(frozen=True, slots=True)
class Notice:
    """A queued direct message; delivered after commit and retried by the outbox sweep."""

    id: int
    community_id: int
    recipient_id: int
    reply: Reply
    kind: NoticeKind
    created_at: datetime
    ref_id: int | None = None
    about_id: int | None = None
    attempts: int = 0

    @property
    def idempotency_key(self) -> str:
        """The same key on every retry, so a platform can drop duplicates."""
        return f"matching-notice-{self.id}"


@dataclass(frozen=True, slots=True)
class RoundRecord:
    """A cohort round run by an organizer."""

    id: int
    community_id: int
    started_by: int | None  # None once the organizer deleted their data
    created_at: datetime
    matched: int
    unmatched: int
    total_score: float


@dataclass(frozen=True, slots=True)
class MentorCandidate:
    """A mentor who can take a mentee now, with what scoring needs to know about them."""

    member_id: int
    facts: MentorFacts
    display_name: str = ""
