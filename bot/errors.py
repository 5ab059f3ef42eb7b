"""Errors the core turns into friendly replies."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class UsageError(Exception):
    """A command could not be understood or is not allowed; ``message`` tells the member why."""

    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class DatabaseUnavailable(Exception):
    """The database could not be reached or opened at start-up: which one (no password) and why."""

    message: str
    hint: str | None = None

    def __str__(self) -> str:
        return self.message


class CommitOutcomeUnknown(Exception):
    """The database connection was lost while committing: the work may or may not be saved."""
