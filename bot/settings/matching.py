"""The [matching] settings section: mentor capacity, request and check-in timing, ranking."""

from __future__ import annotations

import re
from datetime import time, timedelta
from typing import Any

from pydantic import Field, field_validator

from bot.matching.config import MatchingConfig
from bot.meetups.durations import DurationError, parse_duration
from bot.settings.sections import Section

DURATION_RULE = "a duration such as 90s, 30m, 12h, 3d or 2w, or a number of seconds"
_HOURS = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


def _duration(value: Any) -> Any:
    """Durations as people write them; numbers are seconds (fractions allowed)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        try:
            return timedelta(seconds=value)
        except (OverflowError, ValueError):  # inf, nan or beyond timedelta's range
            raise ValueError(f"{value} seconds is not a usable duration") from None
    if isinstance(value, str) and not value.strip().upper().startswith("P"):
        try:
            return parse_duration(value)
        except DurationError as exc:
            raise ValueError(str(exc)) from None
    return value


def waking_window(text: str) -> tuple[time, time]:
    """Parse "08:00-22:00" (a window may wrap past midnight, e.g. "20:00-04:00")."""
    match = _HOURS.match(text)
    if match is None:
        raise ValueError(f"{text!r} is not a window like 08:00-22:00")
    sh, sm, eh, em = (int(group) for group in match.groups())
    if sh > 23 or eh > 23 or sm > 59 or em > 59:
        raise ValueError(f"{text!r} has an hour above 23 or a minute above 59")
    start, end = time(sh, sm), time(eh, em)
    if start == end:
        raise ValueError(f"{text!r} is an empty window")
    return start, end


class MatchingSettings(Section):
    """Mentor matching."""

    default_capacity: int = Field(
        default=2, ge=1, le=10, description="a whole number of mentees from 1 to 10"
    )
    request_expiry: timedelta = Field(
        default=timedelta(days=3), description=f"{DURATION_RULE}; from 1 second to 30 days"
    )
    open_requests_per_mentee: int = Field(
        default=1, ge=1, le=5, description="a whole number from 1 to 5"
    )
    ignored_requests_threshold: int = Field(
        default=3, ge=1, le=20, description="a whole number from 1 to 20"
    )
    checkin_after: timedelta = Field(
        default=timedelta(days=14), description=f"{DURATION_RULE}; from 1 second to 180 days"
    )
    result_count: int = Field(default=3, ge=1, le=10, description="a whole number from 1 to 10")
    min_score: float = Field(default=25.0, ge=0, le=100, description="a number from 0 to 100")
    waking_hours: str = Field(
        default="08:00-22:00", description='a local-time window "HH:MM-HH:MM", e.g. "08:00-22:00"'
    )
    sweep_interval: timedelta = Field(
        default=timedelta(seconds=60), description=f"{DURATION_RULE}; from 0.1 seconds to 1 hour"
    )

    @field_validator("request_expiry", "checkin_after", "sweep_interval", mode="before")
    @classmethod
    def _durations(cls, value: Any) -> Any:
        return _duration(value)

    @field_validator("request_expiry", "checkin_after", "sweep_interval")
    @classmethod
    def _in_range(cls, value: timedelta, info: Any) -> timedelta:
        low, high = {
            "request_expiry": (timedelta(seconds=1), timedelta(days=30)),
            "checkin_after": (timedelta(seconds=1), timedelta(days=180)),
            "sweep_interval": (timedelta(seconds=0.1), timedelta(hours=1)),
        }[info.field_name]
        if not low <= value <= high:
            raise ValueError(f"{value} is outside {low} .. {high}")
        return value

    @field_validator("waking_hours")
    @classmethod
    def _window(cls, value: str) -> str:
        start, end = waking_window(value)
        return f"{start:%H:%M}-{end:%H:%M}"

    def config(self) -> MatchingConfig:
        """The core's matching rules."""
        start, end = waking_window(self.waking_hours)
        return MatchingConfig(
            default_capacity=self.default_capacity,
            request_expiry=self.request_expiry,
            open_requests_per_mentee=self.open_requests_per_mentee,
            ignored_requests_threshold=self.ignored_requests_threshold,
            checkin_after=self.checkin_after,
            result_count=self.result_count,
            min_score=self.min_score,
            waking_start=start,
            waking_end=end,
            sweep_interval=self.sweep_interval,
        )
