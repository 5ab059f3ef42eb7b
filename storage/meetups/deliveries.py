"""SQL deliveries: claiming with a lease (PostgreSQL ``FOR UPDATE SKIP LOCKED``, SQLite a
compare-and-set UPDATE under its single-writer lock) and recording outcomes."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Table, bindparam, delete, func, select, update
from sqlalchemy.sql.elements import ColumnElement

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
from storage.meetups.mapping import delivery_from_row, delivery_values
from storage.repositories import SqlContext
from storage.tables import members
from storage.tables_meetups import deliveries, meetups
from storage.types import UTCDateTime

NATURAL_KEY = ["meetup_id", "occurrence_start", "kind", "offset_seconds", "topic", "recipient_key"]
_CHUNK = 400  # rows per multi-row INSERT, well under both databases' bound-parameter limits
_OPEN = [s.value for s in OPEN]


class SqlDeliveryRepository:
    """Deliveries in SQL."""

    def __init__(self, db: SqlContext) -> None:
        self._db = db

    async def add(self, planned: Sequence[PlannedDelivery]) -> int:
        """Insert the deliveries whose natural key is new; returns how many were inserted."""
        checked = [storable_delivery(p) for p in planned]
        if not checked:
            return 0
        await self._require_targets(checked)
        now = self._db.now()
        added = 0
        for start in range(0, len(checked), _CHUNK):
            rows = [delivery_values(p, now) for p in checked[start:start + _CHUNK]]
            statement = (
                self._db.upsert(deliveries).values(rows)
                .on_conflict_do_nothing(index_elements=NATURAL_KEY)
                .returning(deliveries.c.id)
            )
            added += len((await self._db.session.execute(statement)).all())
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
        where: list[ColumnElement[bool]] = [
            deliveries.c.community_id == community_id,
            deliveries.c.meetup_id == meetup_id,
            deliveries.c.status == DeliveryStatus.PENDING.value,
            deliveries.c.kind.in_([DeliveryKind(k).value for k in kinds]),
        ]
        if member_id is not None:
            where.append(deliveries.c.recipient_member_id == member_id)
        if occurrence_start is not None:
            where.append(deliveries.c.occurrence_start == occurrence_start)
        result = await self._db.session.execute(
            delete(deliveries).where(*where).returning(deliveries.c.id)
        )
        return len(result.all())

    async def claim(
        self, owner: str, now: datetime, lease_until: datetime, limit: int
    ) -> list[Delivery]:
        """Lease up to ``limit`` due deliveries (or expired leases), earliest available first."""
        now = aware_utc(now, "now")
        lease_until = aware_utc(lease_until, "lease_until")
        if limit <= 0:
            return []
        claimable = (deliveries.c.status.in_(_OPEN), deliveries.c.available_at <= now)
        candidates = (
            select(deliveries.c.id).where(*claimable)
            .order_by(deliveries.c.available_at, deliveries.c.id).limit(limit)
        )
        if self._dialect == "postgresql":
            # Rows another dispatcher is claiming right now are skipped, not waited for.
            candidates = candidates.with_for_update(skip_locked=True)
        # Select the ids first: inside `UPDATE ... WHERE id IN (subquery)` PostgreSQL may run a
        # LIMIT ... SKIP LOCKED subquery more than once and lease far more than ``limit`` rows.
        ids = list((await self._db.session.execute(candidates)).scalars().all())
        if not ids:
            return []
        statement = (
            update(deliveries)
            # Repeating the condition makes the UPDATE a compare-and-set on its own.
            .where(deliveries.c.id.in_(ids), *claimable)
            .values(
                status=DeliveryStatus.LEASED.value, lease_owner=owner,
                lease_expires_at=lease_until, available_at=lease_until,
                attempts=deliveries.c.attempts + 1,
            )
            .returning(*deliveries.c)
        )
        rows = (await self._db.session.execute(statement)).mappings().all()
        return sorted((delivery_from_row(r) for r in rows), key=lambda d: (d.due_at, d.id))

    async def finish(self, owner: str, outcomes: Sequence[Outcome]) -> int:
        """Record outcomes for rows still leased by ``owner``."""
        if not outcomes:
            return 0
        ids = [o.delivery_id for o in outcomes]
        mine = (
            select(deliveries.c.id)
            .where(deliveries.c.id.in_(ids), deliveries.c.status == DeliveryStatus.LEASED.value,
                   deliveries.c.lease_owner == owner)
        )
        if self._dialect == "postgresql":
            mine = mine.with_for_update()
        owned = set((await self._db.session.execute(mine)).scalars().all())
        params = [_outcome_params(o) for o in outcomes if o.delivery_id in owned]
        if params:
            statement = (
                update(deliveries)
                .where(deliveries.c.id == bindparam("o_id"))
                .values(
                    status=bindparam("o_status"),
                    lease_owner=None,
                    lease_expires_at=None,
                    available_at=func.coalesce(
                        bindparam("o_retry_at", type_=UTCDateTime()), deliveries.c.available_at
                    ),
                    sent_at=func.coalesce(
                        bindparam("o_sent_at", type_=UTCDateTime()), deliveries.c.sent_at
                    ),
                    platform_message_id=func.coalesce(bindparam("o_message_id"),
                                                      deliveries.c.platform_message_id),
                    last_error=bindparam("o_error"),
                )
            )
            await self._db.session.execute(statement, params)
        return len(params)

    async def next_available(self) -> datetime | None:
        """The earliest time an open delivery may be claimed."""
        query = select(func.min(deliveries.c.available_at)).where(deliveries.c.status.in_(_OPEN))
        found: datetime | None = (await self._db.session.execute(query)).scalar_one_or_none()
        return found

    async def for_meetup(self, community_id: int, meetup_id: int) -> list[Delivery]:
        """Every delivery of one meetup, by due time and id."""
        query = (
            select(deliveries)
            .where(deliveries.c.community_id == community_id, deliveries.c.meetup_id == meetup_id)
            .order_by(deliveries.c.due_at, deliveries.c.id)
        )
        return [delivery_from_row(r) for r in (await self._db.session.execute(query)).mappings()]

    async def count_by_status(self, community_id: int) -> dict[DeliveryStatus, int]:
        """How many deliveries of a community are in each status."""
        query = (
            select(deliveries.c.status, func.count())
            .where(deliveries.c.community_id == community_id)
            .group_by(deliveries.c.status)
        )
        rows = await self._db.session.execute(query)
        return {DeliveryStatus(status): count for status, count in rows}

    @property
    def _dialect(self) -> str:
        return self._db.session.get_bind().dialect.name

    async def _require_targets(self, planned: Sequence[PlannedDelivery]) -> None:
        """Raise LookupError unless every meetup and member is in the delivery's community."""
        for community_id in sorted({p.community_id for p in planned}):
            ours = [p for p in planned if p.community_id == community_id]
            wanted_meetups = sorted({p.meetup_id for p in ours})
            wanted_members = sorted({p.member_id for p in ours if p.member_id is not None})
            missing = await self._missing(meetups, community_id, wanted_meetups)
            missing |= await self._missing(members, community_id, wanted_members)
            if missing:
                raise LookupError(
                    f"meetups or members {sorted(missing)} are not in community {community_id}"
                )

    async def _missing(self, table: Table, community_id: int, ids: list[int]) -> set[int]:
        missing: set[int] = set()
        for start in range(0, len(ids), 1000):
            chunk = ids[start:start + 1000]
            found = await self._db.session.execute(
                select(table.c.id).where(table.c.community_id == community_id,
                                         table.c.id.in_(chunk))
            )
            missing |= set(chunk) - set(found.scalars().all())
        return missing

def _outcome_params(outcome: Outcome) -> dict[str, Any]:
    done = outcome.status in (DeliveryStatus.SENT, DeliveryStatus.LATE)
    return {
        "o_id": outcome.delivery_id,
        "o_status": DeliveryStatus(outcome.status).value,
        "o_retry_at": None if outcome.retry_at is None else aware_utc(outcome.retry_at, "retry_at"),
        "o_sent_at": aware_utc(outcome.at, "outcome time") if done else None,
        "o_message_id": outcome.platform_message_id if done else None,
        "o_error": storable_text(outcome.error, "delivery error"),
    }
