"""Faults: the database is unavailable for a while during a command or a reminder send.

A real SQLite file is locked by another connection holding ``BEGIN EXCLUSIVE`` for longer than
the (lowered) busy timeout, then released. The member is asked to try again, nothing is
half-written, and the reminder goes out on a later run, exactly once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

import storage.engine
from bot.bootstrap import build_services
from bot.clock import FakeClock
from bot.commandline import parse_command
from bot.dispatcher import TRY_AGAIN, Dispatcher
from bot.domain.community import Actor, Platform
from bot.meetups.composer import MeetupComposer
from bot.outbox import Outgoing, RecordingMessenger, SendResult
from bot.reminders.dispatcher import ReminderDispatcher
from bot.replies import Reply
from bot.services import Services
from bot.settings import load_settings
from storage.uow import make_uow_factory
from tests.support.databases import migrated_engine

NOW = datetime(2026, 11, 21, 11, 0, tzinfo=UTC)


@dataclass
class Bot:
    """Services on a SQLite file, the file's path and the dispatcher."""

    services: Services
    clock: FakeClock
    messenger: RecordingMessenger
    path: Path

    async def say(self, name: str, line: str) -> Reply:
        """Run a command line as ``name`` (olga organizes)."""
        actor = Actor(Platform.CONSOLE, "local", "Local", name, name.title(), name == "olga")
        return await Dispatcher(self.services).handle(parse_command(line, actor))

    def reminders(self) -> ReminderDispatcher:
        """A reminder dispatcher over the same database."""
        composer = MeetupComposer(self.services.uow, self.services.meetups, self.clock)
        return ReminderDispatcher(self.services.uow, self.messenger, composer, self.clock,
                                  self.services.reminders, owner="test")

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Another connection holds the database exclusively until the block ends."""
        other = sqlite3.connect(self.path, isolation_level=None)
        try:
            other.execute("BEGIN EXCLUSIVE")
            yield
            other.execute("ROLLBACK")
        finally:
            other.close()


@pytest.fixture
async def bot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Bot]:
    monkeypatch.setattr(storage.engine, "SQLITE_BUSY_TIMEOUT_MS", 200)
    async with migrated_engine("sqlite", tmp_path) as engine:
        clock = FakeClock(NOW)
        messenger = RecordingMessenger()
        settings = load_settings(None, env={"MENTORMEET_MEETUPS_CHANNEL_REMINDERS": "false"})
        services = build_services(settings, make_uow_factory(engine, clock), messenger, clock)
        path = Path(str(engine.url.database))
        yield Bot(services, clock, messenger, path)


async def _profile_text(bot: Bot) -> str:
    reply = await bot.say("alice", "/profile")
    return "\n".join(f"{f.name} {f.value}" for card in reply.cards for f in card.fields)


async def test_a_command_while_the_database_is_locked_asks_to_try_again(bot: Bot) -> None:
    assert not (await bot.say("alice", "/intro I write Python, learning Rust")).is_error
    before = await _profile_text(bot)
    with bot.locked():
        reply = await bot.say("alice", "/profile edit add Go, Kafka; timezone Europe/Berlin")
    assert reply.is_error
    assert reply.text == TRY_AGAIN
    assert await _profile_text(bot) == before  # nothing half-written
    again = await bot.say("alice", "/profile edit add Go, Kafka; timezone Europe/Berlin")
    assert not again.is_error, again.text
    after = await _profile_text(bot)
    assert "Go" in after
    assert "Kafka" in after


async def test_creating_a_meetup_while_locked_leaves_no_draft(bot: Bot) -> None:
    with bot.locked():
        reply = await bot.say("olga", '/meetup create title=Locked when="next Monday 19:00"')
    assert reply.text == TRY_AGAIN
    listing = await bot.say("olga", "/meetup list")
    assert "Locked" not in listing.text + "".join(c.title for c in listing.cards)
    preview = await bot.say("olga", '/meetup create title=Locked when="next Monday 19:00"')
    assert not preview.is_error


async def test_a_reminder_due_while_locked_is_sent_once_after_release(bot: Bot) -> None:
    preview = await bot.say("olga", '/meetup create title="Rust night" when="2026-11-23 19:00" '
                                    "remind=1h")
    confirm = next(b.command for b in preview.buttons if b.command.startswith("/meetup confirm"))
    assert not (await bot.say("olga", confirm)).is_error
    meetup_id = confirm.rsplit(" ", 1)[1]
    assert not (await bot.say("alice", f"/rsvp {meetup_id} going")).is_error
    bot.messenger.sent.clear()
    bot.clock.advance(datetime(2026, 11, 23, 18, 0, tzinfo=UTC) - bot.clock.now())
    with bot.locked(), pytest.raises(OperationalError):
        await bot.reminders().run()
    assert bot.messenger.to("alice") == []
    report = await bot.reminders().run()  # the next run, after the database is back
    assert report.sent == 1
    assert len(bot.messenger.to("alice")) == 1
    bot.clock.advance(timedelta(minutes=5))
    assert (await bot.reminders().run()).sent == 0
    assert len(bot.messenger.to("alice")) == 1


class LockingMessenger(RecordingMessenger):
    """Records sends; the first send locks the database (it goes away mid-dispatch)."""

    def __init__(self, bot: Bot) -> None:
        super().__init__()
        self._bot = bot
        self.lock: sqlite3.Connection | None = None

    async def send(self, message: Outgoing) -> SendResult:
        """Record the message; on the first one, take the database away."""
        if self.lock is None:
            self.lock = sqlite3.connect(self._bot.path, isolation_level=None)
            self.lock.execute("BEGIN EXCLUSIVE")
        return await super().send(message)


async def test_the_database_going_away_during_a_send_means_a_retry_with_the_same_key(
        bot: Bot) -> None:
    preview = await bot.say("olga", '/meetup create title="Rust night" when="2026-11-23 19:00" '
                                    "remind=1h")
    confirm = next(b.command for b in preview.buttons if b.command.startswith("/meetup confirm"))
    await bot.say("olga", confirm)
    await bot.say("alice", f"/rsvp {confirm.rsplit(' ', 1)[1]} going")
    bot.clock.advance(datetime(2026, 11, 23, 18, 0, tzinfo=UTC) - bot.clock.now())
    flaky = LockingMessenger(bot)
    bot.messenger = flaky
    with pytest.raises(OperationalError):
        await bot.reminders().run()  # sent, but the outcome could not be recorded
    assert flaky.lock is not None
    flaky.lock.execute("ROLLBACK")
    flaky.lock.close()
    bot.clock.advance(bot.services.reminders.lease + timedelta(seconds=1))
    await bot.reminders().run()  # the lease ran out: the delivery is taken up again
    keys = [message.idempotency_key for message in flaky.to("alice")]
    # At most one more attempt, with the same key, so the platform (or the test sink) drops it.
    assert len(keys) == 2
    assert len(set(keys)) == 1
    bot.clock.advance(timedelta(minutes=5))
    await bot.reminders().run()
    assert len(flaky.to("alice")) == 2
