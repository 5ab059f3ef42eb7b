"""Async ports the core uses to reach storage; adapters in storage/ implement them."""

from __future__ import annotations

from types import TracebackType
from typing import Protocol, Self

from bot.domain.community import Community, Member, Platform
from bot.domain.profile import Profile
from bot.export_records import ExportSections
from bot.matching.ports import MatchingStore
from bot.meetups.ports import MeetupStorage


class CommunityRepository(Protocol):
    """Communities by platform and external id."""

    async def get_or_create(self, platform: Platform, external_id: str, name: str) -> Community:
        """Return the community, creating it on first sight."""
        ...

    async def get(self, community_id: int) -> Community | None:
        """Return the community or None."""
        ...

    async def find(self, platform: Platform, external_id: str) -> Community | None:
        """Return the community with that platform id, or None (never creates it)."""
        ...


class MemberRepository(Protocol):
    """Members, always scoped to one community."""

    async def get_or_create(
        self, community_id: int, external_id: str, display_name: str
    ) -> Member:
        """Return the member, creating it on first sight (display name is refreshed)."""
        ...

    async def get(self, community_id: int, member_id: int) -> Member | None:
        """Return the member of that community or None."""
        ...

    async def find(self, community_id: int, external_id: str) -> Member | None:
        """Return the member with that platform id in that community, or None."""
        ...

    async def delete(self, community_id: int, member_id: int) -> bool:
        """Delete the member and every row about them in that community."""
        ...

    async def export_for_community(self, community_id: int) -> ExportSections:
        """``{"members": [...]}``: every member of the community, by id (see bot/export.py)."""
        ...


class ProfileRepository(Protocol):
    """Skill profiles, one per member."""

    async def get(self, community_id: int, member_id: int) -> Profile | None:
        """Return the member's profile or None."""
        ...

    async def timezone_of(self, community_id: int, member_id: int) -> str | None:
        """The profile's zone name (explicit edit, else parsed) without loading the rest."""
        ...

    async def save(self, profile: Profile) -> None:
        """Insert or replace the profile and its skill rows."""
        ...

    async def list_for_community(self, community_id: int) -> list[Profile]:
        """All profiles of a community, ordered by member id."""
        ...

    async def export_for_community(self, community_id: int) -> ExportSections:
        """``{"profiles": [...]}``: every profile with its skills (see bot/export.py)."""
        ...


class UnitOfWork(Protocol):
    """One atomic transaction over all repositories; rolls back unless committed."""

    communities: CommunityRepository
    members: MemberRepository
    profiles: ProfileRepository
    meetups: MeetupStorage
    matching: MatchingStore

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None:
        """Make the work durable."""
        ...

    async def rollback(self) -> None:
        """Discard the work."""
        ...


class UnitOfWorkFactory(Protocol):
    """Makes units of work; a ``read_only`` one may not write, and on SQLite it reads the last
    committed state without waiting for the writer's turn."""

    def __call__(self, *, read_only: bool = False) -> UnitOfWork:
        """A new unit of work."""
        ...
