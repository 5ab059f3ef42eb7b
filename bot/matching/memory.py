"""In-memory matching storage for ``bot.memory``'s unit of work: the reference semantics the
SQL repositories meet (the same contract tests run on both)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Protocol

from bot.domain.community import Community, Member
from bot.domain.profile import Profile
from bot.export_records import ExportSections
from bot.matching.domain import (
    MatchRequest,
    MentorState,
    NewNotice,
    Notice,
    Pairing,
    PairingStatus,
    RoundRecord,
    Seeker,
    Wish,
)
from bot.matching.export import StoredNotice, export_matching
from bot.matching.memory_directory import InMemoryMentorDirectory
from bot.matching.memory_requests import InMemoryPairings, InMemoryRequests
from bot.matching.ports import (
    MentorDirectory,
    MentorRepository,
    NoticeRepository,
    PairingRepository,
    RequestRepository,
    RoundRepository,
    SeekerRepository,
)

_PENDING, _SENT, _FAILED = "pending", "sent", "failed"


@dataclass(frozen=True, slots=True)
class _NoticeRow:
    notice: Notice
    status: str = _PENDING
    available_at: datetime | None = None
    failure: str | None = None


@dataclass(slots=True)
class MatchingTables:
    """Matching's part of one consistent version of the in-memory store."""

    mentors: dict[tuple[int, int], MentorState] = field(default_factory=dict)
    requests: dict[int, MatchRequest] = field(default_factory=dict)
    pairings: dict[int, Pairing] = field(default_factory=dict)
    seekers: dict[tuple[int, int], Seeker] = field(default_factory=dict)
    wishes: dict[tuple[int, int, str], Wish] = field(default_factory=dict)
    notices: dict[int, _NoticeRow] = field(default_factory=dict)
    rounds: dict[int, RoundRecord] = field(default_factory=dict)
    last_ids: dict[str, int] = field(default_factory=dict)

    def copy(self) -> MatchingTables:
        """A snapshot (values are frozen dataclasses)."""
        return MatchingTables(
            dict(self.mentors), dict(self.requests), dict(self.pairings), dict(self.seekers),
            dict(self.wishes), dict(self.notices), dict(self.rounds), dict(self.last_ids),
        )

    def next_id(self, table: str) -> int:
        """The next id of a table."""
        self.last_ids[table] = self.last_ids.get(table, 0) + 1
        return self.last_ids[table]

    def forget_member(self, community_id: int, member_id: int) -> None:
        """Erase every matching row about the member; slots they held as a mentee are freed."""
        def theirs(c: int, *members: int | None) -> bool:
            return c == community_id and member_id in members

        for pairing in list(self.pairings.values()):
            if not theirs(pairing.community_id, pairing.mentor_id, pairing.mentee_id):
                continue
            if pairing.status is PairingStatus.ACTIVE and pairing.mentee_id == member_id:
                key = (community_id, pairing.mentor_id)
                if key in self.mentors:
                    mentor = self.mentors[key]
                    self.mentors[key] = replace(
                        mentor, active_count=max(mentor.active_count - 1, 0)
                    )
            del self.pairings[pairing.id]
        for request in list(self.requests.values()):
            if theirs(request.community_id, request.mentee_id, request.mentor_id):
                del self.requests[request.id]
        for row in list(self.notices.values()):
            n = row.notice
            if theirs(n.community_id, n.recipient_id, n.about_id):
                del self.notices[n.id]
        for record in list(self.rounds.values()):
            if theirs(record.community_id, record.started_by):
                self.rounds[record.id] = replace(record, started_by=None)
        self.mentors.pop((community_id, member_id), None)
        self.seekers.pop((community_id, member_id), None)
        for wish_key in [k for k in self.wishes if k[:2] == (community_id, member_id)]:
            del self.wishes[wish_key]


class CoreState(Protocol):
    """The parts of ``bot.memory``'s state matching reads."""

    communities: dict[int, Community]
    members: dict[int, Member]
    profiles: dict[tuple[int, int], Profile]
    matching: MatchingTables


class MemoryHost(Protocol):
    """What the repositories need from the in-memory unit of work."""

    def read(self) -> CoreState:
        """The state this unit sees."""
        ...

    async def write(self) -> CoreState:
        """The private copy to change (takes the store's write lock)."""
        ...


class InMemoryMatchingStore:
    """``uow.matching`` of the in-memory unit of work."""

    def __init__(self, host: MemoryHost) -> None:
        self._host = host
        self.directory: MentorDirectory = InMemoryMentorDirectory(host)
        self.mentors: MentorRepository = _Mentors(host)
        self.requests: RequestRepository = InMemoryRequests(host)
        self.pairings: PairingRepository = InMemoryPairings(host)
        self.seekers: SeekerRepository = _Seekers(host)
        self.notices: NoticeRepository = _Notices(host)
        self.rounds: RoundRepository = _Rounds(host)

    async def lock_member(self, community_id: int, member_id: int) -> None:
        """Take the store's write lock now, so the reads that follow are not stale."""
        await self._host.write()

    async def export_for_community(self, community_id: int) -> ExportSections:
        """Everything matching stores about the community (see bot/matching/export.py)."""
        tables = self._host.read().matching
        return await export_matching(
            community_id,
            mentors=[m for m in tables.mentors.values() if m.community_id == community_id],
            requests=self.requests, pairings=self.pairings, seekers=self.seekers,
            notices=[
                StoredNotice(row.notice, row.status, row.available_at, row.failure)
                for row in tables.notices.values() if row.notice.community_id == community_id
            ],
            rounds=[r for r in tables.rounds.values() if r.community_id == community_id],
        )


