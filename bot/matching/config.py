"""The matching rules the core runs with (built from the [matching] settings)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time, timedelta


@dataclass(frozen=True, slots=True)
class MatchingConfig:
    """Capacities, timings and thresholds of mentor matching."""

    default_capacity: int = 2
    request_expiry: timedelta = timedelta(days=3)
    open_requests_per_mentee: int = 1
    ignored_requests_threshold: int = 3
    checkin_after: timedelta = timedelta(days=14)
    result_count: int = 3
    min_score: float = 25.0
    waking_start: time = time(8, 0)
    waking_end: time = time(22, 0)
    sweep_interval: timedelta = timedelta(seconds=60)

    def __post_init__(self) -> None:
        if self.default_capacity < 1:
            raise ValueError("default_capacity must be at least 1")
        if self.request_expiry <= timedelta(0) or self.checkin_after <= timedelta(0):
            raise ValueError("request_expiry and checkin_after must be positive")
        if self.open_requests_per_mentee < 1 or self.ignored_requests_threshold < 1:
            raise ValueError("open_requests_per_mentee and ignored_requests_threshold must be >= 1")
        if self.result_count < 1:
            raise ValueError("result_count must be at least 1")
        if self.waking_start == self.waking_end:
            raise ValueError("waking hours must not be empty")
        if self.sweep_interval <= timedelta(0):
            raise ValueError("sweep_interval must be positive")

    @property
    def waking_hours(self) -> float:
        """Length of the daily waking window in hours (a window may wrap past midnight)."""
        start = self.waking_start.hour * 60 + self.waking_start.minute
        end = self.waking_end.hour * 60 + self.waking_end.minute
        return ((end - start) % (24 * 60)) / 60
