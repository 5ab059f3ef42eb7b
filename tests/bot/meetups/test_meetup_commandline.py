"""Text syntax of /meetup, /rsvp and /timezone."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.commandline import UsageError, parse_command
from bot.domain.community import Actor, Platform
from bot.meetups.commands import (
    AnswerRsvp,
    CancelMeetup,
    ConfirmMeetup,
    CreateMeetup,
    EditMeetup,
    ListMeetups,
    MeetupCalendar,
    MeetupFields,
    MoveSession,
    SetTimezone,
    ShowMeetup,
    SkipSession,
)
from bot.meetups.domain import RsvpStatus

ACTOR = Actor(Platform.CONSOLE, "local", "local", "olga", "olga", True)


def parse(line: str) -> object:
    return parse_command(line, ACTOR)


def test_the_example_from_the_docs() -> None:
    command = parse('/meetup create title="Rust night" when="next Tuesday 7pm" duration=2h '
                    'where="Room 1" capacity=20 every="every 2nd Tuesday at 19:00" '
                    "remind=24h,1h")
    assert command == CreateMeetup(actor=ACTOR, fields=MeetupFields(
        title="Rust night", when="next Tuesday 7pm", duration=timedelta(hours=2),
        location="Room 1", capacity=20, every="every 2nd Tuesday at 19:00",
        remind=(timedelta(hours=24), timedelta(hours=1)),
    ))


def test_bare_values_run_to_the_next_option_and_leading_text_is_the_title() -> None:
    command = parse("/meetup create Rust night when=tomorrow 7pm where=Bob's café, 2nd floor "
                    "tz=Europe/Berlin desc=“Bring snacks”")
    assert isinstance(command, CreateMeetup)
    assert command.fields == MeetupFields(
        title="Rust night", when="tomorrow 7pm", location="Bob's café, 2nd floor",
        timezone="Europe/Berlin", description="Bring snacks",
    )


def test_quotes_can_hold_keys_and_escaped_quotes() -> None:
    command = parse(r'/meetup create title="The \"big\" one" description="see a=b, when=later"'
                    " when='Dec 3 18:00'")
    assert isinstance(command, CreateMeetup)
    assert command.fields.title == 'The "big" one'
    assert command.fields.description == "see a=b, when=later"
    assert command.fields.when == "Dec 3 18:00"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("/meetup create", "Create a meetup"),
        ('/meetup create title="x" titel=y', "Did you mean title=?"),
        ('/meetup create title="x" title=y', "given twice"),
        ('/meetup create title="x when=y', "never closed"),
        ('/meetup create title="x"y', "space after the closing quote"),
        ("/meetup create title=x capacity=lots", "capacity is a whole number"),
        ("/meetup create title=x duration=forever", "can't read the duration"),
        ("/meetup create title=x remind=1h,40d", "30 days"),
        ("/meetup info", "Use /meetup info <id>"),
        ("/meetup info twelve", "not a meetup number"),
        ("/meetup frobnicate 3", "I don't know /meetup frobnicate"),
        ("/meetup edit 3", "Change a meetup"),
        ("/meetup cancel 3 now", "cancel <id> confirm"),
        ("/meetup skip 3", "Say which session"),
        ("/meetup move 3 2026-12-10", "Move one session"),
        ("/rsvp 3", "going|maybe|no"),
        ("/rsvp 3 definitely", "going|maybe|no"),
        ("/meetup", "Meetup commands"),
        ("/timezone New York City", "one timezone name"),
    ],
)
def test_usage_errors_are_friendly(line: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        parse(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("/meetup list", ListMeetups(actor=ACTOR)),
        ("/meetups", None),
        ("/meetup info #12", ShowMeetup(actor=ACTOR, meetup_id=12)),
        ("/meetup ics 12", MeetupCalendar(actor=ACTOR, meetup_id=12)),
        ("/meetup confirm 12", ConfirmMeetup(actor=ACTOR, meetup_id=12)),
        ("/meetup cancel 12", CancelMeetup(actor=ACTOR, meetup_id=12)),
        ("/meetup cancel 12 confirm", CancelMeetup(actor=ACTOR, meetup_id=12, confirmed=True)),
        ("/meetup skip 12 2026-12-10", SkipSession(actor=ACTOR, meetup_id=12, day="2026-12-10")),
        ('/meetup skip 12 "Dec 10"', SkipSession(actor=ACTOR, meetup_id=12, day="Dec 10")),
        ("/meetup move 12 2026-12-10 2026-12-11 19:00",
         MoveSession(actor=ACTOR, meetup_id=12, day="2026-12-10", when="2026-12-11 19:00")),
        ('/meetup move 12 date="Dec 10" when=Dec 11 7pm',
         MoveSession(actor=ACTOR, meetup_id=12, day="Dec 10", when="Dec 11 7pm")),
        ("/rsvp 12 going", AnswerRsvp(actor=ACTOR, meetup_id=12, answer=RsvpStatus.GOING)),
        ("/rsvp #12 Maybe", AnswerRsvp(actor=ACTOR, meetup_id=12, answer=RsvpStatus.MAYBE)),
        ("/rsvp 12 can’t", AnswerRsvp(actor=ACTOR, meetup_id=12, answer=RsvpStatus.NO)),
        ("/timezone", SetTimezone(actor=ACTOR)),
        ("/timezone Europe/Berlin", SetTimezone(actor=ACTOR, zone="Europe/Berlin")),
    ],
)
def test_subcommands(line: str, expected: object) -> None:
    if expected is None:
        with pytest.raises(UsageError, match="Meetup commands"):
            parse(line)
        return
    assert parse(line) == expected


def test_edit_can_clear_things() -> None:
    command = parse("/meetup edit 4 capacity=none remind=default every=none where=")
    assert command == EditMeetup(actor=ACTOR, meetup_id=4, fields=MeetupFields(
        capacity=0, remind_default=True, every="none", location=""))
    assert parse("/meetup edit 4 remind=none") == EditMeetup(
        actor=ACTOR, meetup_id=4, fields=MeetupFields(remind=()))
