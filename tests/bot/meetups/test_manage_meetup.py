"""Organizer changes: edit, cancel, skip and move re-plan reminders and tell who answered."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.meetups.domain import MeetupStatus
from bot.reminders.domain import DeliveryKind, DeliveryStatus
from tests.bot.meetups.conftest import Community, announce

START = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)  # Sunday 19:00 Berlin
THU = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)  # Thursday 19:00 Berlin


async def _meetup(town: Community, meetup_id: int) -> object:
    async with town.services.uow() as uow:
        community = await uow.communities.get_or_create(town.actor("x").platform, "guild", "G")
        return await uow.meetups.events.get(community.id, meetup_id)


async def test_editing_the_time_regenerates_pending_reminders_and_notifies_everyone(
    town: Community,
) -> None:
    meetup_id = await announce(town, 'title="Rust" when="tomorrow 19:00" remind=24h,1h')
    for name, answer in (("ana", "going"), ("ben", "maybe"), ("cy", "no")):
        await town.say(name, f"/rsvp {meetup_id} {answer}")
    await town.say("ben", "/timezone America/New_York")
    await town.deliver(START - timedelta(hours=24))  # the 24 h reminder goes out
    before = await town.deliveries(meetup_id)
    assert [(d.offset, d.status) for d in before] == [
        (timedelta(hours=24), DeliveryStatus.SENT), (timedelta(hours=1), DeliveryStatus.PENDING)
    ]

    reply = await town.say("olga", f'/meetup edit {meetup_id} when="Monday 20:00"')
    assert not reply.is_error, reply.text
    assert "letting the 3 members who answered know" in reply.text
    moved = START + timedelta(days=1, hours=1)
    after = await town.deliveries(meetup_id)
    reminders = [(d.occurrence_start, d.offset, d.status, d.due_at) for d in after
                 if d.kind is DeliveryKind.REMINDER]
    assert reminders == [
        (START, timedelta(hours=24), DeliveryStatus.SENT, START - timedelta(hours=24)),
        (moved, timedelta(hours=24), DeliveryStatus.PENDING, moved - timedelta(hours=24)),
        (moved, timedelta(hours=1), DeliveryStatus.PENDING, moved - timedelta(hours=1)),
    ]
    notices = [d for d in after if d.kind is DeliveryKind.NOTICE]
    assert len(notices) == 3
    assert (await town.deliver()).sent == 3
    (ben,) = town.texts("ben")
    assert ben == ("✏️ Rust has changed:\n• When: Sun 22 Nov 2026, 13:00 EST (America/New_York) "
                   "→ Mon 23 Nov 2026, 14:00–16:00 EST (America/New_York)")
    assert town.texts("cy")[0].startswith("✏️ Rust has changed")
    card = town.messenger.to("#meetups")[-1].reply.cards[0]
    assert any(f.value.startswith("Mon 23 Nov 2026, 20:00") for f in card.fields)


async def test_editing_the_place_notifies_and_keeps_reminder_keys(town: Community) -> None:
    meetup_id = await announce(town, 'title="Rust" when="tomorrow 19:00" where="Room 1"')
    await town.say("ana", f"/rsvp {meetup_id} going")
    keys = {d.idempotency_key for d in await town.deliveries(meetup_id)}
    await town.say("olga", f'/meetup edit {meetup_id} where="Room 2, 3rd floor"')
    after = await town.deliveries(meetup_id)
    assert {d.idempotency_key for d in after if d.kind is DeliveryKind.REMINDER} == keys
    await town.deliver()
    (notice,) = town.texts("ana")
    assert notice == "✏️ Rust has changed:\n• Where: Room 1 → Room 2, 3rd floor"
    await town.deliver(START - timedelta(hours=1))
    assert "Room 2, 3rd floor" in town.texts("ana")[-1]


async def test_an_edit_that_changes_nothing_attendees_care_about_sends_nothing(
    town: Community,
) -> None:
    meetup_id = await announce(town, 'title="Rust" when="tomorrow 19:00"')
    await town.say("ana", f"/rsvp {meetup_id} going")
    reply = await town.say("olga", f'/meetup edit {meetup_id} description="Bring snacks"')
    assert "letting" not in reply.text
    assert (await town.deliver()).claimed == 0


async def test_raising_the_capacity_promotes_the_waitlist(town: Community) -> None:
    meetup_id = await announce(town, 'title="Tiny" when="tomorrow 19:00" capacity=1')
    await town.say("ana", f"/rsvp {meetup_id} going")
    await town.say("ben", f"/rsvp {meetup_id} going")
    await town.say("olga", f"/meetup edit {meetup_id} capacity=none")
    await town.deliver()
    assert town.texts("ben")[0].startswith("🎉 A seat opened up")
    members = {d.member_id for d in await town.deliveries(meetup_id)
               if d.kind is DeliveryKind.REMINDER}
    assert len(members) == 2


async def test_only_organizers_change_meetups(town: Community) -> None:
    meetup_id = await announce(town, 'title="Rust" when="tomorrow 19:00"')
    for line in (f"/meetup edit {meetup_id} where=x", f"/meetup cancel {meetup_id} confirm",
                 f"/meetup skip {meetup_id} 2026-11-22"):
        reply = await town.say("ana", line)
        assert reply.is_error
        assert "Only organizers" in reply.text


async def test_a_bad_edit_changes_nothing(town: Community) -> None:
    meetup_id = await announce(town, 'title="Rust" when="tomorrow 19:00"')
    reply = await town.say("olga", f'/meetup edit {meetup_id} when="yesterday 10:00"')
    assert reply.is_error
    assert "Nothing was changed" in reply.text
    assert (await _meetup(town, meetup_id)).starts_at == START  # type: ignore[attr-defined]


async def test_cancelling_asks_first_then_drops_reminders_and_tells_attendees(
    town: Community,
) -> None:
    meetup_id = await announce(town, 'title="Rust" when="tomorrow 19:00"')
    for name, answer in (("ana", "going"), ("ben", "maybe"), ("cy", "no")):
        await town.say(name, f"/rsvp {meetup_id} {answer}")
    ask = await town.say("olga", f"/meetup cancel {meetup_id}")
    assert ask.buttons[0].command == f"/meetup cancel {meetup_id} confirm"
    assert (await _meetup(town, meetup_id)).status is MeetupStatus.SCHEDULED  # type: ignore[attr-defined]
    await town.say("olga", f"/meetup cancel {meetup_id} confirm")
    assert (await _meetup(town, meetup_id)).status is MeetupStatus.CANCELLED  # type: ignore[attr-defined]
    owed = await town.deliveries(meetup_id)
    assert {d.kind for d in owed} == {DeliveryKind.NOTICE}
    await town.deliver()
    assert town.texts("ana")[0].startswith("❌ Rust on Sun 22 Nov 2026, 18:00 UTC is cancelled")
    assert town.texts("ben")[0].startswith("❌ Rust")
    assert town.texts("cy") == []
    last_card = town.messenger.to("#meetups")[-1].reply
    assert last_card.text.startswith("❌ Cancelled: Rust")
    assert last_card.buttons == ()


async def test_skipping_one_session_of_a_series(town: Community) -> None:
    meetup_id = await announce(town, 'title="Go" every="weekly on Thursday at 19:00" remind=1h')
    await town.say("ana", f"/rsvp {meetup_id} going")
    sessions = {d.occurrence_start for d in await town.deliveries(meetup_id)}
    assert THU in sessions
    assert THU + timedelta(weeks=1) in sessions
    reply = await town.say("olga", f"/meetup skip {meetup_id} 2026-11-26")
    assert reply.text.startswith("Skipped the session of Thu 26 Nov 2026, 19:00 CET")
    reminders = [d for d in await town.deliveries(meetup_id) if d.kind is DeliveryKind.REMINDER]
    assert THU not in {d.occurrence_start for d in reminders}
    assert THU + timedelta(weeks=1) in {d.occurrence_start for d in reminders}
    await town.deliver()
    assert town.texts("ana")[0].startswith("⏭ Go on Thu 26 Nov 2026, 18:00 UTC is skipped")
    info = await town.say("ana", f"/meetup info {meetup_id}")
    when = next(f.value for f in info.cards[0].fields if f.name == "When")
    assert when.startswith("Thu 3 Dec 2026")
    missing = await town.say("olga", f"/meetup skip {meetup_id} 2026-11-27")
    assert "no upcoming session on Fri 27 Nov 2026" in missing.text


async def test_moving_one_session_of_a_series(town: Community) -> None:
    meetup_id = await announce(town, 'title="Go" every="weekly on Thursday at 19:00" remind=1h')
    await town.say("ana", f"/rsvp {meetup_id} going")
    reply = await town.say("olga", f'/meetup move {meetup_id} 2026-11-26 "2026-11-27 18:00"')
    assert not reply.is_error, reply.text
    friday = datetime(2026, 11, 27, 17, 0, tzinfo=UTC)
    starts = {d.occurrence_start for d in await town.deliveries(meetup_id)
              if d.kind is DeliveryKind.REMINDER}
    assert friday in starts
    assert THU not in starts
    await town.deliver()
    assert town.texts("ana")[0] == ("🔀 Go: the session of Thu 26 Nov 2026, 18:00 UTC moves to "
                                    "Fri 27 Nov 2026, 17:00 UTC.")
    await town.deliver(friday - timedelta(hours=1))
    assert town.texts("ana")[-1].startswith("⏰ Reminder: Go starts in 1 hour — Fri 27 Nov")


async def test_skip_and_move_need_a_series(town: Community) -> None:
    meetup_id = await announce(town, 'title="Once" when="tomorrow 19:00"')
    reply = await town.say("olga", f"/meetup skip {meetup_id} tomorrow")
    assert reply.is_error
    assert "Only sessions of an announced series" in reply.text
