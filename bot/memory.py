"""In-memory storage ports: the unit-test fakes and the reference semantics every backend meets.

The checks in ``bot/storage_rules.py`` are shared with ``storage/``.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field, replace
from datetime import datetime
from types import TracebackType
from typing import Self

from bot.clock import Clock, SystemClock
from bot.domain.community import Community, Member, Platform
from bot.domain.profile import Profile
from bot.export_records import ExportSections, member_record, profile_record
from bot.matching.memory import InMemoryMatchingStore, MatchingTables
from bot.matching.ports import MatchingStore
from bot.meetups.memory import InMemoryMeetupStorage, MeetupState
from bot.meetups.ports import MeetupStorage
from bot.ports import CommunityRepository, MemberRepository, ProfileRepository, UnitOfWorkFactory
from bot.storage_rules import aware_utc, external_id_of, storable_profile, storable_text


@dataclass(slots=True)
class _State:
    """One consistent version of everything stored."""

    communities: dict[int, Community] = field(default_factory=dict)
    community_ids: dict[tuple[Platform, str], int] = field(default_factory=dict)
    members: dict[int, Member] = field(default_factory=dict)
    member_ids: dict[tuple[int, str], int] = field(default_factory=dict)
    profiles: dict[tuple[int, int], Profile] = field(default_factory=dict)
    last_community_id: int = 0
    last_member_id: int = 0
    meetups: MeetupState = field(default_factory=MeetupState)
    matching: MatchingTables = field(default_factory=MatchingTables)

    def copy(self) -> _State:
        # Values are frozen dataclasses, so copying the dicts is a full snapshot.
        return _State(
            dict(self.communities),
            dict(self.community_ids),
            dict(self.members),
            dict(self.member_ids),
            dict(self.profiles),
            self.last_community_id,
            self.last_member_id,
            self.meetups.copy(),
            matching=self.matching.copy(),
        )


class InMemoryStore:
    """The committed state shared by every unit of work of one factory.

    Like SQLite, one unit of work writes at a time: the first write takes the store's lock and
    works on a private copy, which commit publishes. Reads before that see committed data.
    """

    def __init__(self) -> None:
        self.state = _State()
        self.lock = asyncio.Lock()
        self.writer: asyncio.Task[object] | None = None


class InMemoryUnitOfWork:
    """A unit of work over an InMemoryStore; rolls back on exit unless committed."""

    def __init__(self, store: InMemoryStore, clock: Clock, *, read_only: bool = False) -> None:
        self._store = store
        self._clock = clock
        self._read_only = read_only
        self._active = False
        self._work: _State | None = None
        self.communities: CommunityRepository = InMemoryCommunityRepository(self)
        self.members: MemberRepository = InMemoryMemberRepository(self)
        self.profiles: ProfileRepository = InMemoryProfileRepository(self)
        self.meetups: MeetupStorage = InMemoryMeetupStorage(self)
        self.matching: MatchingStore = InMemoryMatchingStore(self)

    async def __aenter__(self) -> Self:
        if self._active:
            raise RuntimeError("this unit of work is already in use")
        self._active = True
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._release()
        self._active = False

    async def commit(self) -> None:
        """Publish this unit's changes to later units of work."""
        self._require_active()
        if self._work is not None:
            self._store.state = self._work
        self._release()

    async def rollback(self) -> None:
        """Discard this unit's uncommitted changes."""
        self._require_active()
        self._release()

    def now(self) -> datetime:
        """The clock's time, checked to be aware and converted to UTC."""
        return aware_utc(self._clock.now(), "the clock's time")

    def read(self) -> _State:
        """The state this unit sees: its own pending writes, else the committed state."""
        self._require_active()
        return self._store.state if self._work is None else self._work

    async def write(self) -> _State:
        """The private copy to change, taking the store's write lock on first use."""
        self._require_active()
        if self._read_only:
            raise RuntimeError("a read-only unit of work cannot write")
        if self._work is None:
            task = asyncio.current_task()
            if task is not None and self._store.writer is task:
                raise RuntimeError(
                    "another unit of work of this task holds the write lock; "
                    "nested writing units of work would deadlock"
                )
            await self._store.lock.acquire()
            self._store.writer = task
            self._work = self._store.state.copy()
        return self._work

    def _release(self) -> None:
        if self._work is not None:
            self._work = None
            self._store.writer = None
            self._store.lock.release()

    def _require_active(self) -> None:
        if not self._active:
            raise RuntimeError("use the unit of work inside 'async with'")


class InMemoryCommunityRepository:
    """Communities by platform and external id."""

    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._uow = uow

    async def get_or_create(self, platform: Platform, external_id: str, name: str) -> Community:
        """Return the community, creating it on first sight (a changed name is refreshed)."""
        key = (Platform(platform), external_id_of(external_id, "community external id"))
        storable_text(name, "community name")
        found = _community_by_key(self._uow.read(), key)
        if found is not None and found.name == name:
            return found
        state = await self._uow.write()
        found = _community_by_key(state, key)
        if found is None:
            state.last_community_id += 1
            found = Community(state.last_community_id, key[0], key[1], name, self._uow.now())
            state.community_ids[key] = found.id
        elif found.name != name:
            found = replace(found, name=name)
        state.communities[found.id] = found
        return found

    async def get(self, community_id: int) -> Community | None:
        """Return the community or None."""
        return self._uow.read().communities.get(community_id)

    async def find(self, platform: Platform, external_id: str) -> Community | None:
        """Return the community with that platform id, or None."""
        return _community_by_key(self._uow.read(), (Platform(platform), external_id))


