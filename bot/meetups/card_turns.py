"""One card refresh at a time per meetup, and none that a later refresh will redo anyway."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Hashable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field


@dataclass
class _Slot:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    arrivals: int = 0
    users: int = 0


class CardTurns:
    """Serialises the read-then-edit of each meetup card inside this process.

    Without it two RSVPs could read the counts in one order and edit the card in the other,
    leaving it one answer behind. A refresh still waiting when a newer one arrives is skipped:
    the newer one reads later and shows at least as much.
    """

    def __init__(self) -> None:
        self._slots: dict[Hashable, _Slot] = {}

    @asynccontextmanager
    async def turn(self, key: Hashable) -> AsyncIterator[bool]:
        """Hold the card's turn; yields False when a newer refresh of it is already waiting."""
        slot = self._slots.setdefault(key, _Slot())
        slot.arrivals += 1
        slot.users += 1
        ticket = slot.arrivals
        try:
            async with slot.lock:
                yield ticket == slot.arrivals
        finally:
            slot.users -= 1
            if slot.users == 0:
                del self._slots[key]

    def __len__(self) -> int:
        return len(self._slots)
