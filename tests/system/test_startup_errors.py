"""`mentormeet run` on a database it cannot open: one clear line, no traceback, exit code 5.

Each test starts a real `mentormeet run` process (the console, as no platform tokens are set)
with only ``MENTORMEET_DATABASE_*`` settings and checks what an operator would see on stderr.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.support.databases import POSTGRES_URL_ENV, postgres_url

EXIT_DATABASE_UNAVAILABLE = 5
CONNECT_TIMEOUT = 2  # seconds, database.connect_timeout of every run here
BOUND = 30.0  # seconds a failing start may take, process start-up included
PASSWORD = "startup-pa55word-zz"


@dataclass(frozen=True)
class Failed:
    """How a `mentormeet run` that could not start ended."""

    code: int
    stderr: str
    stdout: str
    seconds: float


def run_bot(tmp_path: Path, url: str, **database: str) -> Failed:
    """Run `mentormeet run` on ``url`` with an empty config and home, and wait for it to end."""
    config = tmp_path / "empty.toml"
    config.write_text("# settings come from the environment\n", encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if not key.startswith("MENTORMEET_")}
    env |= {"HOME": str(tmp_path), "MENTORMEET_CONFIG": str(config),
            "MENTORMEET_DATABASE_URL": url,
            "MENTORMEET_DATABASE_CONNECT_TIMEOUT": str(CONNECT_TIMEOUT)}
    env |= {f"MENTORMEET_DATABASE_{key.upper()}": value for key, value in database.items()}
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"], input="alice /help\n", capture_output=True,
        text=True, timeout=BOUND * 2, check=False, env=env, cwd=tmp_path,
    )
    return Failed(result.returncode, result.stderr, result.stdout, time.monotonic() - started)


def assert_reported(failed: Failed, *problem: str) -> None:
    """The start failed with the database exit code and a short, password-free message."""
    assert failed.code == EXIT_DATABASE_UNAVAILABLE, failed.stderr
    assert "Traceback" not in failed.stderr
    lines = failed.stderr.strip().splitlines()
    assert 1 <= len(lines) <= 3, failed.stderr
    assert lines[0].startswith("mentormeet: ")
    assert all(fragment in lines[0] for fragment in problem), failed.stderr
    assert PASSWORD not in failed.stderr + failed.stdout


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A local port that accepts connections and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield listener.getsockname()[1]


def test_a_closed_postgres_port_is_reported_in_one_line(tmp_path: Path) -> None:
    url = f"postgresql+asyncpg://bot:{PASSWORD}@127.0.0.1:1/nowhere"
    failed = run_bot(tmp_path, url)
    assert_reported(failed, "could not connect", "bot:***@127.0.0.1:1/nowhere", "refused")


def test_a_postgres_server_that_never_answers_fails_after_the_connect_timeout(
    tmp_path: Path, silent_port: int
) -> None:
    url = f"postgresql+asyncpg://bot:{PASSWORD}@127.0.0.1:{silent_port}/nowhere"
    failed = run_bot(tmp_path, url)
    assert_reported(failed, "could not connect", f"no answer within {CONNECT_TIMEOUT} s")
    assert failed.seconds >= CONNECT_TIMEOUT


def test_an_sqlite_file_under_a_regular_file_is_reported_in_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    database = blocker / "bot.db"
    failed = run_bot(tmp_path, f"sqlite+aiosqlite:///{database}")
    assert_reported(failed, "cannot open", str(database), "is not a folder")


def test_an_sqlite_path_that_is_a_folder_is_reported_in_one_line(tmp_path: Path) -> None:
    database = tmp_path / "bot.db"
    database.mkdir()
    failed = run_bot(tmp_path, f"sqlite+aiosqlite:///{database}")
    assert_reported(failed, "cannot open", str(database), "unable to open database file")


@pytest.mark.postgres
@pytest.mark.skipif(postgres_url() is None, reason=f"{POSTGRES_URL_ENV} is not set")
def test_a_missing_postgres_database_is_reported_in_one_line(tmp_path: Path) -> None:
    server = make_url(postgres_url() or "")
    missing = server.set(database="mentormeet_no_such_db")
    failed = run_bot(tmp_path, missing.render_as_string(hide_password=False))
    assert_reported(failed, "could not connect", "mentormeet_no_such_db", "does not exist")
    if server.password:
        assert server.password not in failed.stderr
