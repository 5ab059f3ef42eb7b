"""Durations and reminder offsets as organizers type them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.meetups.durations import (
    DurationError,
    describe_lead,
    format_duration,
    format_offsets,
    parse_duration,
    parse_meetup_duration,
    parse_offsets,
)

H = timedelta(hours=1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2h", 2 * H), ("90m", timedelta(minutes=90)), ("1h30m", timedelta(minutes=90)),
     ("1h 30m", timedelta(minutes=90)), ("1.5 hours", timedelta(minutes=90)),
     ("1,5h", timedelta(minutes=90)), ("an hour", H), ("10s", timedelta(seconds=10)),
     ("2 days", timedelta(days=2)), ("1w", timedelta(weeks=1)),
     ("1 hour and 15 minutes", timedelta(minutes=75))],
)
def test_durations(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["", "soon", "2 fortnights", "h2", "2h later"])
def test_unreadable_durations(text: str) -> None:
    with pytest.raises(DurationError):
        parse_duration(text)


def test_meetup_length_is_bounded() -> None:
    assert parse_meetup_duration("3h") == 3 * H
    for text in ("10s", "8d"):
        with pytest.raises(DurationError, match="between 1 minute and 7 days"):
            parse_meetup_duration(text)


def test_offsets_are_deduplicated_and_ordered_earliest_first() -> None:
    assert parse_offsets("1h, 24h;1h") == (24 * H, H)
    assert parse_offsets("10s") == (timedelta(seconds=10),)
    assert parse_offsets("none") == ()
    assert parse_offsets("2d and 2h") == (timedelta(days=2), 2 * H)


@pytest.mark.parametrize(("text", "message"), [
    ("31d", "1 second and 30 days"), ("1h,2h,3h,4h,5h,6h", "At most 5"), (",", "List"),
])
def test_bad_offsets(text: str, message: str) -> None:
    with pytest.raises(DurationError, match=message):
        parse_offsets(text)


def test_formatting() -> None:
    assert format_duration(timedelta(minutes=90)) == "1h 30m"
    assert format_duration(timedelta(days=1, seconds=5)) == "1d 5s"
    assert format_offsets((24 * H, timedelta(minutes=90))) == "1d,1h30m"
    assert format_offsets(()) == "none"


@pytest.mark.parametrize(
    ("delta", "words"),
    [(timedelta(seconds=10), "in 10 seconds"), (timedelta(seconds=1), "in 1 second"),
     (timedelta(0), "in less than a second"), (H, "in 1 hour"),
     (timedelta(minutes=90), "in 1 hour 30 minutes"),
     (timedelta(hours=24) - timedelta(seconds=0.4), "in 1 day"),
     (timedelta(hours=23, minutes=59), "in 23 hours 59 minutes"),
     (timedelta(days=2, hours=3, minutes=4), "in 2 days 3 hours")],
)
def test_how_long_until_the_start(delta: timedelta, words: str) -> None:
    assert describe_lead(delta) == words
