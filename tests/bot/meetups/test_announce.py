"""The meetup card: concurrent answers refresh it in order, bursts share one refresh, and a
refresh survives its caller being cancelled or a pass failing."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

import pytest

from bot.outbox import Recipient, RecordingMessenger, SendResult, SendStatus
from bot.replies import Reply
from tests.bot.meetups.conftest import Community, announce, berlin, make_community


@dataclass
class HeldEditor(RecordingMessenger):
    """Edits posted cards; the first edit waits until the test lets it finish."""

    edits: list[Reply] = field(default_factory=list)
    entered: asyncio.Event = field(default_factory=asyncio.Event)
    release: asyncio.Event = field(default_factory=asyncio.Event)
    broken: int = 0  # this many edits after the first raise

    async def edit(self, recipient: Recipient, platform_message_id: str,
                   reply: Reply) -> SendResult:
        if not self.entered.is_set():
            self.entered.set()
            await self.release.wait()
        elif self.broken:
            self.broken -= 1
            raise RuntimeError("the platform's client blew up")
        self.edits.append(reply)
        return SendResult(SendStatus.SENT, platform_message_id)

    def shown(self) -> str:
        """The answers field of the card as it stands after the last edit."""
        card = self.edits[-1].cards[0]
        return next(f.value for f in card.fields if f.name == "Answers")


async def _held_town() -> tuple[Community, HeldEditor, int]:
    editor = HeldEditor()
    town = await berlin(make_community(messenger=editor))
    meetup_id = await announce(town, 'title="Rust" when="tomorrow 19:00"')
    return town, editor, meetup_id


async def _spin() -> None:
    for _ in range(50):  # let every ready task run as far as it can
        await asyncio.sleep(0)


async def test_an_answer_that_reads_later_edits_the_card_later() -> None:
    town, editor, meetup_id = await _held_town()
    first = asyncio.create_task(town.say("ana", f"/rsvp {meetup_id} going"))
    await editor.entered.wait()  # ana's refresh read "1 going" and is editing
    second = asyncio.create_task(town.say("ben", f"/rsvp {meetup_id} going"))
    await _spin()  # ben's answer is committed; its refresh waits for ana's to finish
    assert editor.edits == []
    editor.release.set()
    await asyncio.gather(first, second)
    assert editor.shown() == "2 going"
    assert len(editor.edits) == 2
    assert len(town.services.cards) == 0  # nothing kept per meetup once done


async def test_a_burst_of_answers_edits_the_card_once_more_not_once_each() -> None:
    town, editor, meetup_id = await _held_town()
    first = asyncio.create_task(town.say("ana", f"/rsvp {meetup_id} going"))
    await editor.entered.wait()
    names = [f"m{i}" for i in range(8)]
    burst = [asyncio.create_task(town.say(n, f"/rsvp {meetup_id} going")) for n in names]
    await _spin()
    editor.release.set()
    replies = await asyncio.gather(first, *burst)
    assert not any(r.is_error for r in replies)
    assert editor.shown() == "9 going"
    assert len(editor.edits) == 2  # ana's, then one for the whole burst


async def test_a_refresh_still_runs_when_the_answer_that_asked_for_it_is_cancelled() -> None:
    town, editor, meetup_id = await _held_town()
    first = asyncio.create_task(town.say("ana", f"/rsvp {meetup_id} going"))
    await editor.entered.wait()
    second = asyncio.create_task(town.say("ben", f"/rsvp {meetup_id} going"))
    await _spin()  # ben's answer is committed and waits for its refresh
    second.cancel()  # e.g. the adapter gave up on the command at shutdown
    editor.release.set()
    await first
    await town.services.cards.settle()
    assert second.cancelled()
    assert editor.shown() == "2 going"


async def test_a_failed_refresh_is_logged_and_the_answer_still_stands(
        caplog: pytest.LogCaptureFixture) -> None:
    town, editor, meetup_id = await _held_town()
    editor.entered.set()
    editor.release.set()
    editor.broken = 1
    with caplog.at_level(logging.ERROR, "bot.meetups.card_refresh"):
        reply = await town.say("ana", f"/rsvp {meetup_id} going")
    assert not reply.is_error  # the answer is saved; only the card is behind
    assert "You're going" in reply.text
    assert "refreshing the card" in caplog.text
    await town.say("ben", f"/rsvp {meetup_id} going")
    assert editor.shown() == "2 going"
