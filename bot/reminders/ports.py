"""The deliveries port: the database is the source of truth for what is due and what was sent."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Protocol

from bot.reminders.domain import Delivery, DeliveryKind, DeliveryStatus, Outcome, PlannedDelivery


class DeliveryRepository(Protocol):
    """Deliveries of all communities.

    ``claim``, ``finish`` and ``next_available`` serve the dispatcher of the whole bot and so are
    the only queries not scoped by community; every other method is.
    """

    async def add(self, planned: Sequence[PlannedDelivery]) -> int:
        """Insert the deliveries whose natural key is new; returns how many were inserted."""
        ...

    async def discard_pending(
        self,
        community_id: int,
        meetup_id: int,
        *,
        member_id: int | None = None,
        occurrence_start: datetime | None = None,
        kinds: Collection[DeliveryKind] = (DeliveryKind.REMINDER,),
    ) -> int:
        """Delete PENDING deliveries of the meetup (optionally one member's or one session's).

        LEASED ones are in flight and left to finish; sent ones stay as history, which also
        keeps their natural keys taken so a re-plan never sends them again.
        """
        ...

    async def claim(
        self, owner: str, now: datetime, lease_until: datetime, limit: int
    ) -> list[Delivery]:
        """Lease up to ``limit`` deliveries that are due (or whose lease expired), oldest due first.

        Each claimed row becomes LEASED by ``owner`` until ``lease_until`` with one more attempt
        counted. Concurrent claimers never receive the same row.
        """
        ...

    async def finish(self, owner: str, outcomes: Sequence[Outcome]) -> int:
        """Record outcomes for rows still leased by ``owner``; returns how many were recorded.

        A row whose lease was taken over by another dispatcher is left alone.
        """
        ...

    async def next_available(self) -> datetime | None:
        """The earliest time an open delivery may be claimed, or None if none is open."""
        ...

    async def for_meetup(self, community_id: int, meetup_id: int) -> list[Delivery]:
        """Every delivery of one meetup, ordered by due time and id."""
        ...

    async def count_by_status(self, community_id: int) -> dict[DeliveryStatus, int]:
        """How many deliveries of a community are in each status."""
        ...
