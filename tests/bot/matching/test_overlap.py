"""Shared waking hours between time zones, on a reference date (DST included)."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.matching.overlap import overlap_hours

DAY = date(2026, 3, 2)
WAKE, SLEEP = time(8), time(22)


@pytest.mark.parametrize(
    ("a", "b", "hours"),
    [
        ("Europe/Berlin", "Europe/Berlin", 14.0),
        ("Europe/Berlin", "Europe/Paris", 14.0),
        ("Europe/Berlin", "America/New_York", 8.0),
        ("Europe/Berlin", "Asia/Tokyo", 6.0),
        ("America/Los_Angeles", "Asia/Kolkata", 4.0),  # 13.5 h apart: both ends of the day
        ("Asia/Kolkata", "Europe/London", 8.5),
    ],
)
def test_overlap_is_symmetric_and_counts_both_ends_of_the_day(a: str, b: str, hours: float) -> None:
    assert overlap_hours(a, b, DAY, WAKE, SLEEP) == hours
    assert overlap_hours(b, a, DAY, WAKE, SLEEP) == hours


def test_daylight_saving_time_is_taken_from_the_reference_date() -> None:
    # The US moved its clocks on 8 March 2026, Europe only on 29 March.
    assert overlap_hours("Europe/Berlin", "America/New_York", date(2026, 3, 20), WAKE, SLEEP) == 9
    assert overlap_hours("Europe/Berlin", "America/New_York", date(2026, 7, 1), WAKE, SLEEP) == 8


def test_a_window_may_wrap_past_midnight() -> None:
    assert overlap_hours("UTC", "UTC", DAY, time(20), time(4)) == 8.0
    assert overlap_hours("UTC", "Asia/Tokyo", DAY, time(20), time(4)) == pytest.approx(0.0)


def test_an_unknown_zone_has_no_answer() -> None:
    assert overlap_hours("Europe/Berlin", "Mars/Olympus", DAY, WAKE, SLEEP) is None
    assert overlap_hours("", "UTC", DAY, WAKE, SLEEP) is None
