"""Recurrence phrases and RRULEs, expanded in the meetup's wall-clock zone."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.meetups import recurrence
from bot.meetups.domain import Meetup
from bot.meetups.recurrence import Recurrence, RecurrenceError, parse_recurrence

NOW = datetime(2026, 11, 21, 11, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    ("text", "rule", "at"),
    [
        ("every 2nd Tuesday at 19:00", "FREQ=MONTHLY;BYDAY=+2TU", time(19)),
        ("weekly on Thursday", "FREQ=WEEKLY;BYDAY=TH", None),
        ("every thursday", "FREQ=WEEKLY;BYDAY=TH", None),
        ("Every other Monday at 7pm", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", time(19)),
        ("biweekly on tue and thu", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH", None),
        ("every 3 weeks on friday", "FREQ=WEEKLY;INTERVAL=3;BYDAY=FR", None),
        ("fortnightly", "FREQ=WEEKLY;INTERVAL=2", None),
        ("monthly on the 15th", "FREQ=MONTHLY;BYMONTHDAY=15", None),
        ("the last friday of every month at 18:30", "FREQ=MONTHLY;BYDAY=-1FR", time(18, 30)),
        ("first monday of the month", "FREQ=MONTHLY;BYDAY=+1MO", None),
        ("daily", "FREQ=DAILY", None),
        ("every weekday at 9:30", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", time(9, 30)),
        ("yearly", "FREQ=YEARLY", None),
        ("every thursday 10 times", "FREQ=WEEKLY;BYDAY=TH;COUNT=10", None),
        ("weekly on Thursday until 2027-06-30",
         "FREQ=WEEKLY;BYDAY=TH;UNTIL=20270630T215959Z", None),
        ("FREQ=WEEKLY;BYDAY=TH;COUNT=10", "FREQ=WEEKLY;BYDAY=TH;COUNT=10", None),
        ("RRULE:FREQ=MONTHLY;BYDAY=-1FR", "FREQ=MONTHLY;BYDAY=-1FR", None),
        ("freq=weekly;until=20270630", "FREQ=WEEKLY;UNTIL=20270630T215959Z", None),
    ],
)
def test_phrases_and_rrules(text: str, rule: str, at: time | None) -> None:
    assert parse_recurrence(text, "Europe/Berlin", NOW) == Recurrence(rule, at)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("whenever", "can't read the recurrence"),
        ("every blursday", "can't read"),
        ("every tuesday at 7", "morning or evening"),
        ("FREQ=HOURLY", "DAILY, WEEKLY, MONTHLY or YEARLY"),
        ("FREQ=WEEKLY;BYHOUR=3", "BYHOUR is not supported"),
        ("FREQ=WEEKLY;DTSTART=20260101T000000", "DTSTART is not supported"),
        ("FREQ=WEEKLY;BYDAY=XX", "not valid"),
        ("FREQ=WEEKLY;COUNT=0", "COUNT must be"),
        ("INTERVAL=2", "needs FREQ"),
        ("every thursday 900 times", "1 to 500"),
        # INTERVAL=0 never moves on: dateutil would loop for ever on the bot's event loop
        ("FREQ=WEEKLY;INTERVAL=0;BYDAY=SA", "INTERVAL must be a whole number from 1 to 99"),
        ("FREQ=DAILY;INTERVAL=-3", "INTERVAL must be"),
        ("FREQ=DAILY;INTERVAL=100", "INTERVAL must be"),
        # no date meets these, so every look-up would search to the year 9999
        ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "never falls on a date"),
        ("FREQ=WEEKLY;BYWEEKNO=1;BYMONTH=6", "never falls on a date"),
        ("FREQ=DAILY;COUNT=3;BYMONTH=4;BYMONTHDAY=31", "never falls on a date"),
    ],
)
def test_refusals_say_what_works(text: str, message: str) -> None:
    with pytest.raises(RecurrenceError, match=message):
        parse_recurrence(text, "Europe/Berlin", NOW)


def test_a_weekly_berlin_meetup_stays_at_19_local_across_the_october_change() -> None:
    # 2026-10-25 is the last Sunday of October: Berlin goes from UTC+2 to UTC+1.
    start = datetime(2026, 10, 15, 19, 0, tzinfo=BERLIN)
    series = Meetup(community_id=1, organizer_id=None, title="Rust", starts_at=start,
                    timezone="Europe/Berlin", rrule="FREQ=WEEKLY;BYDAY=TH",
                    created_at=NOW, updated_at=NOW)
    sessions = series.occurrences(start.astimezone(UTC), datetime(2026, 11, 6, tzinfo=UTC))
    local = [s.starts_at.astimezone(BERLIN) for s in sessions]
    assert [(d.month, d.day, d.hour, d.minute) for d in local] == [
        (10, 15, 19, 0), (10, 22, 19, 0), (10, 29, 19, 0), (11, 5, 19, 0)
    ]
    assert [s.starts_at.hour for s in sessions] == [17, 17, 18, 18]  # UTC moves, not the wall
    assert all(s.starts_at.tzinfo is UTC for s in sessions)


def test_the_march_change_keeps_19_local_too() -> None:
    start = datetime(2027, 3, 18, 19, 0, tzinfo=BERLIN)
    found = recurrence.expand("FREQ=WEEKLY", start.astimezone(UTC), "Europe/Berlin",
                              start.astimezone(UTC), start.astimezone(UTC) + timedelta(days=15))
    assert [d.astimezone(BERLIN).hour for d in found] == [19, 19, 19]
    assert [d.hour for d in found] == [18, 18, 17]


def test_first_start_and_bounded_series() -> None:
    wall = datetime(2026, 11, 21, 19, 0, tzinfo=BERLIN)  # a Saturday
    first = recurrence.first_start("FREQ=MONTHLY;BYDAY=+2TU", wall, "Europe/Berlin")
    assert first == datetime(2026, 12, 8, 18, 0, tzinfo=UTC)
    assert recurrence.last_start("FREQ=WEEKLY;COUNT=3", wall.astimezone(UTC),
                                 "Europe/Berlin") == datetime(2026, 12, 5, 18, 0, tzinfo=UTC)
    assert recurrence.last_start("FREQ=WEEKLY", wall.astimezone(UTC), "Europe/Berlin") is None


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("FREQ=WEEKLY;BYDAY=TH", "every Thursday"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE", "every other Monday and Wednesday"),
        ("FREQ=WEEKLY;INTERVAL=3;BYDAY=FR", "every 3 weeks on Friday"),
        ("FREQ=MONTHLY;BYDAY=+2TU", "on the 2nd Tuesday of every month"),
        ("FREQ=MONTHLY;BYDAY=-1FR", "on the last Friday of every month"),
        ("FREQ=MONTHLY;BYMONTHDAY=15", "on day 15 of every month"),
        ("FREQ=DAILY;INTERVAL=2", "every 2 days"),
        ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "every weekday"),
        ("FREQ=WEEKLY;BYDAY=TH;COUNT=10", "every Thursday, 10 times"),
        ("FREQ=WEEKLY;UNTIL=20270630T215959Z", "every week, until 30 Jun 2027"),
        ("FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR",
         "custom rule FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR"),
    ],
)
def test_rules_in_words(rule: str, words: str) -> None:
    assert recurrence.describe(rule) == words


@pytest.mark.parametrize("rule", ["FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
                                  "FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR",
                                  "FREQ=WEEKLY;INTERVAL=99;BYDAY=TH"])
def test_rare_but_real_rules_are_kept(rule: str) -> None:
    assert parse_recurrence(rule, "Europe/Berlin", NOW).rule == rule
