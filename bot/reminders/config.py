"""Reminder dispatcher settings as the core uses them (built from the ``[reminders]`` section)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from bot.reminders.backoff import Backoff


@dataclass(frozen=True, slots=True)
class DispatchConfig:
    """How the reminder dispatcher claims, sends and retries."""

    lease: timedelta = timedelta(seconds=60)  # a claimed batch is reclaimable after this
    max_attempts: int = 8
    backoff: Backoff = field(default_factory=Backoff)
    safety_interval: timedelta = timedelta(seconds=30)  # wake up at least this often
    batch_size: int = 200
    concurrency: int = 20  # sends in flight at once
    late_after: timedelta = timedelta(seconds=60)  # sent later than due + this → LATE

    def __post_init__(self) -> None:
        if self.lease <= timedelta(0) or self.max_attempts < 1 or self.batch_size < 1:
            raise ValueError("lease, max_attempts and batch_size must be positive")
        if self.concurrency < 1:
            raise ValueError("concurrency must be positive")

