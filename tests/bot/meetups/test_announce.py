"""The meetup card: concurrent answers refresh it in order, and bursts are coalesced."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from bot.outbox import Recipient, RecordingMessenger, SendResult, SendStatus
from bot.replies import Reply
from tests.bot.meetups.conftest import Community, announce, berlin, make_community


@dataclass
class HeldEditor(RecordingMessenger):
    """Edits posted cards; the first edit waits until the test lets it finish."""

    edits: list[Reply] = field(default_factory=list)
    entered: asyncio.Event = field(default_factory=asyncio.Event)
    release: asyncio.Event = field(default_factory=asyncio.Event)

    async def edit(self, recipient: Recipient, platform_message_id: str,
                   reply: Reply) -> SendResult:
        if not self.entered.is_set():
            self.entered.set()
            await self.release.wait()
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
