"""SQLite serves one bot process: an exclusive lock file next to the database enforces it."""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType
from typing import Self

from bot.settings.database_url import sqlite_file

try:
    import fcntl
except ImportError:  # pragma: no cover - non-POSIX systems run without the guard
    fcntl = None  # type: ignore[assignment]


class DatabaseInUse(RuntimeError):
    """Another bot process already serves this SQLite file."""


class SqliteProcessLock:
    """Holds ``<database>.lock`` exclusively for the life of the process (released on death)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise DatabaseInUse naming the holder."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.read(fd, 64).decode(errors="replace").strip() or "unknown"
                os.close(fd)
                raise DatabaseInUse(
                    f"another mentormeet process (pid {holder}) is already running on "
                    f"{self.path.with_suffix('')}. SQLite supports one bot process; stop the "
                    "other one, or use PostgreSQL (database.url) to run several."
                ) from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    def release(self) -> None:
        """Give the lock back."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> Self:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def process_lock_for(url: str) -> SqliteProcessLock | None:
    """The lock guarding an SQLite file database; None for PostgreSQL or in-memory SQLite."""
    path = sqlite_file(url)
    return None if path is None else SqliteProcessLock(path.with_name(path.name + ".lock"))
