"""Property tests: the meetup parsers (durations, times, recurrences) never crash on any text.

Each returns a valid value or raises its own error type with a message a member can act on.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.meetups.durations import (
    DurationError,
    parse_duration,
    parse_meetup_duration,
    parse_offsets,
)
from bot.meetups.recurrence import RecurrenceError, describe, parse_recurrence
from bot.meetups.when import WhenError, parse_day, parse_when
from tests.hardening.cases import CASES

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
ZONES = st.sampled_from(["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata",
                         "Australia/Lord_Howe", "Pacific/Chatham"])


def _mix(words: list[str]) -> st.SearchStrategy[str]:
    """Free text, pieces of the grammar glued with spaces, and glued without."""
    pieces = st.one_of(st.sampled_from(words), st.text(max_size=8),
                       st.integers(-10**30, 10**30).map(str))
    return st.one_of(
        st.text(max_size=120),
        st.lists(pieces, max_size=10).map(" ".join),
        st.lists(pieces, max_size=8).map("".join),
    )


DURATION_TEXT = _mix(["h", "m", "s", "d", "w", "hours", "minutes", "an", "half an", "hour",
                      "and", ",", ".", "1.5", "1,5", "90", "1e308", "nan", "inf", "-", "none",
                      "1h30m", "24h", "10s", "0"])
WHEN_TEXT = _mix(["next", "tomorrow", "Tuesday", "7pm", "18:30", "at", "in", "2 hours",
                  "2026-12-03", "Dec", "3", "CET", "Europe/London", "UTC+14", "+05:45", "am",
                  "noon", "midnight", "yesterday", "03/04", "evening", "9999-12-31", "0001-01-01",
                  "24:00", "25:61", "in 99999999 years", "last", "week", "\x00", "🦀"])
RECURRENCE_TEXT = _mix(["every", "2nd", "Tuesday", "at 19:00", "weekly", "on", "Thursday",
                        "other", "Monday", "monthly", "the 15th", "until", "2027-06-30",
                        "10 times", "0 times", "99999 times", "FREQ=WEEKLY", "BYDAY=TH",
                        "RRULE:", "FREQ=SECONDLY", "INTERVAL=0", "COUNT=", "UNTIL=20270101",
                        "BYSETPOS=-1", "BYMONTHDAY=31", ";", "=", "last", "daily", "yearly"])


def _friendly(exc: Exception) -> None:
    message = str(exc)
    assert message.strip()
    assert "Traceback" not in message
    assert len(message) < 2_000


@settings(max_examples=CASES)
@given(DURATION_TEXT)
def test_durations_and_offsets_are_valid_or_explained(text: str) -> None:
    try:
        value = parse_duration(text)
    except DurationError as exc:
        _friendly(exc)
    else:
        assert timedelta(0) <= value <= timedelta(days=3660)
    try:
        length = parse_meetup_duration(text)
    except DurationError as exc:
        _friendly(exc)
    else:
        assert timedelta(minutes=1) <= length <= timedelta(days=7)
    try:
        offsets = parse_offsets(text)
    except DurationError as exc:
        _friendly(exc)
    else:
        assert list(offsets) == sorted(set(offsets), reverse=True)
        assert all(offset > timedelta(0) for offset in offsets)


@settings(max_examples=CASES)
@given(WHEN_TEXT, ZONES, st.booleans())
def test_times_and_days_are_valid_or_explained(text: str, zone: str, as_day: bool) -> None:
    # One dateparser call per case (about half the cases each way) keeps CI time in check.
    if as_day:
        try:
            parse_day(text, zone, NOW)
        except WhenError as exc:
            _friendly(exc)
        return
    try:
        parsed = parse_when(text, zone, NOW)
    except WhenError as exc:
        _friendly(exc)
    else:
        assert parsed.at.tzinfo is not None
        assert parsed.at.utcoffset() == timedelta(0)
        assert parsed.at > NOW


@settings(max_examples=CASES)
@given(RECURRENCE_TEXT, ZONES)
def test_recurrences_expand_or_are_explained(text: str, zone: str) -> None:
    try:
        parsed = parse_recurrence(text, zone, NOW)
    except RecurrenceError as exc:
        _friendly(exc)
        return
    rule = rrulestr(parsed.rule, dtstart=NOW)
    rule.after(NOW)
    assert describe(parsed.rule).strip()


@pytest.mark.parametrize("text", ["9" * 400 + "w", "1e308h", "99999999999999999999d"])
def test_huge_durations_are_refused_not_crashing(text: str) -> None:
    with pytest.raises(DurationError):
        parse_meetup_duration(text)
