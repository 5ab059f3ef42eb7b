"""RSVPs: reminders follow the answer, a capacity queues later "going", a freed seat promotes."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from bot.meetups.config import MeetupPolicy
from bot.meetups.domain import RsvpStatus
from bot.outbox import Recipient, RecordingMessenger, SendResult, SendStatus
from bot.reminders.domain import DeliveryKind, DeliveryStatus
from bot.replies import Reply
from tests.bot.meetups.conftest import Community, announce, berlin, make_community

START = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)  # "tomorrow 19:00" in Berlin


async def _member_ids(town: Community) -> dict[str, int]:
    async with town.services.uow() as uow:
        community = await uow.communities.get_or_create(
            town.actor("x").platform, "guild", "Guild"
        )
        names = ("ana", "ben", "cy", "dan", "eve")
        found = {n: await uow.members.find(community.id, n) for n in names}
    return {n: m.id for n, m in found.items() if m is not None}


async def _statuses(town: Community, meetup_id: int) -> dict[str, RsvpStatus]:
    ids = {v: k for k, v in (await _member_ids(town)).items()}
    async with town.services.uow() as uow:
        community = await uow.communities.get_or_create(town.actor("x").platform, "guild", "G")
        rsvps = await uow.meetups.rsvps.for_meetup(community.id, meetup_id)
    return {ids[r.member_id]: r.status for r in rsvps}


async def test_going_plans_a_reminder_per_offset_in_the_same_unit_of_work(
    town: Community,
) -> None:
    meetup_id = await announce(town, 'title="Rust" when="tomorrow 19:00" remind=24h,1h')
    reply = await town.say("ana", f"/rsvp {meetup_id} going")
    assert reply.text.startswith("You're going to Rust — Sun 22 Nov 2026, 18:00–20:00 UTC")
    ids = await _member_ids(town)
    owed = await town.deliveries(meetup_id)
    assert [(d.member_id, d.offset, d.due_at) for d in owed] == [
        (ids["ana"], timedelta(hours=24), START - timedelta(hours=24)),
        (ids["ana"], timedelta(hours=1), START - timedelta(hours=1)),
    ]
    assert all(d.kind is DeliveryKind.REMINDER and d.expires_at == START for d in owed)
    assert town.rings[-1] == START - timedelta(hours=24)


async def test_reminders_already_due_are_not_planned_and_maybe_gets_none(
    town: Community,
) -> None:
    meetup_id = await announce(town, 'title="Soon" when="in 30 minutes" remind=1h,10m')
    await town.say("ana", f"/rsvp {meetup_id} going")
    await town.say("ben", f"/rsvp {meetup_id} maybe")
    owed = await town.deliveries(meetup_id)
    ids = await _member_ids(town)
    assert [(d.member_id, d.offset) for d in owed] == [(ids["ana"], timedelta(minutes=10))]


async def test_changing_from_going_drops_pending_reminders(town: Community) -> None:
    meetup_id = await announce(town, 'title="Rust" when="tomorrow 19:00"')
    await town.say("ana", f"/rsvp {meetup_id} going")
    assert len(await town.deliveries(meetup_id)) == 2
    await town.say("ana", f"/rsvp {meetup_id} maybe")
    assert await town.deliveries(meetup_id) == []
    await town.say("ana", f"/rsvp {meetup_id} going")
    assert len(await town.deliveries(meetup_id)) == 2


async def test_waitlist_promotion_gives_the_seat_plans_reminders_and_tells_the_member(
    town: Community,
) -> None:
    meetup_id = await announce(town, 'title="Tiny" when="tomorrow 19:00" capacity=2')
    for name in ("ana", "ben"):
        await town.say(name, f"/rsvp {meetup_id} going")
    cy = await town.say("cy", f"/rsvp {meetup_id} going")
    dan = await town.say("dan", f"/rsvp {meetup_id} going")
    assert "#1 on the waitlist" in cy.text
    assert "#2 on the waitlist" in dan.text
    ids = await _member_ids(town)
    assert {d.member_id for d in await town.deliveries(meetup_id)} == {ids["ana"], ids["ben"]}

    await town.say("ana", f"/rsvp {meetup_id} no")
    assert await _statuses(town, meetup_id) == {
        "ana": RsvpStatus.NO, "ben": RsvpStatus.GOING, "cy": RsvpStatus.GOING,
        "dan": RsvpStatus.WAITLISTED,
    }
    owed = await town.deliveries(meetup_id)
    reminders = {d.member_id for d in owed if d.kind is DeliveryKind.REMINDER}
    assert reminders == {ids["ben"], ids["cy"]}
    (notice,) = [d for d in owed if d.kind is DeliveryKind.NOTICE]
    assert notice.member_id == ids["cy"]
    assert town.texts("cy") == []  # written in the transaction, sent by the dispatcher
    report = await town.deliver()
    assert report.sent == 1
    (told,) = town.texts("cy")
    assert told.startswith("🎉 A seat opened up: you're now going to Tiny")
    assert (await town.deliver()).claimed == 0  # exactly once


async def test_the_card_counts_are_reposted_without_an_editing_messenger(
    town: Community,
) -> None:
    meetup_id = await announce(town, 'title="Rust" when="tomorrow 19:00" capacity=1')
    await town.say("ana", f"/rsvp {meetup_id} going")
    await town.say("ben", f"/rsvp {meetup_id} going")
    cards = [m.reply.cards[0] for m in town.messenger.to("#meetups")]
    answers = [next(f.value for f in c.fields if f.name == "Answers") for c in cards]
    assert answers == ["0/1 going", "1/1 going", "1/1 going · 1 on the waitlist"]
    await town.say("ana", f"/rsvp {meetup_id} going")  # no change: no new card
    assert len(town.messenger.to("#meetups")) == 3


@dataclass
class EditingMessenger(RecordingMessenger):
    """A messenger that can edit posted messages."""

    edits: list[tuple[str, Reply]] = field(default_factory=list)

    async def edit(self, recipient: Recipient, platform_message_id: str,
                   reply: Reply) -> SendResult:
        self.edits.append((platform_message_id, reply))
        return SendResult(SendStatus.SENT, platform_message_id)


async def test_an_editing_messenger_updates_the_card_in_place() -> None:
    town = await berlin(make_community())
    editing = EditingMessenger()
    town.services = town.services.__class__(**{
        **{f: getattr(town.services, f) for f in town.services.__dataclass_fields__},
        "messenger": editing,
    })
    town.messenger = editing
    from bot.dispatcher import Dispatcher

    town.dispatcher = Dispatcher(town.services)
    meetup_id = await announce(town, 'title="Rust" when="tomorrow 19:00"')
    await town.say("ana", f"/rsvp {meetup_id} going")
    assert len(editing.to("#meetups")) == 1
    ((message_id, reply),) = editing.edits
    assert message_id == "rec-1"
    assert any(f.value == "1 going" for f in reply.cards[0].fields)


async def test_answers_to_cancelled_unknown_and_past_meetups_are_refused(
    town: Community,
) -> None:
    meetup_id = await announce(town, 'title="Rust" when="in 1 hour" duration=1h')
    assert "no meetup #999" in (await town.say("ana", "/rsvp 999 going")).text
    town.clock.advance(timedelta(hours=2, minutes=1))
    assert "is over" in (await town.say("ana", f"/rsvp {meetup_id} going")).text
    later = await announce(town, 'title="Later" when="tomorrow 19:00"')
    await town.say("olga", f"/meetup cancel {later} confirm")
    assert "was cancelled" in (await town.say("ana", f"/rsvp {later} going")).text


async def test_simultaneous_answers_never_exceed_the_capacity() -> None:
    town = await berlin(make_community())
    meetup_id = await announce(town, 'title="Hot" when="tomorrow 19:00" capacity=3')
    names = [f"m{i}" for i in range(12)]
    await asyncio.gather(*(town.say(n, f"/rsvp {meetup_id} going") for n in names))
    async with town.services.uow() as uow:
        community = await uow.communities.get_or_create(town.actor("x").platform, "guild", "G")
        rsvps = await uow.meetups.rsvps.for_meetup(community.id, meetup_id)
    assert sum(r.status is RsvpStatus.GOING for r in rsvps) == 3
    assert sum(r.status is RsvpStatus.WAITLISTED for r in rsvps) == 9


async def test_channel_reminders_are_planned_when_the_community_wants_them() -> None:
    town = await berlin(make_community(MeetupPolicy(channel="events", channel_reminders=True)))
    meetup_id = await announce(town, 'title="Rust" when="tomorrow 19:00" remind=1h')
    (post,) = await town.deliveries(meetup_id)
    assert post.channel == "events"
    assert post.member_id is None
    await town.deliver(START - timedelta(hours=1))
    (text,) = town.texts("#events")[1:]
    assert text.startswith("⏰ Reminder: Rust starts in 1 hour")
    assert text.endswith("0 going")


async def test_times_are_shown_in_each_members_zone(town: Community) -> None:
    meetup_id = await announce(town, 'title="Rust" when="tomorrow 19:00"')
    await town.say("ana", "/timezone Asia/Tokyo")
    reply = await town.say("ana", f"/rsvp {meetup_id} going")
    assert "Mon 23 Nov 2026, 03:00–05:00 JST (Asia/Tokyo)" in reply.text
    await town.say("ana", "/timezone America/New_York")  # reminders use the zone at send time
    await town.deliver(START - timedelta(hours=24))
    (reminder,) = town.texts("ana")
    assert reminder.startswith("⏰ Reminder: Rust starts in 1 day — Sun 22 Nov 2026, 13:00–15:00 "
                               "EST (America/New_York)")
    assert [d.status for d in await town.deliveries(meetup_id)] == [
        DeliveryStatus.SENT, DeliveryStatus.PENDING
    ]
