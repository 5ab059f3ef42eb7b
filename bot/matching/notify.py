"""Queueing matching's direct messages inside a unit of work (the outbox pattern).

A message is stored in the same transaction as the change it reports, then delivered right after
commit (``bot.matching.delivery``); if delivery fails or the process stops first, the outbox
sweep sends it later.
"""

from __future__ import annotations

from datetime import datetime

from bot.matching.domain import NewNotice, NoticeKind
from bot.ports import UnitOfWork
from bot.replies import Reply


class Notifier:
    """Collects the ids of the notices one use case queued, to deliver them after commit."""

    def __init__(self, uow: UnitOfWork, now: datetime) -> None:
        self._uow = uow
        self._now = now
        self.ids: list[int] = []

    async def tell(
        self,
        community_id: int,
        recipient_id: int,
        reply: Reply,
        *,
        kind: NoticeKind = NoticeKind.UPDATE,
        ref_id: int | None = None,
        about_id: int | None = None,
    ) -> None:
        """Queue a direct message to a member."""
        notice = NewNotice(community_id, recipient_id, reply, kind, ref_id, about_id)
        self.ids.append(await self._uow.matching.notices.add(notice, self._now))
