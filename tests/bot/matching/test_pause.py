"""``/mentor pause <until>``: durations and dates, read in the mentor's time zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.matching.pause import PauseError, pause_end

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)  # a Sunday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 weeks", NOW + timedelta(weeks=2)),
        ("for 10 days", NOW + timedelta(days=10)),
        ("a week", NOW + timedelta(weeks=1)),
        ("36h", NOW + timedelta(hours=36)),
        ("until friday", datetime(2026, 3, 5, 23, 0, tzinfo=UTC)),  # Friday 00:00 in Berlin
        ("2026-12-01", datetime(2026, 11, 30, 23, 0, tzinfo=UTC)),
        ("1 April", datetime(2026, 3, 31, 22, 0, tzinfo=UTC)),  # summer time by then
    ],
)
def test_durations_and_dates(text: str, expected: datetime) -> None:
    assert pause_end(text, NOW, "Europe/Berlin") == expected


def test_without_a_zone_dates_are_utc() -> None:
    assert pause_end("2026-12-01", NOW, None) == datetime(2026, 12, 1, tzinfo=UTC)
    assert pause_end("2026-12-01", NOW, "Not/AZone") == datetime(2026, 12, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("yesterday", "not in the future"),
        ("whenever I feel like it", "can't read"),
        ("3 years", "at most a year"),
        ("until", "can't read"),
        ("   ", "until when"),
    ],
)
def test_bad_pauses(text: str, message: str) -> None:
    with pytest.raises(PauseError, match=message):
        pause_end(text, NOW, "Europe/Berlin")
