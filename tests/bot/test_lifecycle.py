"""Process-level start-up helpers."""

from __future__ import annotations

import gc

from bot.lifecycle import settle_heap


def test_settle_heap_exempts_what_survived_start_up_from_collections() -> None:
    before = gc.get_freeze_count()
    survivors = [[n] for n in range(1_000)]
    try:
        settle_heap()
        assert gc.get_freeze_count() >= before + len(survivors)
        assert gc.get_count()[2] == 0  # nothing left in the oldest generation to rescan
    finally:
        gc.unfreeze()
