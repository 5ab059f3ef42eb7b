"""Calendar files parse back (icalendar) with the same times, rules, skips and moves."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from icalendar import Calendar

from bot.meetups.domain import Meetup, MeetupStatus
from bot.meetups.ics import CONTENT_TYPE, calendar, filename_for
from tests.bot.meetups.conftest import Community, announce

NOW = datetime(2026, 11, 21, 11, 0, tzinfo=UTC)
THU = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")


def _meetup(**fields: object) -> Meetup:
    values: dict[str, object] = {
        "id": 3, "community_id": 9, "organizer_id": None, "status": MeetupStatus.SCHEDULED,
        "title": "Rust night; « ok »", "description": "Line 1\nLine 2, with comma",
        "location": "https://meet.example/rust", "starts_at": THU, "timezone": "Europe/Berlin",
        "duration": timedelta(hours=2), "revision": 4, "created_at": NOW, "updated_at": NOW,
    } | fields
    return Meetup(**values)  # type: ignore[arg-type]


def _events(data: bytes) -> list:  # type: ignore[type-arg]
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_a_one_off_meetup_round_trips() -> None:
    meetup = _meetup()
    data = calendar([meetup], "Guild", NOW)
    parsed = Calendar.from_ical(data)
    assert [str(tz["TZID"]) for tz in parsed.walk("VTIMEZONE")] == ["Europe/Berlin"]
    (event,) = _events(data)
    assert event.decoded("dtstart") == THU
    assert str(event.decoded("dtstart").tzinfo) == "Europe/Berlin"
    assert event.decoded("dtend") == THU + timedelta(hours=2)
    assert str(event["summary"]) == meetup.title
    assert str(event["description"]) == meetup.description
    assert str(event["location"]) == meetup.location
    assert str(event["url"]) == meetup.location
    assert str(event["uid"]) == "meetup-3-c9@mentormeet"
    assert int(event["sequence"]) == 4
    assert str(event["status"]) == "CONFIRMED"
    assert b"PRODID:-//mentormeet//meetups//EN" in data


def test_a_series_with_a_skip_and_a_move_expands_to_the_same_sessions() -> None:
    week = timedelta(weeks=1)
    meetup = (_meetup(rrule="FREQ=WEEKLY;BYDAY=TH;COUNT=6")
              .with_skip(THU + week).with_move(THU + 2 * week, THU + 2 * week + timedelta(days=1)))
    main, override = _events(calendar([meetup], "Guild", NOW))
    assert main.get("rrule").to_ical() == b"FREQ=WEEKLY;COUNT=6;BYDAY=TH"
    start = main.decoded("dtstart")
    rule = rrulestr(main.get("rrule").to_ical().decode(), dtstart=start)
    skipped = {d.dt for d in main.get("exdate").dts}
    moved = {override.decoded("recurrence-id"): override.decoded("dtstart")}
    from_ics = sorted(moved.get(d, d) for d in rule if d not in skipped)
    ours = [s.starts_at for s in meetup.occurrences(NOW, NOW + timedelta(days=400))]
    assert from_ics == ours
    assert override.decoded("dtend") - override.decoded("dtstart") == timedelta(hours=2)
    assert str(override["uid"]) == str(main["uid"])


def test_the_dst_change_survives_the_round_trip() -> None:
    start = datetime(2026, 10, 15, 17, 0, tzinfo=UTC)  # 19:00 CEST
    meetup = _meetup(starts_at=start, rrule="FREQ=WEEKLY;COUNT=4")
    (event,) = _events(calendar([meetup], "Guild", NOW))
    expanded = list(rrulestr(event.get("rrule").to_ical().decode(),
                             dtstart=event.decoded("dtstart")))
    assert [d.astimezone(BERLIN).hour for d in expanded] == [19, 19, 19, 19]
    assert [d.astimezone(UTC).hour for d in expanded] == [17, 17, 18, 18]


def test_drafts_are_left_out_and_cancelled_ones_say_so() -> None:
    data = calendar([_meetup(status=MeetupStatus.DRAFT),
                     _meetup(id=4, status=MeetupStatus.CANCELLED)], "Guild", NOW)
    (event,) = _events(data)
    assert str(event["status"]) == "CANCELLED"
    assert filename_for(_meetup()) == "meetup-3-rust-night-ok.ics"
    assert filename_for(_meetup(title="🦀🦀")) == "meetup-3-meetup.ics"


async def test_the_command_attaches_the_file(town: Community) -> None:
    meetup_id = await announce(town, 'title="Rust" when="tomorrow 19:00" every="weekly"')
    reply = await town.say("ana", f"/meetup ics {meetup_id}")
    (attachment,) = reply.attachments
    assert attachment.content_type == CONTENT_TYPE
    assert attachment.filename == f"meetup-{meetup_id}-rust.ics"
    (event,) = _events(attachment.data)
    assert event.decoded("dtstart") == datetime(2026, 11, 22, 18, 0, tzinfo=UTC)
    assert (await town.say("ana", "/meetup ics 999")).is_error
