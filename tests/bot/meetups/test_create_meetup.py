"""Creating a meetup: organizers only, a preview stored as a draft, announced once confirmed."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.meetups.domain import MeetupStatus
from bot.replies import Visibility
from tests.bot.meetups.conftest import Community, announce, make_community, meetup_id_of


async def _meetup(town: Community, meetup_id: int) -> object:
    async with town.services.uow() as uow:
        community = await uow.communities.get_or_create(
            town.actor("olga").platform, "guild", "Guild"
        )
        return await uow.meetups.events.get(community.id, meetup_id)


async def test_only_organizers_create_meetups(town: Community) -> None:
    reply = await town.say("ana", '/meetup create title="Mine" when="tomorrow 18:00"')
    assert reply.is_error
    assert "Only organizers" in reply.text


async def test_the_preview_shows_the_organizers_zone_and_utc_and_announces_nothing(
    town: Community,
) -> None:
    reply = await town.say("olga", '/meetup create title="Rust night" when="next Tuesday 7pm" '
                                   'duration=2h where="Room 1" capacity=20 remind=24h,1h')
    assert not reply.is_error, reply.text
    fields = {f.name: f.value for f in reply.cards[0].fields}
    assert fields["When"] == "Tue 24 Nov 2026, 19:00–21:00 CET (Europe/Berlin)"
    assert fields["In UTC"] == "Tue 24 Nov 2026, 18:00–20:00 UTC"
    assert fields["Capacity"] == "20"
    assert fields["Reminders"].startswith("1d, 1h before")
    assert [b.command for b in reply.buttons] == [
        f"/meetup confirm {meetup_id_of(reply)}", f"/meetup discard {meetup_id_of(reply)}"
    ]
    draft = await _meetup(town, meetup_id_of(reply))
    assert draft.status is MeetupStatus.DRAFT  # type: ignore[attr-defined]
    assert draft.starts_at == datetime(2026, 11, 24, 18, 0, tzinfo=UTC)  # type: ignore[attr-defined]
    assert town.messenger.sent == []


async def test_without_a_timezone_the_organizer_is_told_utc_was_used() -> None:
    town = make_community()
    reply = await town.say("olga", '/meetup create title="T" when="tomorrow 18:00"')
    assert "read the time in UTC" in reply.text


async def test_confirming_posts_the_card_with_rsvp_buttons_in_the_channel(
    town: Community,
) -> None:
    meetup_id = await announce(town, 'title="Rust night" when="tomorrow 19:00" where="Room 1"')
    (post,) = town.messenger.to("#meetups")
    assert post.reply.visibility is Visibility.PUBLIC
    assert post.reply.cards[0].title == f"#{meetup_id} Rust night"
    assert [b.command for b in post.reply.buttons] == [
        f"/rsvp {meetup_id} going", f"/rsvp {meetup_id} maybe", f"/rsvp {meetup_id} no",
        f"/meetup ics {meetup_id}",
    ]
    when = next(f for f in post.reply.cards[0].fields if f.name == "When")
    assert when.when == datetime(2026, 11, 22, 18, 0, tzinfo=UTC)
    stored = await _meetup(town, meetup_id)
    assert stored.status is MeetupStatus.SCHEDULED  # type: ignore[attr-defined]
    assert stored.announcement_id == "rec-1"  # type: ignore[attr-defined]
    again = await town.say("olga", f"/meetup confirm {meetup_id}")
    assert again.is_error
    assert "already scheduled" in again.text


async def test_drafts_are_private_to_their_organizer_and_can_be_discarded(
    town: Community,
) -> None:
    reply = await town.say("olga", '/meetup create title="Secret" when="tomorrow 18:00"')
    meetup_id = meetup_id_of(reply)
    assert "Secret" not in str(await town.say("ana", "/meetup list"))
    assert (await town.say("ana", f"/meetup info {meetup_id}")).is_error
    assert (await town.say("ana", f"/meetup confirm {meetup_id}")).is_error
    assert (await town.say("ana", f"/rsvp {meetup_id} going")).is_error
    assert "preview: /meetup confirm" in str(await town.say("olga", "/meetup list"))
    discarded = await town.say("olga", f"/meetup discard {meetup_id}")
    assert "Discarded" in discarded.text
    assert await _meetup(town, meetup_id) is None


async def test_a_draft_whose_time_passed_is_not_announced(town: Community) -> None:
    reply = await town.say("olga", '/meetup create title="Soon" when="in 10 minutes"')
    town.clock.advance(datetime(2026, 11, 21, 12, 0, tzinfo=UTC) - town.clock.now())
    confirmed = await town.say("olga", f"/meetup confirm {meetup_id_of(reply)}")
    assert confirmed.is_error
    assert "has passed" in confirmed.text
    assert town.messenger.sent == []


async def test_bad_times_are_refused_and_nothing_is_stored(town: Community) -> None:
    for when, message in (("tomorrow at 7", "morning or evening"),
                          ("yesterday 18:00", "in the past"),
                          ("03/04/2027 18:00", "day/month")):
        reply = await town.say("olga", f'/meetup create title="x" when="{when}"')
        assert reply.is_error
        assert message in reply.text
    missing = await town.say("olga", '/meetup create title="x"')
    assert "Say when" in missing.text
    listed = await town.say("olga", "/meetup list")
    assert "No upcoming meetups" in listed.text


async def test_a_recurrence_with_a_time_needs_no_when(town: Community) -> None:
    reply = await town.say("olga", '/meetup create title="Go" every="every 2nd Tuesday at 19:00"')
    assert not reply.is_error, reply.text
    fields = {f.name: f.value for f in reply.cards[0].fields}
    assert fields["When"].startswith("Tue 8 Dec 2026, 19:00")
    assert fields["Repeats"].startswith("on the 2nd Tuesday of every month\nthen Tue 12 Jan 2027")
    assert "2nd of that weekday in each month" in reply.text


async def test_when_and_every_must_agree_on_the_time(town: Community) -> None:
    reply = await town.say("olga", '/meetup create title="Go" when="next Thursday 18:00" '
                                   'every="weekly on Thursday at 19:00"')
    assert reply.is_error
    assert "'every' says 19:00 but 'when' says 18:00" in reply.text


async def test_a_when_off_the_rule_starts_at_the_first_matching_session(town: Community) -> None:
    reply = await town.say("olga", '/meetup create title="Go" when="Monday 19:00" '
                                   'every="weekly on Thursday"')
    fields = {f.name: f.value for f in reply.cards[0].fields}
    assert fields["When"].startswith("Thu 26 Nov 2026, 19:00")
    assert "first one matching the recurrence" in reply.text
