"""Database URL checks: accepted schemes, normalisation to the async drivers, password masking."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

import platformdirs

SQLITE_SCHEME = "sqlite+aiosqlite"
POSTGRES_SCHEME = "postgresql+asyncpg"

# Every scheme we accept, mapped to the async driver scheme it stands for.
_SCHEME_ALIASES = {
    "sqlite": SQLITE_SCHEME,
    SQLITE_SCHEME: SQLITE_SCHEME,
    "postgresql": POSTGRES_SCHEME,
    "postgres": POSTGRES_SCHEME,
    POSTGRES_SCHEME: POSTGRES_SCHEME,
}

ALLOWED_URLS = (
    "a URL starting with sqlite+aiosqlite:// or postgresql+asyncpg:// "
    "(sqlite://, postgresql:// and postgres:// are accepted and switched to those drivers)"
)


def default_database_url() -> str:
    """The SQLite file in the per-user data directory, used when nothing is configured."""
    path = Path(platformdirs.user_data_dir("mentormeet")) / "mentormeet.db"
    return f"{SQLITE_SCHEME}:///{path.as_posix()}"


def normalise_database_url(raw: str) -> str:
    """Return the URL with an async driver scheme; raise ValueError naming what is wrong."""
    url = raw.strip()
    if not url:
        raise ValueError("the database URL is empty")
    scheme, separator, rest = url.partition("://")
    if not separator:
        raise ValueError("this is not a database URL (no '://')")
    driver = _SCHEME_ALIASES.get(scheme.lower())
    if driver is None:
        raise ValueError(f"the scheme {scheme!r} is not supported")
    if driver == SQLITE_SCHEME:
        return f"{SQLITE_SCHEME}://{_sqlite_rest(rest)}"
    return f"{POSTGRES_SCHEME}://{rest}"


def _sqlite_rest(rest: str) -> str:
    """Check the part after ``sqlite://`` and expand a leading ``~`` in the file path."""
    if rest and not rest.startswith("/"):
        raise ValueError(
            "an SQLite URL has no host: write sqlite+aiosqlite:///relative/file.db "
            "or sqlite+aiosqlite:////absolute/file.db"
        )
    path, question, query = rest[1:].partition("?")
    if path.startswith("~"):
        path = Path(path).expanduser().as_posix()
    return f"/{path}{question}{query}" if rest else ""


def sqlite_file(url: str) -> Path | None:
    """The database file of a normalised SQLite URL; None for in-memory or PostgreSQL."""
    prefix = f"{SQLITE_SCHEME}:///"
    if not url.startswith(prefix):
        return None
    path = url[len(prefix) :].partition("?")[0]
    if not path or path == ":memory:":
        return None
    return Path(path)


def url_password(url: str) -> str | None:
    """The password embedded in the URL, if any (as written, percent-escapes intact)."""
    try:
        return urlsplit(url).password or None
    except ValueError:
        return None


def mask_password(url: str) -> str:
    """The URL with any password replaced by ``***`` so it can be shown or logged."""
    password = url_password(url)
    if password is None:
        return url
    parts = urlsplit(url)
    user_info, _, host = parts.netloc.rpartition("@")
    user = user_info.partition(":")[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


def password_forms(url: str) -> list[str]:
    """The password as written and percent-decoded, for log redaction."""
    password = url_password(url)
    if password is None:
        return []
    return sorted({password, unquote(password)})
