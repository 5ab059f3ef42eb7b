"""Natural-language meetup times: what is read, and what is refused with a clear message."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from bot.meetups.when import WhenError, localize, parse_clock_time, parse_day, parse_when

NOW = datetime(2026, 11, 21, 11, 0, tzinfo=UTC)  # Saturday, 12:00 in Berlin
BERLIN = "Europe/Berlin"


def at(year: int, month: int, day: int, hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("next Tuesday 7pm", at(2026, 11, 24, 18, 0)),
        ("tomorrow 18:30", at(2026, 11, 22, 17, 30)),
        ("in 2 hours", at(2026, 11, 21, 13, 0)),
        ("in 20 seconds", at(2026, 11, 21, 11, 0, 20)),
        ("in 1h30m", at(2026, 11, 21, 12, 30)),
        ("2026-12-03 18:30", at(2026, 12, 3, 17, 30)),
        ("Dec 3 6:30pm CET", at(2026, 12, 3, 17, 30)),
        ("Dec 3 6:30pm PST", at(2026, 12, 4, 2, 30)),
        ("2026-12-03T18:30:00Z", at(2026, 12, 3, 18, 30)),
        ("tomorrow noon", at(2026, 11, 22, 11, 0)),
        ("tomorrow 12:00", at(2026, 11, 22, 11, 0)),  # equals the base time of day
        ("tomorrow at 19", at(2026, 11, 22, 18, 0)),
        ("tomorrow 18.30", at(2026, 11, 22, 17, 30)),
        ("“tomorrow 18:30”", at(2026, 11, 22, 17, 30)),
        ("13/04/2027 18:00", at(2027, 4, 13, 16, 0)),  # 13 can only be the day
        ("2027-07-01 19:00", at(2027, 7, 1, 17, 0)),  # summer time: UTC+2
    ],
)
def test_times_are_read_in_the_organizers_zone(text: str, expected: datetime) -> None:
    parsed = parse_when(text, BERLIN, NOW)
    assert parsed.at == expected
    assert parsed.at.tzinfo is UTC
    assert parsed.zone == BERLIN


def test_the_same_words_mean_another_instant_in_another_zone() -> None:
    assert parse_when("tomorrow 18:30", "America/New_York", NOW).at == at(2026, 11, 22, 23, 30)


def test_a_zone_named_in_the_text_becomes_the_meetups_zone() -> None:
    parsed = parse_when("Dec 3 18:30 Europe/London", BERLIN, NOW)
    assert parsed.at == at(2026, 12, 3, 18, 30)
    assert parsed.zone == "Europe/London"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("tomorrow at 7", "could be morning or evening"),
        ("03/04/2027 18:00", "day/month or month/day"),
        ("tomorrow", "has no time of day"),
        ("Dec 3 2026", "has no time of day"),
        ("tomorrow evening", "too vague"),
        ("next week", "too vague"),
        ("yesterday 7pm", "in the past"),
        ("now", "in the past"),
        ("2030-01-01 10:00", "more than three years"),
        ("gibberish o'clock", "can't read"),
        ("", "Say when"),
        ("2026-03-29 02:30", "does not exist in Europe/Berlin"),
        ("2027-03-28 02:30", "clocks jump forward"),
        ("2027-10-31 02:30", "happens twice"),
        ("Dec 3 18:30 Mars/Phobos", "not a timezone"),
        ("tomorrow 25:00", "not a time of day"),
        ("tomorrow 13pm", "hour is 1 to 12"),
    ],
)
def test_ambiguous_vague_impossible_and_past_times_are_refused(text: str, message: str) -> None:
    with pytest.raises(WhenError, match=message):
        parse_when(text, BERLIN, NOW)


def test_a_past_time_names_when_it_was() -> None:
    with pytest.raises(WhenError) as caught:
        parse_when("yesterday 7pm", BERLIN, NOW)
    assert "Fri 20 Nov 2026, 19:00 CET" in str(caught.value)


def test_an_explicit_offset_settles_a_repeated_hour() -> None:
    assert parse_when("2027-10-31 02:30 CEST", BERLIN, NOW).at == at(2027, 10, 31, 0, 30)
    assert parse_when("2027-10-31 02:30 CET", BERLIN, NOW).at == at(2027, 10, 31, 1, 30)


def test_localize_refuses_gaps_and_folds_and_keeps_ordinary_times() -> None:
    assert localize(datetime(2026, 12, 1, 19, 0), BERLIN).utcoffset() is not None  # noqa: DTZ001
    with pytest.raises(WhenError):
        localize(datetime(2026, 3, 29, 2, 30), BERLIN)  # noqa: DTZ001
    with pytest.raises(WhenError):
        localize(datetime(2026, 10, 25, 2, 30), BERLIN)  # noqa: DTZ001


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2026-12-10", date(2026, 12, 10)), ("Dec 10", date(2026, 12, 10)),
     ("next Thursday", date(2026, 11, 26)), ("10 December 2026", date(2026, 12, 10))],
)
def test_days_for_skip_and_move(text: str, expected: date) -> None:
    assert parse_day(text, BERLIN, NOW) == expected


def test_days_refuse_ambiguity_and_nonsense() -> None:
    with pytest.raises(WhenError, match="day/month"):
        parse_day("03/04", BERLIN, NOW)
    with pytest.raises(WhenError, match="can't read"):
        parse_day("someday", BERLIN, NOW)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("19:00", time(19)), ("7pm", time(19)), ("7:30 pm", time(19, 30)), ("19h", time(19)),
     ("19.30", time(19, 30)), ("12am", time(0)), ("12pm", time(12)), ("09:05", time(9, 5))],
)
def test_clock_times(text: str, expected: time) -> None:
    assert parse_clock_time(text) == expected


@pytest.mark.parametrize("text", ["7", "13pm", "24:00", "seven", "19:75"])
def test_clock_times_refused(text: str) -> None:
    with pytest.raises(WhenError):
        parse_clock_time(text)