class _Mentors:
    def __init__(self, host: MemoryHost) -> None:
        self._host = host

    async def get(self, community_id: int, member_id: int) -> MentorState | None:
        return self._host.read().matching.mentors.get((community_id, member_id))

    async def save_settings(self, state: MentorState) -> None:
        tables = (await self._host.write()).matching
        key = (state.community_id, state.member_id)
        old = tables.mentors.get(key, MentorState(*key))
        tables.mentors[key] = replace(
            old, topics=tuple(dict.fromkeys(state.topics)), paused=state.paused,
            paused_until=state.paused_until, ignored_streak=state.ignored_streak,
        )

    async def take_slot(self, community_id: int, member_id: int, capacity: int) -> bool:
        tables = (await self._host.write()).matching
        key = (community_id, member_id)
        old = tables.mentors.get(key, MentorState(*key))
        if old.active_count >= capacity:
            return False
        tables.mentors[key] = replace(old, active_count=old.active_count + 1)
        return True

    async def release_slot(self, community_id: int, member_id: int) -> None:
        tables = (await self._host.write()).matching
        key = (community_id, member_id)
        if key in tables.mentors:
            old = tables.mentors[key]
            tables.mentors[key] = replace(old, active_count=max(old.active_count - 1, 0))

    async def add_rating(
        self, community_id: int, member_id: int, rating_delta: int, count_delta: int
    ) -> None:
        tables = (await self._host.write()).matching
        key = (community_id, member_id)
        old = tables.mentors.get(key, MentorState(*key))
        tables.mentors[key] = replace(
            old, rating_sum=old.rating_sum + rating_delta,
            rating_count=old.rating_count + count_delta,
        )


class _Seekers:
    def __init__(self, host: MemoryHost) -> None:
        self._host = host

    async def seek(self, community_id: int, member_id: int, topic: str | None, now: datetime) -> (
        None
    ):
        key = (community_id, member_id)
        found = self._host.read().matching.seekers.get(key)
        if found is not None and found.topic == topic:
            return
        tables = (await self._host.write()).matching
        since = found.since if found is not None else now
        tables.seekers[key] = Seeker(community_id, member_id, since, topic)

    async def stop(self, community_id: int, member_id: int) -> bool:
        tables = (await self._host.write()).matching
        for key in [k for k in tables.wishes if k[:2] == (community_id, member_id)]:
            del tables.wishes[key]
        return tables.seekers.pop((community_id, member_id), None) is not None

    async def seekers(self, community_id: int) -> list[Seeker]:
        found = self._host.read().matching.seekers
        return [found[k] for k in sorted(found) if k[0] == community_id]

    async def wish(self, community_id: int, member_id: int, skill_id: str, now: datetime) -> None:
        key = (community_id, member_id, skill_id)
        if key in self._host.read().matching.wishes:
            return
        tables = (await self._host.write()).matching
        tables.wishes.setdefault(key, Wish(community_id, member_id, skill_id, now))

    async def wishes(self, community_id: int | None = None) -> list[Wish]:
        found = self._host.read().matching.wishes
        return [found[k] for k in sorted(found) if community_id in (None, k[0])]

    async def drop_wishes(self, community_id: int, member_id: int) -> None:
        if not any(k[:2] == (community_id, member_id) for k in self._host.read().matching.wishes):
            return
        tables = (await self._host.write()).matching
        for key in [k for k in tables.wishes if k[:2] == (community_id, member_id)]:
            del tables.wishes[key]


class _Notices:
    def __init__(self, host: MemoryHost) -> None:
        self._host = host

    async def add(self, notice: NewNotice, now: datetime) -> int:
        state = await self._host.write()
        tables = state.matching
        new = Notice(
            id=tables.next_id("notices"), community_id=notice.community_id,
            recipient_id=notice.recipient_id, reply=notice.reply, kind=notice.kind,
            created_at=now, ref_id=notice.ref_id, about_id=notice.about_id,
        )
        tables.notices[new.id] = _NoticeRow(new, available_at=now)
        return new.id

    async def claim(
        self, ids: Sequence[int] | None, now: datetime, lease_until: datetime, limit: int
    ) -> list[Notice]:
        rows = self._host.read().matching.notices
        wanted = sorted(rows) if ids is None else sorted(i for i in set(ids) if i in rows)
        due = [i for i in wanted if rows[i].status == _PENDING
               and (rows[i].available_at or now) <= now][:limit]
        if not due:
            return []
        tables = (await self._host.write()).matching
        claimed = []
        for i in due:
            row = tables.notices[i]
            notice = replace(row.notice, attempts=row.notice.attempts + 1)
            tables.notices[i] = replace(row, notice=notice, available_at=lease_until)
            claimed.append(notice)
        return claimed

    async def _finish(self, notice_id: int, **changes: object) -> None:
        tables = (await self._host.write()).matching
        if notice_id in tables.notices:
            tables.notices[notice_id] = replace(tables.notices[notice_id], **changes)  # type: ignore[arg-type]

    async def sent(self, notice_id: int, now: datetime) -> None:
        await self._finish(notice_id, status=_SENT)

    async def retry(self, notice_id: int, reason: str, retry_at: datetime) -> None:
        await self._finish(notice_id, available_at=retry_at, failure=reason)

    async def failed(self, notice_id: int, reason: str, now: datetime) -> None:
        await self._finish(notice_id, status=_FAILED, failure=reason)


class _Rounds:
    def __init__(self, host: MemoryHost) -> None:
        self._host = host

    async def add(self, record: RoundRecord) -> RoundRecord:
        tables = (await self._host.write()).matching
        stored = replace(record, id=tables.next_id("rounds"))
        tables.rounds[stored.id] = stored
        return stored
