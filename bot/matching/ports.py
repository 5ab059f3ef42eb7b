"""Storage ports of mentor matching; ``UnitOfWork.matching`` holds one ``MatchingStore``.

Every method is scoped by community, except the ``due_*`` sweeps, which return rows of every
community for the background tasks.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from bot.matching.domain import (
    CheckinAnswer,
    MatchRequest,
    MentorCandidate,
    MentorState,
    NewNotice,
    Notice,
    Pairing,
    RequestStatus,
    RoundRecord,
    Seeker,
    Wish,
)


@dataclass(frozen=True, slots=True)
class GoalQuery:
    """One learning goal and the skills that give credit for it (skill id -> relation weight)."""

    goal: str
    weights: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class CandidateQuery:
    """What ``MentorDirectory.candidates`` looks for.

    Mentors are selected by their skills related to a goal by at least ``min_weight`` (a stage
    of the ranking); the facts returned hold every credited skill. ``zone_parts`` gives the 0..1
    overlap part of the mentee with each time zone; a mentor without a zone counts
    ``no_zone_part`` and one whose zone is not listed ``other_zone_part``.
    """

    goals: Sequence[GoalQuery]
    exclude: Collection[int]
    now: datetime
    default_capacity: int
    limit: int
    min_weight: float = 0.0
    zone_parts: Mapping[str, float] = field(default_factory=dict)
    no_zone_part: float = 0.5
    other_zone_part: float = 1.0

    def zone_part(self, zone: str | None) -> float:
        """The overlap part for a mentor in ``zone``."""
        if zone is None:
            return self.no_zone_part
        return self.zone_parts.get(zone, self.other_zone_part)


@dataclass(frozen=True, slots=True)
class RankedCandidate:
    """A candidate mentor and an upper bound of their score (``ranking_bound``)."""

    candidate: MentorCandidate
    bound: float


@dataclass(frozen=True, slots=True)
class Coverage:
    """A mentor offering something related to a goal, available or not, and why not."""

    member_id: int
    paused: bool
    full: bool


class MentorDirectory(Protocol):
    """Mentors who offer mentoring (their profile says so), searchable by skill.

    A mentor is *available* when their profile offers mentoring, they are not paused at ``now``
    and their active mentees are fewer than their capacity (the profile's, else
    ``default_capacity``). Teachable skills are the mentor's topics if set, else the skills
    their profile knows.
    """

    async def candidates(self, community_id: int, query: CandidateQuery) -> list[RankedCandidate]:
        """Available mentors, not excluded, teaching a skill related to a goal by at least
        ``min_weight``, by ``ranking_bound`` (over those skills) descending then member id, at
        most ``limit``."""
        ...

    async def available(
        self, community_id: int, *, now: datetime, default_capacity: int
    ) -> list[MentorCandidate]:
        """Every available mentor of the community, by member id (for cohort rounds)."""
        ...

    async def mentor(
        self, community_id: int, member_id: int, *, default_capacity: int
    ) -> MentorCandidate | None:
        """One member's mentor facts if their profile offers mentoring, available or not."""
        ...

    async def coverage(
        self, community_id: int, goal: GoalQuery, *, now: datetime, default_capacity: int
    ) -> list[Coverage]:
        """Every mentor whose profile offers mentoring and who teaches a credited skill."""
        ...


class MentorRepository(Protocol):
    """Per-mentor state: topics, pause, ignored requests, active mentee count and ratings."""

    async def get(self, community_id: int, member_id: int) -> MentorState | None:
        """The mentor's state, or None if they never had any."""
        ...

    async def save_settings(self, state: MentorState) -> None:
        """Insert or update topics, pause and the ignored streak (never the counters)."""
        ...

    async def take_slot(self, community_id: int, member_id: int, capacity: int) -> bool:
        """Atomically count one more active mentee if fewer than ``capacity``; False if full."""
        ...

    async def release_slot(self, community_id: int, member_id: int) -> None:
        """Count one active mentee less (never below 0)."""
        ...

    async def add_rating(
        self, community_id: int, member_id: int, rating_delta: int, count_delta: int
    ) -> None:
        """Adjust the sum and count of the mentor's ratings."""
        ...


