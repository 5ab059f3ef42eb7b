"""The SQL unit of work: SQLite writers take turns in arrival order; communities are cached."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot.clock import FakeClock
from bot.domain.community import Platform
from bot.errors import CommitOutcomeUnknown
from bot.ports import UnitOfWorkFactory
from storage.engine import create_engine
from storage.migrate import upgrade
from storage.uow import DatabaseBusyError, SqlUnitOfWork, make_uow_factory
from tests.storage.contract import START
from tests.support.databases import (
    POSTGRES_URL_ENV,
    SqlBackend,
    migrated_engine,
    postgres_param,
    postgres_url,
)

BOUND = 30.0  # seconds: a guard against hanging (waiting for a turn), never a speed assertion


def _session(uow: object) -> AsyncSession:
    """The SQL session under a unit of work, for statements the ports do not offer."""
    assert isinstance(uow, SqlUnitOfWork)
    return uow.session


async def _turns(
    uow_factory: UnitOfWorkFactory, count: int, *, hold: float = 0.002
) -> tuple[list[int], int]:
    """Start ``count`` writing units at once; returns the order they ran in and max overlap."""
    order: list[int] = []
    running = peak = 0

    async def write(n: int) -> None:
        nonlocal running, peak
        async with uow_factory() as uow:
            running += 1
            peak = max(peak, running)
            order.append(n)
            community = await uow.communities.get_or_create(Platform.DISCORD, "g", "G")
            await uow.members.get_or_create(community.id, f"m{n}", f"M{n}")
            await asyncio.sleep(hold)  # hold the transaction across a real suspension
            running -= 1
            await uow.commit()

    await asyncio.gather(*(write(n) for n in range(count)))
    return order, peak


async def test_sqlite_units_of_work_take_turns_in_arrival_order(tmp_path: Path) -> None:
    async with migrated_engine("sqlite", tmp_path) as engine:
        order, peak = await _turns(make_uow_factory(engine, FakeClock(START)), 12)
    assert peak == 1
    assert order == list(range(12))


async def test_a_failed_unit_of_work_hands_the_turn_on(tmp_path: Path) -> None:
    async with migrated_engine("sqlite", tmp_path) as engine:
        factory = make_uow_factory(engine, FakeClock(START))
        with pytest.raises(LookupError):
            async with factory() as uow:
                await uow.members.get_or_create(404, "ghost", "Ghost")
        async with asyncio.timeout(5):
            order, peak = await _turns(factory, 3)
    assert (order, peak) == ([0, 1, 2], 1)


async def test_a_unit_of_work_cancelled_while_waiting_leaves_the_queue(tmp_path: Path) -> None:
    async with migrated_engine("sqlite", tmp_path) as engine:
        factory = make_uow_factory(engine, FakeClock(START))
        holder = factory()
        await holder.__aenter__()
        waiting = asyncio.create_task(factory().__aenter__())
        await asyncio.sleep(0.01)
        assert not waiting.done()
        waiting.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiting
        await holder.__aexit__(None, None, None)
        async with asyncio.timeout(5):
            order, _ = await _turns(factory, 2)
    assert order == [0, 1]


@pytest.mark.postgres
@pytest.mark.skipif(postgres_url() is None, reason=f"{POSTGRES_URL_ENV} is not set")
async def test_postgres_units_of_work_are_admitted_as_connections_allow_in_order() -> None:
    async with migrated_engine("postgres") as engine:
        factory = make_uow_factory(engine, FakeClock(START), connections=3)
        order, peak = await _turns(factory, 12, hold=0.01)
    assert peak == 3
    assert order == list(range(12))


def _community_selects(engine: AsyncEngine) -> list[str]:
    seen: list[str] = []

    def record(*args: object) -> None:
        statement = str(args[2])
        if statement.startswith("SELECT") and "communities.platform = " in statement:
            seen.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    return seen


async def test_a_committed_community_is_not_looked_up_again(tmp_path: Path) -> None:
    async with migrated_engine("sqlite", tmp_path) as engine:
        factory = make_uow_factory(engine, FakeClock(START))
        async with factory() as uow:
            first = await uow.communities.get_or_create(Platform.SLACK, "T1", "Team")
            await uow.commit()
        selects = _community_selects(engine)
        async with factory() as uow:
            again = await uow.communities.get_or_create(Platform.SLACK, "T1", "Team")
            await uow.members.get_or_create(again.id, "U1", "Ann")
            await uow.commit()
    assert again == first
    assert selects == []


async def test_a_rolled_back_community_is_not_remembered(tmp_path: Path) -> None:
    async with migrated_engine("sqlite", tmp_path) as engine:
        factory = make_uow_factory(engine, FakeClock(START))
        async with factory() as uow:
            await uow.communities.get_or_create(Platform.SLACK, "gone", "Gone")
            await uow.communities.get_or_create(Platform.SLACK, "gone", "Gone")  # read back
        async with factory() as uow:
            other = await uow.communities.get_or_create(Platform.SLACK, "other", "Other")
            await uow.commit()
        async with factory() as uow:
            gone = await uow.communities.get_or_create(Platform.SLACK, "gone", "Gone")
            await uow.commit()
        async with factory() as uow:
            assert await uow.communities.find(Platform.SLACK, "gone") == gone
    assert gone.id != other.id


async def test_a_renamed_community_is_refreshed_in_the_database(tmp_path: Path) -> None:
    async with migrated_engine("sqlite", tmp_path) as engine:
        factory = make_uow_factory(engine, FakeClock(START))
        for name in ("Old name", "New name"):
            async with factory() as uow:
                await uow.communities.get_or_create(Platform.DISCORD, "guild", name)
                await uow.commit()
        async with make_uow_factory(engine, FakeClock(START))() as uow:
            stored = await uow.communities.find(Platform.DISCORD, "guild")
    assert stored is not None
    assert stored.name == "New name"


async def test_a_unit_of_work_kept_waiting_too_long_fails_clearly(tmp_path: Path) -> None:
    async with migrated_engine("sqlite", tmp_path) as engine:
        factory = make_uow_factory(engine, FakeClock(START), wait=0.05)
        async def another_member() -> None:
            async with factory():
                pass

        async with factory():
            with pytest.raises(DatabaseBusyError, match=r"over 0\.05 s"):
                await asyncio.create_task(another_member())
        # The turn is free again: units one after another never wait (two at once would make
        # the second wait for the first, which can exceed 50 ms on a loaded machine).
        for _ in range(2):
            async with asyncio.timeout(BOUND), factory() as uow:
                await uow.communities.get_or_create(Platform.DISCORD, "g", "G")
                await uow.commit()


async def test_a_sqlite_reader_does_not_wait_for_the_writer_and_sees_the_last_commit(
    tmp_path: Path,
) -> None:
    async with migrated_engine("sqlite", tmp_path) as engine:
        factory = make_uow_factory(engine, FakeClock(START), wait=0.5)
        async with factory() as uow:
            await uow.communities.get_or_create(Platform.SLACK, "T1", "Committed")
            await uow.commit()
        async with factory() as writer:
            await writer.communities.get_or_create(Platform.SLACK, "T2", "Uncommitted")
            async with asyncio.timeout(BOUND), factory(read_only=True) as reader:
                seen = [await reader.communities.find(Platform.SLACK, t) for t in ("T1", "T2")]
            await writer.commit()
    assert seen[0] is not None
    assert seen[1] is None


async def test_a_read_only_unit_of_work_cannot_write_and_leaves_no_trace(tmp_path: Path) -> None:
    async with migrated_engine("sqlite", tmp_path) as engine:
        factory = make_uow_factory(engine, FakeClock(START))
        with pytest.raises(OperationalError, match="readonly"):
            async with factory(read_only=True) as reader:
                await reader.communities.get_or_create(Platform.SLACK, "T1", "Team")
        for name in ("T1", "T2"):  # the pooled connection writes again afterwards
            async with factory() as uow:
                await uow.communities.get_or_create(Platform.SLACK, name, "Team")
                await uow.commit()
        async with factory(read_only=True) as reader:
            found = await reader.communities.find(Platform.SLACK, "T2")
    assert found is not None


@pytest.mark.postgres
@pytest.mark.skipif(postgres_url() is None, reason=f"{POSTGRES_URL_ENV} is not set")
async def test_a_postgres_read_only_unit_of_work_cannot_write() -> None:
    async with migrated_engine("postgres") as engine:
        factory = make_uow_factory(engine, FakeClock(START), connections=1)
        with pytest.raises(DBAPIError, match="read-only transaction"):
            async with factory(read_only=True) as reader:
                await reader.communities.get_or_create(Platform.SLACK, "T1", "Team")
        async with factory() as uow:
            await uow.communities.get_or_create(Platform.SLACK, "T1", "Team")
            await uow.commit()
        async with factory(read_only=True) as reader:
            assert await reader.communities.find(Platform.SLACK, "T1") is not None


async def test_a_nested_writing_unit_of_work_on_sqlite_fails_at_once(tmp_path: Path) -> None:
    async with migrated_engine("sqlite", tmp_path) as engine:
        factory = make_uow_factory(engine, FakeClock(START), wait=BOUND)
        async with asyncio.timeout(BOUND / 2), factory() as outer:  # waiting for itself: hangs
            await outer.communities.get_or_create(Platform.SLACK, "T1", "Team")
            with pytest.raises(RuntimeError, match="would wait for itself"):
                async with factory():
                    pass
            async with factory(read_only=True) as reader:  # reading beside it is fine
                assert await reader.communities.find(Platform.SLACK, "T1") is None
            await outer.commit()
        order, _ = await _turns(factory, 2)
    assert order == [0, 1]


async def test_every_turn_reports_how_long_it_waited(tmp_path: Path) -> None:
    waits: list[float] = []
    async with migrated_engine("sqlite", tmp_path) as engine:
        factory = make_uow_factory(engine, FakeClock(START), on_wait=waits.append)
        await _turns(factory, 3, hold=0.02)
        async with factory(read_only=True):  # readers take no turn, so report no wait
            pass
    assert len(waits) == 3
    assert min(waits) < 0.01
    assert max(waits) >= 0.03  # the third waited for two holds of 20 ms


@pytest.mark.postgres
@pytest.mark.skipif(postgres_url() is None, reason=f"{POSTGRES_URL_ENV} is not set")
async def test_a_connection_lost_at_commit_makes_the_outcome_unknown() -> None:
    async with migrated_engine("postgres") as engine:
        admin = engine.execution_options(isolation_level="AUTOCOMMIT")
        factory = make_uow_factory(engine, FakeClock(START))
        async with factory() as uow:
            await uow.communities.get_or_create(Platform.SLACK, "T1", "Team")
            pid = await _session(uow).scalar(text("SELECT pg_backend_pid()"))
            async with admin.connect() as connection:
                await connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            with pytest.raises(CommitOutcomeUnknown) as unsure:
                await uow.commit()
        assert isinstance(unsure.value.__cause__, DBAPIError)
        assert unsure.value.__cause__.connection_invalidated
        async with factory() as uow:  # a fresh connection; here the server had not committed
            assert await uow.communities.find(Platform.SLACK, "T1") is None


async def test_a_commit_sqlite_refuses_keeps_its_error_and_leaves_a_usable_connection(
        tmp_path: Path) -> None:
    async with migrated_engine("sqlite", tmp_path) as engine:
        factory = make_uow_factory(engine, FakeClock(START))
        async with factory() as uow:
            await uow.communities.get_or_create(Platform.SLACK, "T1", "Team")
            await _session(uow).execute(text("PRAGMA defer_foreign_keys = ON"))
            await _session(uow).execute(text(
                "INSERT INTO members (community_id, external_id, display_name, created_at) "
                "VALUES (999, 'ghost', 'Ghost', '2026-11-21 10:00:00')"))
            with pytest.raises(IntegrityError, match="FOREIGN KEY"):
                await uow.commit()  # refused for certain: the member is not saved
        async with factory(read_only=True) as reader:
            assert await reader.communities.find(Platform.SLACK, "T1") is None
            count = await _session(reader).scalar(text("SELECT count(*) FROM members"))
        async with factory() as uow:  # the pooled connection was not left inside a transaction
            await uow.communities.get_or_create(Platform.SLACK, "T2", "Team")
            await uow.commit()
    assert count == 0


@pytest.mark.parametrize("backend", ["sqlite", postgres_param()])
async def test_a_read_only_unit_stays_read_only_after_a_commit(
        backend: SqlBackend, tmp_path: Path) -> None:
    async with migrated_engine(backend, tmp_path) as engine:
        factory = make_uow_factory(engine, FakeClock(START))
        async with factory(read_only=True) as reader:
            assert await reader.communities.find(Platform.SLACK, "T1") is None
            await reader.commit()  # the next transaction of this unit is read-only too
            with pytest.raises(DBAPIError, match=r"readonly|read-only"):
                await reader.communities.get_or_create(Platform.SLACK, "T1", "Team")
        async with factory() as uow:  # writers are unaffected
            await uow.communities.get_or_create(Platform.SLACK, "T1", "Team")
            await uow.commit()


async def test_on_an_in_memory_database_a_reader_waits_for_the_writer_and_breaks_nothing(
) -> None:
    engine = create_engine("sqlite+aiosqlite:///:memory:")
    try:
        await upgrade(engine)
        factory = make_uow_factory(engine, FakeClock(START))
        async with factory() as writer:
            await writer.communities.get_or_create(Platform.SLACK, "T1", "Team")

            async def read() -> bool:
                async with factory(read_only=True) as reader:
                    return await reader.communities.find(Platform.SLACK, "T1") is not None

            reading = asyncio.create_task(read())
            for _ in range(20):
                await asyncio.sleep(0)
            assert not reading.done()  # one shared connection: it waits for the writer's turn
            await writer.communities.get_or_create(Platform.SLACK, "T2", "Team")
            await writer.commit()
        assert await reading is True
        async with factory(read_only=True) as reader:
            assert await reader.communities.find(Platform.SLACK, "T2") is not None
    finally:
        await engine.dispose()
