"""What the in-memory storage does beyond the shared contract (tests/storage/test_contract_*)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from bot.clock import FakeClock
from bot.domain.community import Platform
from bot.memory import make_memory_uow_factory
from bot.storage_rules import aware_utc, storable_text


def test_the_core_fake_does_not_load_sqlalchemy() -> None:
    code = (
        "import sys, bot.memory; "
        "loaded = [m for m in sys.modules if m.split('.')[0] == 'sqlalchemy']; "
        "print(loaded); sys.exit(1 if loaded else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


async def test_readers_see_committed_data_only() -> None:
    uow = make_memory_uow_factory()
    async with uow() as writer:
        created = await writer.communities.get_or_create(Platform.CONSOLE, "local", "Local")
        async with uow() as reader:
            assert await reader.communities.get(created.id) is None
        await writer.commit()
        async with uow() as reader:
            assert await reader.communities.get(created.id) == created


async def test_writers_queue_behind_the_current_writer() -> None:
    uow = make_memory_uow_factory()
    first_wrote = asyncio.Event()
    release_first = asyncio.Event()

    async def first() -> None:
        async with uow() as work:
            await work.communities.get_or_create(Platform.CONSOLE, "a", "A")
            first_wrote.set()
            await release_first.wait()
            await work.commit()

    async def second() -> int:
        async with uow() as work:
            community = await work.communities.get_or_create(Platform.CONSOLE, "b", "B")
            await work.commit()
            return community.id

    one = asyncio.create_task(first())
    await first_wrote.wait()
    two = asyncio.create_task(second())
    for _ in range(5):
        await asyncio.sleep(0)
    assert not two.done()
    release_first.set()
    await one
    assert await two == 2


async def test_nested_writing_units_of_work_in_one_task_fail_instead_of_hanging() -> None:
    uow = make_memory_uow_factory()
    async with uow() as outer:
        await outer.communities.get_or_create(Platform.CONSOLE, "a", "A")
        async with uow() as inner:
            with pytest.raises(RuntimeError, match="deadlock"):
                await inner.communities.get_or_create(Platform.CONSOLE, "b", "B")


async def test_a_unit_of_work_cannot_be_entered_twice_at_once() -> None:
    work = make_memory_uow_factory()()
    async with work:
        with pytest.raises(RuntimeError, match="already in use"):
            await work.__aenter__()


async def test_a_clock_without_timezone_is_refused() -> None:
    clock = FakeClock(datetime(2026, 1, 1, tzinfo=UTC))
    clock._now = datetime(2026, 1, 1)  # noqa: DTZ001 - simulating a broken clock
    async with make_memory_uow_factory(clock)() as work:
        with pytest.raises(ValueError, match="timezone-aware"):
            await work.communities.get_or_create(Platform.CONSOLE, "a", "A")


def test_storage_checks() -> None:
    assert aware_utc(datetime(2026, 1, 1, tzinfo=UTC), "x").tzinfo is UTC
    with pytest.raises(ValueError, match="x must be timezone-aware"):
        aware_utc(datetime(2026, 1, 1), "x")  # noqa: DTZ001
    assert storable_text("emoji 🦀 ok", "y") == "emoji 🦀 ok"
    with pytest.raises(ValueError, match="y contains a NUL"):
        storable_text("a\x00", "y")


async def test_a_read_only_unit_of_work_reads_but_cannot_write() -> None:
    uow_factory = make_memory_uow_factory(FakeClock(datetime(2026, 1, 1, tzinfo=UTC)))
    async with uow_factory() as uow:
        await uow.communities.get_or_create(Platform.SLACK, "T1", "Team")
        await uow.commit()
    async with uow_factory(read_only=True) as reader:
        assert await reader.communities.find(Platform.SLACK, "T1") is not None
        with pytest.raises(RuntimeError, match="read-only"):
            await reader.communities.get_or_create(Platform.SLACK, "T2", "Other")
