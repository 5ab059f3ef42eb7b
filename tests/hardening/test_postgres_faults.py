"""Faults: PostgreSQL terminates the bot's connections while members use commands.

An admin session kills every other client backend of the test's database (see
``tests/support/pg_faults.py``): while the bot's connections sit idle in the pool (pre-ping must
replace them) and in the middle of a unit of work (the member is asked to try again and nothing
is half-written), once at a chosen point and then at random moments.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Literal

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from bot.dispatcher import TRY_AGAIN, UNSURE
from bot.domain.community import Platform
from bot.domain.profile import Profile
from storage.health import SqlDatabaseProbe
from storage.repositories import SqlProfileRepository
from storage.uow import SqlUnitOfWork
from tests.support.databases import postgres_param
from tests.support.pg_faults import (
    KILL_WAIT,
    Admin,
    Bot,
    KillSwitch,
    kill_now_and_then,
    killable_bot,
)


@pytest.fixture(params=[postgres_param()])
async def bot() -> AsyncIterator[Bot]:
    async with killable_bot() as killable:
        yield killable


async def _profile_text(bot: Bot, name: str = "alice") -> str:
    reply = await bot.say(name, "/profile")
    assert not reply.is_error, reply.text
    return "\n".join(f"{f.name} {f.value}" for card in reply.cards for f in card.fields)


async def _fill_the_pool(bot: Bot, name: str, at_once: int = 3) -> None:
    """Several commands at once, so the pool holds several connections (all idle afterwards)."""
    replies = await asyncio.gather(*(bot.say(name, "/profile") for _ in range(at_once)))
    assert not any(r.is_error for r in replies)


async def test_commands_after_the_pooled_connections_were_killed_succeed(bot: Bot) -> None:
    assert not (await bot.say("alice", "/intro I write Python, learning Rust")).is_error
    before = await _profile_text(bot)
    await _fill_the_pool(bot, "alice")
    assert await bot.admin.others() >= 2
    assert await bot.admin.kill() >= 2  # every pooled connection is dead now
    assert await bot.admin.others() == 0
    assert await _profile_text(bot) == before  # pre-ping replaced the dead connection
    edit = await bot.say("alice", "/profile edit add Go, Kafka; timezone Europe/Berlin")
    assert not edit.is_error, edit.text
    assert await bot.admin.kill() >= 1
    after = await _profile_text(bot)  # nothing acknowledged was lost
    assert "Go" in after
    assert "Kafka" in after
    assert "Python" in after
    assert not (await bot.say("bob", "/intro Kubernetes and Terraform, learning Go")).is_error
    assert "Kubernetes" in await _profile_text(bot, "bob")
    assert await bot.admin.kill() >= 1
    await SqlDatabaseProbe(bot.engine).ping()  # /healthz recovers the same way


KillPoint = Literal["before commit", "between statements"]


class PointedSwitch(KillSwitch):
    """A kill switch that knows the reply its kill point earns."""

    def __init__(self, admin: Admin, reply: str) -> None:
        super().__init__(admin)
        self.reply = reply



@pytest.fixture(params=["before commit", "between statements"])
def kill_switch(bot: Bot, request: pytest.FixtureRequest,
                monkeypatch: pytest.MonkeyPatch) -> PointedSwitch:
    point: KillPoint = request.param
    # Killed before its COMMIT, the command cannot tell whether the server committed.
    switch = PointedSwitch(bot.admin, UNSURE if point == "before commit" else TRY_AGAIN)
    if point == "before commit":
        commit = SqlUnitOfWork.commit

        async def killing_commit(self: SqlUnitOfWork) -> None:
            await switch.maybe_fire()
            await commit(self)

        monkeypatch.setattr(SqlUnitOfWork, "commit", killing_commit)
    else:
        save = SqlProfileRepository.save

        async def killing_save(self: SqlProfileRepository, profile: Profile) -> None:
            await switch.maybe_fire()  # after the reads (and a new member's row), before this
            await save(self, profile)

        monkeypatch.setattr(SqlProfileRepository, "save", killing_save)
    return switch


async def test_a_connection_killed_inside_a_command_asks_to_try_again(
        bot: Bot, kill_switch: PointedSwitch) -> None:
    assert not (await bot.say("alice", "/intro I write Python, learning Rust")).is_error
    before = await _profile_text(bot)
    kill_switch.armed = True
    reply = await bot.say("alice", "/profile edit add Go, Kafka; timezone Europe/Berlin")
    assert kill_switch.fired == 1
    assert reply.is_error
    assert reply.text == kill_switch.reply
    assert await _profile_text(bot) == before  # nothing half-written
    again = await bot.say("alice", "/profile edit add Go, Kafka; timezone Europe/Berlin")
    assert not again.is_error, again.text
    after = await _profile_text(bot)
    assert "Go" in after
    assert "Kafka" in after


async def test_a_first_intro_killed_midway_leaves_no_member_row(
        bot: Bot, kill_switch: PointedSwitch) -> None:
    assert not (await bot.say("alice", "/intro I write Python")).is_error  # the community exists
    kill_switch.armed = True
    reply = await bot.say("bob", "/intro Kubernetes and Terraform, learning Go")
    assert kill_switch.fired == 1
    assert reply.text == kill_switch.reply
    assert await bot.count_members("bob") == 0  # the member insert was rolled back with the rest
    assert await bot.count_profiles("bob") == 0
    assert (await bot.say("bob", "/profile")).is_error  # "You have no profile yet"
    assert not (await bot.say("bob", "/intro Kubernetes and Terraform, learning Go")).is_error
    assert "Kubernetes" in await _profile_text(bot, "bob")
    assert await bot.count_members("bob") == 1


async def test_a_unit_of_work_whose_backend_dies_fails_with_an_invalidated_connection(
        bot: Bot) -> None:
    uow = bot.services.uow
    async with uow() as work:
        community = await work.communities.get_or_create(Platform.CONSOLE, "local", "Local")
        await work.commit()

    async def add_two_members_killing_in_between() -> None:
        async with uow() as work:
            await work.members.get_or_create(community.id, "dora", "Dora")
            assert await bot.admin.kill() >= 1
            await work.members.get_or_create(community.id, "eve", "Eve")
            await work.commit()

    with pytest.raises(DBAPIError) as failure:  # SQLAlchemy's wrapper, not a bare asyncpg error
        await add_two_members_killing_in_between()
    assert failure.value.connection_invalidated  # the dead connection is not pooled again
    assert await bot.count_members("dora") == 0
    assert await bot.count_members("eve") == 0
    async with uow() as work:
        await work.members.get_or_create(community.id, "dora", "Dora")
        await work.commit()
    assert await bot.count_members("dora") == 1


async def test_a_statement_running_when_its_backend_dies_fails_with_an_invalidated_connection(
        bot: Bot) -> None:
    uow = bot.services.uow
    async with uow() as work:
        community = await work.communities.get_or_create(Platform.CONSOLE, "local", "Local")
        await work.commit()

    async def kill_while_sleeping() -> int:
        deadline = time.monotonic() + KILL_WAIT
        while not await bot.admin.running("SELECT pg_sleep"):
            assert time.monotonic() < deadline, "the statement never started"
            await asyncio.sleep(0.01)
        return await bot.admin.kill()

    async def sleep_while_killed() -> None:
        async with uow() as work:
            assert isinstance(work, SqlUnitOfWork)
            await work.members.get_or_create(community.id, "dora", "Dora")
            killer = asyncio.create_task(kill_while_sleeping())
            try:
                await work.session.execute(text("SELECT pg_sleep(30)"))
            finally:
                assert await killer >= 1

    with pytest.raises(DBAPIError) as failure:
        await sleep_while_killed()
    assert failure.value.connection_invalidated
    assert await bot.count_members("dora") == 0
    assert not (await bot.say("dora", "/intro I write Python")).is_error
    assert await bot.count_members("dora") == 1


async def test_commands_under_kills_at_random_moments_succeed_or_ask_to_try_again(
        bot: Bot, monkeypatch: pytest.MonkeyPatch) -> None:
    assert not (await bot.say("olga", "/intro I organise the Rust meetups")).is_error
    crowd = [f"m{i:02d}" for i in range(24)]
    intro = "/intro I write Python and SQL, learning Rust"

    # The first kill lands inside a command for sure: the first profile save waits for it. Left
    # to chance, every command could finish before the first kill on a fast (or unlucky) run,
    # and "the kills did hit commands" below would fail for no fault of the bot.
    saving, first_kill_done = asyncio.Event(), asyncio.Event()
    save = SqlProfileRepository.save

    async def first_save_waits_for_a_kill(self: SqlProfileRepository, profile: Profile) -> None:
        if not saving.is_set():
            saving.set()
            await first_kill_done.wait()  # this unit of work's connection dies meanwhile
        await save(self, profile)

    monkeypatch.setattr(SqlProfileRepository, "save", first_save_waits_for_a_kill)

    async def kill_inside_a_command_then_now_and_then() -> None:
        try:
            async with asyncio.timeout(KILL_WAIT * 6):  # a guard against hangs, not a speed bound
                await saving.wait()
            assert await bot.admin.kill() >= 1
        finally:
            first_kill_done.set()
        await kill_now_and_then(bot.admin, until=done, pause=0.01)

    done = asyncio.Event()
    killer = asyncio.create_task(kill_inside_a_command_then_now_and_then())
    try:
        replies = await asyncio.gather(*(bot.say(name, intro) for name in crowd))
    finally:
        done.set()
        await killer
    told_to_retry = [n for n, r in zip(crowd, replies, strict=True) if r.is_error]
    assert told_to_retry  # the kills did hit commands
    assert all(r.text in (TRY_AGAIN, UNSURE) for r in replies if r.is_error)
    for name in told_to_retry:  # never a member row without its profile
        assert await bot.count_members(name) == await bot.count_profiles(name)
    for name in crowd:
        if name in told_to_retry:
            assert not (await bot.say(name, intro)).is_error
        assert "Rust" in await _profile_text(bot, name)
        assert await bot.count_members(name) == 1

