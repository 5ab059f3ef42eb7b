"""Two `mentormeet run` processes on one PostgreSQL database; one is killed with SIGKILL mid-way.

With no platform tokens `run` serves the console; each bot reads a script that only waits, so
the reminder dispatcher in the background does all the work. Each bot sends through its own
TEST ONLY file sink (``reminders.test_sink``), so the test sees which process sent what.
The bot killed is the first one caught with a batch in flight, whichever it is: on PostgreSQL a
claim can lease more than ``batch_size`` rows today (seen: a claim of 50 leased all 600 due
rows; ``storage/meetups/deliveries.py`` updates ``WHERE id IN (SELECT ... LIMIT n FOR UPDATE
SKIP LOCKED)``, which PostgreSQL may evaluate more than once), so one bot may take all the work.
"""

from __future__ import annotations

import signal
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path
from subprocess import Popen

import pytest

from bot.reminders.sink import read_records
from storage.engine import create_engine
from storage.migrate import upgrade
from tests.support.databases import POSTGRES_URL_ENV, postgres_url
from tests.support.reminder_bots import (
    fresh_postgres_database,
    frozen_while,
    keep_alive,
    keys_leased_by,
    seed,
    sent_keys,
    start_bot,
    statuses,
    stop,
    until,
)

REMINDERS = 600
SETTINGS = {"test_sink_delay": "0.01", "batch_size": "50", "concurrency": "4", "lease": "5s"}


def sends(sink: Path) -> list[dict[str, object]]:
    """The reminder sends a bot wrote to its sink."""
    return [r for r in read_records(sink) if str(r["key"]).startswith("mm-")]


@pytest.mark.postgres
@pytest.mark.skipif(postgres_url() is None, reason=f"{POSTGRES_URL_ENV} is not set")
async def test_two_run_processes_one_killed_deliver_every_reminder_exactly_once(
    tmp_path: Path,
) -> None:
    async with fresh_postgres_database() as url:
        engine = create_engine(url)
        try:
            await upgrade(engine)
            sinks = [tmp_path / "bot0.jsonl", tmp_path / "bot1.jsonl"]
            bots = [start_bot(tmp_path, f"bot{i}", url, sink, "run", **SETTINGS)
                    for i, sink in enumerate(sinks)]
            try:
                for bot in bots:
                    keep_alive(bot)

                async def both_up() -> bool:
                    return all(sink.exists() for sink in sinks)

                await until(both_up, "both bots to start", *bots)
                expected = await seed(engine, REMINDERS, timedelta(seconds=2))
                victims: list[int] = []

                async def one_mid_batch() -> bool:
                    for index, (bot, sink) in enumerate(zip(bots, sinks, strict=True)):

                        async def mid_batch(bot: Popen[str] = bot, sink: Path = sink) -> bool:
                            delivered = {str(r["key"]) for r in sends(sink)}
                            return bool(delivered & await keys_leased_by(engine, bot.pid))

                        if await frozen_while(bot, mid_batch):
                            victims.append(index)
                            return True
                    return False

                await until(one_mid_batch, "a bot to be mid-batch", *bots)
                victim, survivor = bots[victims[0]], bots[1 - victims[0]]
                victim.send_signal(signal.SIGKILL)
                stop(victim)
                killed_at = time.time()
                stranded = await keys_leased_by(engine, victim.pid)
                at_kill = await statuses(engine)

                async def all_sent() -> bool:
                    return (await statuses(engine))["sent"] == len(expected)

                await until(all_sent, "every reminder to be recorded as sent", survivor)
            finally:
                for bot in bots:
                    stop(bot)
            final = await statuses(engine)
            recorded = await sent_keys(engine)
        finally:
            await engine.dispose()

    assert at_kill["sent"] < len(expected)  # killed mid-way, with work left
    assert stranded  # the kill left a claimed batch behind
    assert final == Counter({"sent": len(expected)})  # nothing leased, pending or failed
    assert recorded == set(expected)
    by_victim = Counter(str(r["key"]) for r in sends(sinks[victims[0]]))
    by_survivor = Counter(str(r["key"]) for r in sends(sinks[1 - victims[0]]))
    assert max(by_victim.values()) == 1  # no bot sent a reminder twice
    assert max(by_survivor.values()) == 1
    assert set(by_victim) | set(by_survivor) == set(expected)  # 0 lost
    # The only keys sent by both are the victim's stranded batch, re-sent after the kill with
    # the same idempotency key (a platform honouring the nonce delivers it once): 0 duplicates.
    both = set(by_victim) & set(by_survivor)
    assert both <= stranded
    resent_at = [float(r["at"]) for r in sends(sinks[1 - victims[0]])  # type: ignore[arg-type]
                 if str(r["key"]) in both]
    assert all(at >= killed_at for at in resent_at)
