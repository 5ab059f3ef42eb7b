"""Retry timing for transient send failures: capped exponential backoff with jitter."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True, slots=True)
class Backoff:
    """Delay before attempt ``n + 1`` after ``n`` failed ones: base·2^(n-1), capped, ±jitter."""

    base: timedelta = timedelta(seconds=30)
    cap: timedelta = timedelta(hours=1)
    jitter: float = 0.2  # fraction of the delay, spread evenly either way

    def __post_init__(self) -> None:
        if self.base <= timedelta(0) or self.cap < self.base:
            raise ValueError("backoff needs 0 < base <= cap")
        if not 0 <= self.jitter < 1:
            raise ValueError("backoff jitter is a fraction from 0 to below 1")

    def delay(self, attempts: int, rng: random.Random | None = None) -> timedelta:
        """The wait after ``attempts`` (>= 1) failed attempts."""
        if attempts < 1:
            raise ValueError("attempts counts failed attempts, starting at 1")
        exponent = min(attempts - 1, 32)
        seconds = min(self.base.total_seconds() * 2**exponent, self.cap.total_seconds())
        spread = (rng or random).uniform(-self.jitter, self.jitter)
        return timedelta(seconds=seconds * (1 + spread))
