"""Process-level behaviour of the console bot: one process per SQLite file, graceful SIGTERM."""

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


def _start(config: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "console", "--config", str(config)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _wait_for_line(proc: subprocess.Popen[str], fragment: str, timeout: float = 60) -> str:
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if fragment in line:
            return line
        if not line and proc.poll() is not None:
            break
    raise AssertionError(f"no line containing {fragment!r}")


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "mentormeet.toml"
    path.write_text(f'[database]\nurl = "sqlite:///{tmp_path / "bot.db"}"\n', encoding="utf-8")
    return path


def test_a_second_process_on_the_same_sqlite_file_refuses_to_start(config: Path) -> None:
    first = _start(config)
    try:
        assert first.stdin is not None
        first.stdin.write("alice /help\n")
        first.stdin.flush()
        _wait_for_line(first, "[to alice]")
        second = subprocess.run(
            [sys.executable, "-m", "bot", "console", "--config", str(config)],
            input="bob /help\n", capture_output=True, text=True, timeout=60, check=False,
        )
        assert second.returncode == 3
        assert "another mentormeet process" in second.stderr
        assert "PostgreSQL" in second.stderr
        assert second.stdout == ""
    finally:
        first.kill()
        first.wait(timeout=30)
    after = subprocess.run(
        [sys.executable, "-m", "bot", "console", "--config", str(config)],
        input="bob /help\n", capture_output=True, text=True, timeout=60, check=False,
    )
    assert after.returncode == 0, after.stderr


def test_sigterm_stops_a_running_console_gracefully(config: Path) -> None:
    proc = _start(config)
    assert proc.stdin is not None
    proc.stdin.write("alice /intro I write Python\n:sleep 600\n")
    proc.stdin.flush()
    _wait_for_line(proc, "[to alice]")
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 0
    assert proc.stderr is not None
    assert "shutting down" in proc.stderr.read()
    lock = config.parent / "bot.db.lock"
    rerun = subprocess.run(
        [sys.executable, "-m", "bot", "console", "--config", str(config)],
        input="alice /profile\n", capture_output=True, text=True, timeout=60, check=False,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert "Python" in rerun.stdout
    assert lock.exists()
