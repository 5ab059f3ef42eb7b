"""/meetup list and info, /timezone, and the hourly sweep."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.meetups.config import MeetupConfig, MeetupPolicy
from bot.meetups.housekeeping import sweep
from bot.reminders.domain import DeliveryKind
from tests.bot.meetups.conftest import Community, announce, meetup_id_of


async def test_list_orders_by_next_session_and_shows_your_answer(town: Community) -> None:
    later = await announce(town, 'title="Later" when="in 3 days 18:00" capacity=5')
    sooner = await announce(town, 'title="Sooner" when="tomorrow 18:00" where="Café"')
    await town.say("ana", f"/rsvp {later} going")
    reply = await town.say("ana", "/meetup list")
    (card,) = reply.cards
    assert [f.name for f in card.fields] == [f"#{sooner} Sooner", f"#{later} Later"]
    assert card.fields[0].value == "Sun 22 Nov 2026, 17:00 UTC · Café · 0 going"
    assert card.fields[1].value.endswith("1/5 going · you: going")
    assert card.footer.startswith("Times in UTC")


async def test_info_shows_times_in_the_readers_zone_and_the_waitlist_place(
    town: Community,
) -> None:
    meetup_id = await announce(town, 'title="Tiny" when="tomorrow 19:00" capacity=1 '
                                     'description="Bring @everyone"')
    await town.say("ana", f"/rsvp {meetup_id} going")
    await town.say("ben", "/timezone America/Sao_Paulo")
    await town.say("ben", f"/rsvp {meetup_id} going")
    reply = await town.say("ben", f"/meetup info {meetup_id}")
    (card,) = reply.cards
    fields = {f.name: f.value for f in card.fields}
    assert fields["When"] == "Sun 22 Nov 2026, 15:00–17:00 UTC-03 (America/Sao_Paulo)"
    assert fields["You"] == "on the waitlist (#1)"
    assert fields["Answers"] == "1/1 going · 1 on the waitlist"
    assert "@\u200beveryone" in card.description
    assert reply.buttons[0].command == f"/rsvp {meetup_id} going"


async def test_timezone_shows_sets_and_refuses(town: Community) -> None:
    shown = await town.say("ana", "/timezone")
    assert "no timezone set" in shown.text
    wrong = await town.say("ana", "/timezone Europe/Berln")
    assert wrong.is_error
    assert "Did you mean Europe/Berlin" in wrong.text
    saved = await town.say("ana", "/timezone europe/berlin")
    assert saved.text.startswith("Saved: I'll show you times in Europe/Berlin")
    assert "Europe/Berlin" in (await town.say("ana", "/timezone")).text
    profile = await town.say("ana", "/profile")
    assert "Europe/Berlin" in str(profile)


async def test_the_sweep_plans_sessions_entering_the_horizon(town: Community) -> None:
    town.services = town.services.__class__(**{
        **{f: getattr(town.services, f) for f in town.services.__dataclass_fields__},
        "meetups": MeetupConfig(MeetupPolicy(channel_reminders=False),
                                plan_ahead=timedelta(days=10)),
    })
    from bot.dispatcher import Dispatcher

    town.dispatcher = Dispatcher(town.services)
    meetup_id = await announce(town, 'title="Go" every="weekly on Thursday at 19:00" remind=1h')
    await town.say("ana", f"/rsvp {meetup_id} going")
    first = sorted({d.occurrence_start for d in await town.deliveries(meetup_id)})
    assert len(first) == 1  # only Nov 26 is within 10 days
    town.clock.advance(timedelta(days=7))
    report = await sweep(town.services)
    assert report.meetups == 1
    after = sorted({d.occurrence_start for d in await town.deliveries(meetup_id)})
    assert after == [*first, first[-1] + timedelta(weeks=1)]
    again = await sweep(town.services)
    assert len(await town.deliveries(meetup_id)) == len(after)
    assert again.next_due is None or again.next_due > town.clock.now()


async def test_the_sweep_deletes_stale_drafts_and_fills_freed_seats(town: Community) -> None:
    stale = meetup_id_of(await town.say("olga", '/meetup create title="Old" when="in 3 days"'
                                                 ' duration=1h'))
    meetup_id = await announce(town, 'title="Tiny" when="in 4 days 19:00" capacity=1')
    await town.say("ana", f"/rsvp {meetup_id} going")
    await town.say("ben", f"/rsvp {meetup_id} going")
    await town.say("ana", "/forget confirm")  # erasure does not run the meetup rules
    town.clock.advance(timedelta(days=1, minutes=1))
    report = await sweep(town.services)
    assert report.drafts_deleted == 1
    assert report.promoted == 1
    assert (await town.say("olga", f"/meetup info {stale}")).is_error
    kinds = [d.kind for d in await town.deliveries(meetup_id)]
    assert DeliveryKind.NOTICE in kinds
    await town.deliver()
    assert town.texts("ben")[0].startswith("🎉 A seat opened up")
    assert datetime(2026, 11, 22, tzinfo=UTC) < town.clock.now()