class RequestRepository(Protocol):
    """Mentee requests to mentors."""

    async def add(self, request: MatchRequest) -> MatchRequest:
        """Store a new request (its id is ignored) and return it with its id."""
        ...

    async def get(self, community_id: int, request_id: int) -> MatchRequest | None:
        """The request or None."""
        ...

    async def for_mentee(
        self, community_id: int, mentee_id: int, statuses: Collection[RequestStatus] = ()
    ) -> list[MatchRequest]:
        """The mentee's requests (all, or only those statuses), oldest first."""
        ...

    async def for_mentor(
        self, community_id: int, mentor_id: int, statuses: Collection[RequestStatus] = ()
    ) -> list[MatchRequest]:
        """Requests to the mentor (all, or only those statuses), oldest first."""
        ...

    async def close(
        self, community_id: int, request_id: int, status: RequestStatus, now: datetime
    ) -> bool:
        """Move an open request to ``status``; False if it was not open (someone was first)."""
        ...

    async def for_community(
        self, community_id: int, statuses: Collection[RequestStatus] = ()
    ) -> list[MatchRequest]:
        """The community's requests (all, or only those statuses), oldest first."""
        ...

    async def due_expired(self, now: datetime, limit: int) -> list[MatchRequest]:
        """Open requests whose expiry has passed, in every community, oldest first."""
        ...


class PairingRepository(Protocol):
    """Mentor–mentee pairings and their check-ins."""

    async def add(self, pairing: Pairing) -> Pairing:
        """Store a new pairing (its id is ignored) and return it with its id."""
        ...

    async def get(self, community_id: int, pairing_id: int) -> Pairing | None:
        """The pairing or None."""
        ...

    async def for_member(self, community_id: int, member_id: int) -> list[Pairing]:
        """Pairings where the member is mentor or mentee, oldest first."""
        ...

    async def for_community(self, community_id: int) -> list[Pairing]:
        """Every pairing of the community, oldest first."""
        ...

    async def claim_checkin(
        self, community_id: int, pairing_id: int, due: datetime, now: datetime
    ) -> bool:
        """Start the next check-in round if it is still due at ``due``; False if taken."""
        ...

    async def answer(
        self, community_id: int, pairing_id: int, member_id: int, answer: CheckinAnswer,
        now: datetime, next_checkin_at: datetime | None,
    ) -> Pairing | None:
        """Record one side's answer (and when to ask again); None if not active."""
        ...

    async def rate(self, community_id: int, pairing_id: int, rating: int) -> int | None:
        """Store the mentee's 1–5 rating; returns the previous rating (None if first)."""
        ...

    async def end(
        self, community_id: int, pairing_id: int, reason: str, now: datetime
    ) -> bool:
        """End an active pairing; False if it was not active."""
        ...

    async def due_checkins(self, now: datetime, limit: int) -> list[Pairing]:
        """Active pairings whose next check-in is due, in every community."""
        ...


class SeekerRepository(Protocol):
    """Mentees looking for a mentor, and their "tell me when" wishes per skill."""

    async def seek(self, community_id: int, member_id: int, topic: str | None, now: datetime) -> (
        None
    ):
        """Record that the member is looking (keeps the first ``since``)."""
        ...

    async def stop(self, community_id: int, member_id: int) -> bool:
        """The member is no longer looking; their wishes go too. False if they were not."""
        ...

    async def seekers(self, community_id: int) -> list[Seeker]:
        """Everyone looking, by member id."""
        ...

    async def wish(self, community_id: int, member_id: int, skill_id: str, now: datetime) -> None:
        """Remember to tell the member when a mentor for ``skill_id`` is available."""
        ...

    async def wishes(self, community_id: int | None = None) -> list[Wish]:
        """Open wishes of one community (or all), by community, member and skill."""
        ...

    async def drop_wishes(self, community_id: int, member_id: int) -> None:
        """Forget the member's wishes (they were told, or found a mentor)."""
        ...


class NoticeRepository(Protocol):
    """The outbox of matching's direct messages."""

    async def add(self, notice: NewNotice, now: datetime) -> int:
        """Queue a message; returns its id."""
        ...

    async def claim(
        self, ids: Sequence[int] | None, now: datetime, lease_until: datetime, limit: int
    ) -> list[Notice]:
        """Take unsent messages (these ids, or any) not leased by someone else until
        ``lease_until``; oldest first."""
        ...

    async def sent(self, notice_id: int, now: datetime) -> None:
        """Mark delivered."""
        ...

    async def retry(self, notice_id: int, reason: str, retry_at: datetime) -> None:
        """Count a failed attempt; the message may be claimed again from ``retry_at``."""
        ...

    async def failed(self, notice_id: int, reason: str, now: datetime) -> None:
        """Give up on the message."""
        ...


class RoundRepository(Protocol):
    """Cohort rounds run by organizers."""

    async def add(self, record: RoundRecord) -> RoundRecord:
        """Store a round (its id is ignored) and return it with its id."""
        ...


class MatchingStore(Protocol):
    """Everything matching stores, inside one unit of work."""

    directory: MentorDirectory
    mentors: MentorRepository
    requests: RequestRepository
    pairings: PairingRepository
    seekers: SeekerRepository
    notices: NoticeRepository
    rounds: RoundRepository

    async def lock_member(self, community_id: int, member_id: int) -> None:
        """Serialise this unit of work with others acting for the same member (PostgreSQL
        row lock; SQLite and the in-memory store already run one writer at a time)."""
        ...
