"""Meetup card refreshes: one at a time per card, and a burst of requests served by one pass."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

Refresh = Callable[[], Awaitable[bool]]


@dataclass
class _Card:
    refresh: Refresh
    pending: bool = False
    next_pass: asyncio.Future[bool] = field(
        default_factory=lambda: asyncio.get_running_loop().create_future())
    runner: asyncio.Task[None] | None = None


class CardRefresher:
    """Runs the read-then-edit of each meetup card in a task of its own, one pass at a time.

    Two RSVPs refreshing at once could read the counts in one order and edit the card in the
    other, leaving it an answer behind. Here every request is served by a pass that starts after
    it was made, so the last pass reads after the last change; requests made while a pass runs
    share the next one. The passes belong to this object, not to the callers: a caller that is
    cancelled or gives up does not take the refresh others are counting on with it.
    """

    def __init__(self) -> None:
        self._cards: dict[Hashable, _Card] = {}

    async def refresh(self, key: Hashable, run: Refresh) -> bool:
        """Have ``run`` (the card's refresh) start after this call; True if that pass worked."""
        card = self._cards.get(key)
        if card is None:
            card = self._cards[key] = _Card(run)
        card.refresh = run
        card.pending = True
        waiting = card.next_pass
        if card.runner is None:
            card.runner = asyncio.create_task(self._run(key, card), name=f"card refresh {key}")
        return await asyncio.shield(waiting)

    async def _run(self, key: Hashable, card: _Card) -> None:
        while card.pending:
            card.pending = False
            this_pass = card.next_pass
            card.next_pass = asyncio.get_running_loop().create_future()
            try:
                worked = await card.refresh()
            except Exception:
                log.exception("refreshing the card of %s failed", key)
                worked = False
            this_pass.set_result(worked)
        del self._cards[key]  # no await since the last check: no request can slip in between

    def __len__(self) -> int:
        return len(self._cards)

    async def settle(self) -> None:
        """Wait until every refresh asked for so far has run (for shutdown and tests)."""
        while self._cards:
            runners = [c.runner for c in self._cards.values() if c.runner is not None]
            await asyncio.gather(*runners, return_exceptions=True)
