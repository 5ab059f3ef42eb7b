"""The matching outbox in SQL: claiming a notice is a conditional UPDATE (a lease)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import insert, select, update

from bot.matching.codec import reply_from_json, reply_to_json
from bot.matching.domain import NewNotice, Notice, NoticeKind
from storage.matching.rows import all_rows, changed, first
from storage.repositories import SqlContext
from storage.tables_matching import NOTICE_FAILED, NOTICE_PENDING, NOTICE_SENT
from storage.tables_matching import matching_notices as mn


class SqlNoticeRepository:
    """The outbox of matching's direct messages."""

    def __init__(self, db: SqlContext) -> None:
        self._db = db

    async def add(self, notice: NewNotice, now: datetime) -> int:
        """Queue a message; returns its id."""
        row = await first(self._db, insert(mn).values(
            community_id=notice.community_id, recipient_id=notice.recipient_id,
            about_id=notice.about_id, kind=NoticeKind(notice.kind).value, ref_id=notice.ref_id,
            payload=reply_to_json(notice.reply), status=NOTICE_PENDING, attempts=0,
            available_at=now, created_at=now,
        ).returning(mn.c.id))
        assert row is not None
        return int(row["id"])

    async def claim(
        self, ids: Sequence[int] | None, now: datetime, lease_until: datetime, limit: int
    ) -> list[Notice]:
        """Lease unsent messages that are available now, oldest first."""
        query = select(mn.c.id).where(mn.c.status == NOTICE_PENDING, mn.c.available_at <= now)
        if ids is not None:
            if not ids:
                return []
            query = query.where(mn.c.id.in_(sorted(set(ids))))
        claimed = []
        for row in await all_rows(self._db, query.order_by(mn.c.id).limit(limit)):
            leased = await first(self._db, update(mn).where(
                mn.c.id == row["id"], mn.c.status == NOTICE_PENDING, mn.c.available_at <= now
            ).values(available_at=lease_until, attempts=mn.c.attempts + 1).returning(*mn.c))
            if leased is not None:
                claimed.append(Notice(
                    id=leased["id"], community_id=leased["community_id"],
                    recipient_id=leased["recipient_id"], reply=reply_from_json(leased["payload"]),
                    kind=NoticeKind(leased["kind"]), created_at=leased["created_at"],
                    ref_id=leased["ref_id"], about_id=leased["about_id"],
                    attempts=leased["attempts"],
                ))
        return claimed

    async def sent(self, notice_id: int, now: datetime) -> None:
        """Mark delivered."""
        await changed(self._db, update(mn).where(mn.c.id == notice_id).values(
            status=NOTICE_SENT, finished_at=now, failure=None
        ))

    async def retry(self, notice_id: int, reason: str, retry_at: datetime) -> None:
        """Count a failed attempt; claimable again from ``retry_at``."""
        await changed(self._db, update(mn).where(
            mn.c.id == notice_id, mn.c.status == NOTICE_PENDING
        ).values(available_at=retry_at, failure=reason))

    async def failed(self, notice_id: int, reason: str, now: datetime) -> None:
        """Give up on the message."""
        await changed(self._db, update(mn).where(mn.c.id == notice_id).values(
            status=NOTICE_FAILED, finished_at=now, failure=reason
        ))
