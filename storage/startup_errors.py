"""Connection-level failures while opening the database, as one operator-readable error."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.errors import DatabaseUnavailable
from bot.settings import SecretRedactingFilter
from bot.settings.database_url import password_forms
from bot.settings.sections import DatabaseSettings

# SQLSTATE prefixes of a server that will not let us in: connection exception (08), bad login
# (28), no such database (3D), too many connections (53), shutting down or starting up (57P).
_REFUSED_SQLSTATES = ("08", "28", "3D", "53", "57P")

_POSTGRES_HINT = (
    "check database.url (MENTORMEET_DATABASE_URL), that the server is running and reachable, "
    "and that it accepts this user and database"
)
_SQLITE_HINT = (
    "check database.url (MENTORMEET_DATABASE_URL): the file's folder must exist or be creatable, "
    "and be writable by this user"
)


@contextmanager
def opening_database(database: DatabaseSettings) -> Iterator[None]:
    """Turn a connection-level failure inside the block into DatabaseUnavailable; others pass."""
    try:
        yield
    except Exception as exc:
        unavailable = database_unavailable(exc, database)
        if unavailable is None:
            raise
        raise unavailable from exc


async def check_connection(engine: AsyncEngine, database: DatabaseSettings) -> None:
    """Open and close one connection, raising DatabaseUnavailable when that fails."""
    with opening_database(database):
        async with engine.connect():
            pass


def database_unavailable(
    exc: BaseException, database: DatabaseSettings
) -> DatabaseUnavailable | None:
    """The error to report for ``exc``, or None when it is not a connection-level failure."""
    reason = _reason(exc, database)
    if reason is None:
        return None
    redact = SecretRedactingFilter(password_forms(database.url)).redact
    path = database.sqlite_path
    if path is None:
        message = f"could not connect to the database {database.display_url}: {reason}"
        hint = _POSTGRES_HINT
    else:
        message = f"cannot open the SQLite database {path}: {reason}"
        hint = _SQLITE_HINT
    return DatabaseUnavailable(redact(" ".join(message.splitlines())), hint)


def _reason(exc: BaseException, database: DatabaseSettings) -> str | None:
    if isinstance(exc, TimeoutError):
        return f"no answer within {database.connect_timeout:g} s (database.connect_timeout)"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused (is the server running, on this host and port?)"
    if isinstance(exc, socket.gaierror):
        return f"unknown host ({exc.strerror or exc})"
    if isinstance(exc, FileExistsError | NotADirectoryError) and exc.filename:
        return f"{exc.filename} is not a folder"
    if isinstance(exc, OSError):
        what = exc.strerror or str(exc)
        return f"{exc.filename}: {what}" if exc.filename else what
    if isinstance(exc, OperationalError | InterfaceError) or (
        isinstance(exc, DBAPIError) and _refused(exc.orig)
    ):
        return _first_line(exc.orig if exc.orig is not None else exc)
    if _refused(exc):  # a driver error SQLAlchemy did not wrap
        return _first_line(exc)
    return None


def _refused(error: BaseException | None) -> bool:
    sqlstate = getattr(error, "sqlstate", None)
    return isinstance(sqlstate, str) and sqlstate.upper().startswith(_REFUSED_SQLSTATES)


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
