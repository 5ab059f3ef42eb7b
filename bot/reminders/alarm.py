"""The link from handlers to the background runner: "wake the reminder dispatcher at T"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

Wake = Callable[[datetime | None], None]


class Alarm:
    """Asks for a dispatcher run; does nothing until ``attach`` connects it to a runner.

    The database stays the source of truth: a missed ring only delays a delivery until the
    dispatcher's safety interval, it never loses one.
    """

    def __init__(self) -> None:
        self._wake: Wake | None = None
        self._rerun = False

    def attach(self, wake: Wake) -> None:
        """Connect to the runner, e.g. ``lambda at: runner.wake("reminders", at)``."""
        self._wake = wake

    def ring(self, at: datetime | None = None) -> None:
        """Run the dispatcher at ``at`` (aware), or as soon as possible when None."""
        if at is None:
            # A run in progress ignores new wake-ups; this flag makes it look once more.
            self._rerun = True
        if self._wake is not None:
            self._wake(at)

    def take_rerun(self) -> bool:
        """Whether an immediate run was asked for since the last call (and clear it)."""
        asked, self._rerun = self._rerun, False
        return asked
