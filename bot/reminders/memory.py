"""In-memory deliveries: the unit-test fake and the reference semantics of the SQL version."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Protocol

from bot.reminders.domain import (
    OPEN,
    Delivery,
    DeliveryKind,
    DeliveryStatus,
    Outcome,
    PlannedDelivery,
)
from bot.reminders.rules import storable_delivery
from bot.storage_rules import aware_utc, storable_text

NaturalKey = tuple[int, datetime, str, int, str, str]


@dataclass(slots=True)
class DeliveryState:
    """Stored deliveries and their natural-key index."""

    rows: dict[int, Delivery] = field(default_factory=dict)
    keys: dict[NaturalKey, int] = field(default_factory=dict)
    last_id: int = 0

    def copy(self) -> DeliveryState:
        """A snapshot (rows are frozen, so copying the dicts suffices)."""
        return DeliveryState(dict(self.rows), dict(self.keys), self.last_id)

    def drop(self, keep: Callable[[Delivery], bool]) -> int:
        """Delete every row ``keep`` rejects; returns how many went."""
        gone = [d for d in self.rows.values() if not keep(d)]
        for delivery in gone:
            del self.rows[delivery.id]
            del self.keys[delivery.natural_key]
        return len(gone)


class DeliveryHost(Protocol):
    """What the repository needs from the in-memory unit of work."""

    def deliveries_read(self) -> DeliveryState:
        """The state to read."""
        ...

    async def deliveries_write(self) -> DeliveryState:
        """The state to change (takes the store's write lock)."""
        ...

    def exists(self, planned: PlannedDelivery) -> bool:
        """Whether the delivery's meetup and member exist in its community."""
        ...

    def now(self) -> datetime:
        """The clock's time."""
        ...


class InMemoryDeliveryRepository:
    """Deliveries kept in the in-memory store."""

    def __init__(self, host: DeliveryHost) -> None:
        self._host = host

    async def add(self, planned: Sequence[PlannedDelivery]) -> int:
        """Insert the deliveries whose natural key is new; returns how many were inserted."""
        checked = [storable_delivery(p) for p in planned]
        if not checked:
            return 0
        state = await self._host.deliveries_write()
        added = 0
        for plan in checked:
            if plan.natural_key in state.keys:
                continue
            if not self._host.exists(plan):
                raise LookupError(
                    f"meetup {plan.meetup_id} or member {plan.member_id} is not in "
                    f"community {plan.community_id}"
                )
            state.last_id += 1
            values = {name: getattr(plan, name) for name in PlannedDelivery.__dataclass_fields__}
            row = Delivery(
                **values, id=state.last_id, available_at=plan.due_at, created_at=self._host.now()
            )
            state.rows[row.id] = row
            state.keys[row.natural_key] = row.id
            added += 1
        return added

    async def discard_pending(
        self,
        community_id: int,
        meetup_id: int,
        *,
        member_id: int | None = None,
        occurrence_start: datetime | None = None,
        kinds: Collection[DeliveryKind] = (DeliveryKind.REMINDER,),
    ) -> int:
        """Delete PENDING deliveries of the meetup (optionally one member's or one session's)."""

        def doomed(d: Delivery) -> bool:
            return (
                d.community_id == community_id and d.meetup_id == meetup_id
                and d.status is DeliveryStatus.PENDING and d.kind in kinds
                and (member_id is None or d.member_id == member_id)
                and (occurrence_start is None or d.occurrence_start == occurrence_start)
            )

        if not any(doomed(d) for d in self._host.deliveries_read().rows.values()):
            return 0
        state = await self._host.deliveries_write()
        return state.drop(lambda d: not doomed(d))

    async def claim(
        self, owner: str, now: datetime, lease_until: datetime, limit: int
    ) -> list[Delivery]:
        """Lease up to ``limit`` due deliveries (or expired leases), earliest available first."""
        now = aware_utc(now, "now")
        lease_until = aware_utc(lease_until, "lease_until")
        state = await self._host.deliveries_write()
        due = sorted(
            (d for d in state.rows.values() if d.status in OPEN and d.available_at <= now),
            key=lambda d: (d.available_at, d.id),
        )[: max(limit, 0)]
        claimed = []
        for row in due:
            leased = replace(
                row, status=DeliveryStatus.LEASED, lease_owner=owner,
                lease_expires_at=lease_until, available_at=lease_until, attempts=row.attempts + 1,
            )
            state.rows[row.id] = leased
            claimed.append(leased)
        return claimed

    async def finish(self, owner: str, outcomes: Sequence[Outcome]) -> int:
        """Record outcomes for rows still leased by ``owner``."""
        if not outcomes:
            return 0
        state = await self._host.deliveries_write()
        recorded = 0
        for outcome in outcomes:
            row = state.rows.get(outcome.delivery_id)
            if row is None or row.status is not DeliveryStatus.LEASED or row.lease_owner != owner:
                continue
            state.rows[row.id] = finished(row, outcome)
            recorded += 1
        return recorded

    async def next_available(self) -> datetime | None:
        """The earliest time an open delivery may be claimed."""
        rows = self._host.deliveries_read().rows.values()
        return min((d.available_at for d in rows if d.status in OPEN), default=None)

    async def for_meetup(self, community_id: int, meetup_id: int) -> list[Delivery]:
        """Every delivery of one meetup, by due time and id."""
        rows = self._host.deliveries_read().rows.values()
        found = [d for d in rows if d.community_id == community_id and d.meetup_id == meetup_id]
        return sorted(found, key=lambda d: (d.due_at, d.id))

    async def count_by_status(self, community_id: int) -> dict[DeliveryStatus, int]:
        """How many deliveries of a community are in each status."""
        counts: dict[DeliveryStatus, int] = {}
        for row in self._host.deliveries_read().rows.values():
            if row.community_id == community_id:
                counts[row.status] = counts.get(row.status, 0) + 1
        return counts


def finished(row: Delivery, outcome: Outcome) -> Delivery:
    """The row after an outcome: the lease ends and the result is recorded."""
    at = aware_utc(outcome.at, "outcome time")
    error = storable_text(outcome.error, "delivery error")
    base = replace(row, status=outcome.status, lease_owner=None, lease_expires_at=None)
    if outcome.status is DeliveryStatus.PENDING:
        assert outcome.retry_at is not None
        return replace(base, available_at=aware_utc(outcome.retry_at, "retry_at"), last_error=error)
    if outcome.status in (DeliveryStatus.SENT, DeliveryStatus.LATE):
        return replace(base, sent_at=at, platform_message_id=outcome.platform_message_id,
                       last_error=error)
    return replace(base, last_error=error)