class InMemoryMemberRepository:
    """Members, always scoped to one community."""

    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._uow = uow

    async def get_or_create(self, community_id: int, external_id: str, display_name: str) -> Member:
        """Return the member, creating it on first sight (display name is refreshed)."""
        key = (community_id, external_id_of(external_id, "member external id"))
        storable_text(display_name, "display name")
        found = _member_by_key(self._uow.read(), key)
        if found is not None and found.display_name == display_name:
            return found
        state = await self._uow.write()
        found = _member_by_key(state, key)
        if found is None:
            if community_id not in state.communities:
                raise LookupError(f"there is no community {community_id}")
            state.last_member_id += 1
            found = Member(state.last_member_id, *key, display_name, self._uow.now())
            state.member_ids[key] = found.id
        elif found.display_name != display_name:
            found = replace(found, display_name=display_name)
        state.members[found.id] = found
        return found

    async def get(self, community_id: int, member_id: int) -> Member | None:
        """Return the member of that community or None."""
        return _member_in(self._uow.read(), community_id, member_id)

    async def find(self, community_id: int, external_id: str) -> Member | None:
        """Return the member with that platform id in that community, or None."""
        return _member_by_key(self._uow.read(), (community_id, external_id))

    async def delete(self, community_id: int, member_id: int) -> bool:
        """Delete the member and their profile in that community."""
        if _member_in(self._uow.read(), community_id, member_id) is None:
            return False
        state = await self._uow.write()
        member = _member_in(state, community_id, member_id)
        if member is None:
            return False
        del state.members[member_id]
        del state.member_ids[(community_id, member.external_id)]
        state.profiles.pop((community_id, member_id), None)
        state.meetups.forget_member(community_id, member_id)
        state.matching.forget_member(community_id, member_id)
        return True

    async def export_for_community(self, community_id: int) -> ExportSections:
        """Every member of the community, by id."""
        members = self._uow.read().members.values()
        ours = sorted((m for m in members if m.community_id == community_id), key=lambda m: m.id)
        return {"members": [member_record(member) for member in ours]}


class InMemoryProfileRepository:
    """Skill profiles, one per member."""

    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._uow = uow

    async def get(self, community_id: int, member_id: int) -> Profile | None:
        """Return the member's profile or None."""
        found = self._uow.read().profiles.get((community_id, member_id))
        return None if found is None else _detached(found)

    async def timezone_of(self, community_id: int, member_id: int) -> str | None:
        """The profile's zone name (explicit edit, else parsed), or None."""
        found = self._uow.read().profiles.get((community_id, member_id))
        return None if found is None else found.timezone

    async def save(self, profile: Profile) -> None:
        """Insert or replace the profile; the member must belong to the profile's community."""
        checked = storable_profile(profile)
        state = await self._uow.write()
        if _member_in(state, checked.community_id, checked.member_id) is None:
            raise LookupError(
                f"there is no member {checked.member_id} in community {checked.community_id}"
            )
        state.profiles[(checked.community_id, checked.member_id)] = checked

    async def list_for_community(self, community_id: int) -> list[Profile]:
        """All profiles of a community, ordered by member id."""
        profiles = self._uow.read().profiles
        keys = sorted(key for key in profiles if key[0] == community_id)
        return [_detached(profiles[key]) for key in keys]

    async def export_for_community(self, community_id: int) -> ExportSections:
        """Every profile of the community with its skills, by member id."""
        profiles = await self.list_for_community(community_id)
        return {"profiles": [profile_record(profile) for profile in profiles]}


def _community_by_key(state: _State, key: tuple[Platform, str]) -> Community | None:
    community_id = state.community_ids.get(key)
    return None if community_id is None else state.communities[community_id]


def _member_by_key(state: _State, key: tuple[int, str]) -> Member | None:
    member_id = state.member_ids.get(key)
    return None if member_id is None else state.members[member_id]


def _member_in(state: _State, community_id: int, member_id: int) -> Member | None:
    member = state.members.get(member_id)
    return member if member is not None and member.community_id == community_id else None


def _detached(profile: Profile) -> Profile:
    """A copy whose only mutable part (the evidence dict) is not shared with the store."""
    return replace(profile, parsed=replace(profile.parsed, evidence=dict(profile.parsed.evidence)))


def make_memory_uow_factory(clock: Clock | None = None) -> UnitOfWorkFactory:
    """A factory of units of work that all share one new in-memory store."""
    store = InMemoryStore()
    chosen = clock or SystemClock()

    def unit_of_work(*, read_only: bool = False) -> InMemoryUnitOfWork:
        return InMemoryUnitOfWork(store, chosen, read_only=read_only)

    return unit_of_work
