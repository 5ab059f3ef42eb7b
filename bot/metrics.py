"""The metrics port: what the core reports about its work, and two implementations without I/O.

The Prometheus implementation lives in ``adapters/ops``. Every method is cheap and never raises,
so callers report without guarding. Label values are bounded: command names come from the
command classes, outcomes and queues from the enums and names below.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol


class CommandOutcome(StrEnum):
    """How a command ended."""

    OK = "ok"
    USER_ERROR = "user_error"  # the reply is an error the member can fix (bad input, not allowed)
    FAILURE = "failure"  # an unexpected exception; the member was asked to try again


class ReminderOutcome(StrEnum):
    """What became of one due reminder; each reminder is counted once, under one outcome."""

    SENT = "sent"  # delivered within its grace period
    LATE = "late"  # delivered, but after its grace period
    MISSED = "missed"  # not delivered because it was too late to still be useful
    FAILED = "failed"  # the platform refused it for good (DMs closed, member left)


class Metrics(Protocol):
    """Counters, gauges and timings the core reports; implementations must never raise."""

    def command_handled(self, command: str, outcome: CommandOutcome, seconds: float) -> None:
        """One command finished with ``outcome`` after ``seconds`` of handling."""
        ...

    def reminder(self, outcome: ReminderOutcome) -> None:
        """One due reminder reached its final outcome."""
        ...

    def due_queue_depth(self, queue: str, depth: int) -> None:
        """How many items of ``queue`` (e.g. "reminders") are due and not yet handled."""
        ...

    def match_round(self, seconds: float) -> None:
        """One matching round finished after ``seconds``."""
        ...

    def database_wait(self, seconds: float) -> None:
        """How long a unit of work waited for its turn on the database."""
        ...

    def adapter_connected(self, platform: str, connected: bool) -> None:
        """Whether the adapter of ``platform`` is connected to its platform right now."""
        ...


class NullMetrics:
    """Reports nowhere: the default when metrics are off."""

    def command_handled(self, command: str, outcome: CommandOutcome, seconds: float) -> None:
        """Ignore the command."""

    def reminder(self, outcome: ReminderOutcome) -> None:
        """Ignore the reminder."""

    def due_queue_depth(self, queue: str, depth: int) -> None:
        """Ignore the depth."""

    def match_round(self, seconds: float) -> None:
        """Ignore the round."""

    def database_wait(self, seconds: float) -> None:
        """Ignore the wait."""

    def adapter_connected(self, platform: str, connected: bool) -> None:
        """Ignore the state."""


@dataclass(slots=True)
class RecordingMetrics:
    """Keeps everything reported, for tests."""

    commands: Counter[tuple[str, CommandOutcome]] = field(default_factory=Counter)
    durations: list[tuple[str, float]] = field(default_factory=list)
    reminders: Counter[ReminderOutcome] = field(default_factory=Counter)
    queue_depths: dict[str, int] = field(default_factory=dict)
    match_rounds: list[float] = field(default_factory=list)
    connections: dict[str, bool] = field(default_factory=dict)
    database_waits: list[float] = field(default_factory=list)

    def command_handled(self, command: str, outcome: CommandOutcome, seconds: float) -> None:
        """Count the command and keep its duration."""
        self.commands[(command, CommandOutcome(outcome))] += 1
        self.durations.append((command, seconds))

    def reminder(self, outcome: ReminderOutcome) -> None:
        """Count the reminder's outcome."""
        self.reminders[ReminderOutcome(outcome)] += 1

    def due_queue_depth(self, queue: str, depth: int) -> None:
        """Keep the latest depth of the queue."""
        self.queue_depths[queue] = depth

    def match_round(self, seconds: float) -> None:
        """Keep the round's duration."""
        self.match_rounds.append(seconds)

    def database_wait(self, seconds: float) -> None:
        """Keep the wait."""
        self.database_waits.append(seconds)

    def adapter_connected(self, platform: str, connected: bool) -> None:
        """Keep the latest state of the adapter."""
        self.connections[platform] = connected


_WORD_START = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def command_name(command_type: type) -> str:
    """The metric and log name of a command class: ``SubmitIntro`` → ``submit_intro``."""
    return _WORD_START.sub("_", command_type.__name__).lower()
