"""Commands that only show things run in read-only units of work and create nothing."""

from dataclasses import replace
from pathlib import Path

import pytest

from bot.clock import FakeClock
from bot.commandline import parse_command
from bot.dispatcher import Dispatcher
from bot.domain.community import Platform
from bot.ports import UnitOfWorkFactory
from bot.services import Services
from storage.uow import make_uow_factory
from tests.bot.handlers.conftest import NOW
from tests.support.actors import actor
from tests.support.databases import migrated_engine

SHOWING = {
    "/profile": "You have no profile yet",
    "/meetup list": "No upcoming meetups yet",
    "/meetup info 1": "There is no meetup #1 here",
    "/match status": "Nothing yet",
}


@pytest.mark.parametrize("line", sorted(SHOWING))
async def test_showing_in_a_community_never_seen_answers_and_creates_nothing(
    dispatcher: Dispatcher, uow_factory: UnitOfWorkFactory, line: str
) -> None:
    who = actor("ann")
    reply = await dispatcher.handle(parse_command(line, who))
    assert SHOWING[line].casefold() in reply.text.casefold()
    assert "try again" not in reply.text
    async with uow_factory(read_only=True) as uow:
        assert await uow.communities.find(Platform(who.platform), who.community_external_id) is None


async def test_showing_works_the_same_once_the_member_exists(
    dispatcher: Dispatcher, uow_factory: UnitOfWorkFactory
) -> None:
    ann = actor("ann")
    await dispatcher.handle(parse_command("/intro I write Python, learning Rust", ann))
    shown = await dispatcher.handle(parse_command("/profile", ann))
    assert not shown.is_error
    assert any("Python" in f.value for card in shown.cards for f in card.fields)
    status = await dispatcher.handle(parse_command("/match status", ann))
    assert "try again" not in status.text


@pytest.mark.parametrize("line", sorted(SHOWING))
async def test_on_sqlite_showing_does_not_queue_behind_a_writer(
    tmp_path: Path, services: Services, line: str
) -> None:
    async with migrated_engine("sqlite", tmp_path) as engine:
        factory = make_uow_factory(engine, FakeClock(NOW), wait=0.3)
        dispatcher = Dispatcher(replace(services, uow=factory))
        ann = actor("ann")
        await dispatcher.handle(parse_command("/intro I write Python, learning Rust", ann))
        async with factory() as writer:  # holds SQLite's one write turn meanwhile
            await writer.communities.get_or_create(Platform.SLACK, "T9", "Elsewhere")
            reply = await dispatcher.handle(parse_command(line, ann))
    assert "try again" not in reply.text
