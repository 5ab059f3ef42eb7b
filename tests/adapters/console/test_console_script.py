"""The console driven end to end as a subprocess: script in, `[to member]` lines out."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parents[2] / "fixtures" / "intros"


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "mentormeet.toml"
    db = tmp_path / "data" / "bot.db"
    path.write_text(f'[database]\nurl = "sqlite+aiosqlite:///{db}"\n', encoding="utf-8")
    return path


def console(config: Path, script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m bot console` with the script on stdin."""
    return subprocess.run(
        [sys.executable, "-m", "bot", "console", "--config", str(config), *args],
        input=script,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_intro_profile_forget_end_to_end(config: Path) -> None:
    script = "\n".join(
        [
            "# a comment, then a blank line",
            "",
            "alice /intro Backend engineer, 8 years of Python and Postgres, learning Rust",
            "bob /profile",
            "alice /profile",
            "alice /profile edit add Kafka; timezone Europe/Berlin",
            ":sleep 0.1",
            "alice /forget",
            "alice /forget confirm",
            "alice /profile",
        ]
    )
    result = console(config, script)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines, result.stderr
    assert all(line.startswith(("[to ", "[#")) for line in lines), lines
    alice = [line for line in lines if line.startswith("[to alice]")]
    bob = [line for line in lines if line.startswith("[to bob]")]
    text = "\n".join(alice)
    assert "Python" in text
    assert "PostgreSQL" in text
    assert "Rust" in text
    assert "Europe/Berlin" in text
    assert "Kafka" in text
    assert "[Delete everything → /forget confirm]" in text
    assert "everything about you in this community has been deleted" in text
    assert "no profile yet" in alice[-2] or "no profile yet" in alice[-1]
    assert any("no profile yet" in line for line in bob)


def test_profile_persists_across_runs_in_the_sqlite_file(config: Path) -> None:
    first = console(config, "carol /intro I build data pipelines in Scala and Spark\n")
    assert first.returncode == 0, first.stderr
    second = console(config, "carol /profile\n")
    assert "Scala" in second.stdout
    assert "Apache Spark" in second.stdout


def test_malformed_script_lines_are_reported_on_stderr_and_the_rest_runs(config: Path) -> None:
    result = console(config, "/intro no member\n:sleep soon\ndave /help\n")
    assert result.returncode == 0
    assert "line 1" in result.stderr
    assert "line 2" in result.stderr
    assert result.stdout.startswith("[to dave]")


def test_sample_intros_through_the_console(config: Path) -> None:
    text = (FIXTURES / "002_a58bccef1fc14ae0.txt").read_text(encoding="utf-8")
    one_line = " ".join(text.split())
    result = console(config, f"andrew /intro {one_line}\n")
    assert result.returncode == 0, result.stderr
    for name in ("PostgreSQL", "MongoDB", "Kafka", "RabbitMQ"):
        assert name in result.stdout


def test_bad_config_stops_with_a_message_naming_the_key(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[intro]\nmax_chars = -5\n", encoding="utf-8")
    result = console(bad, "")
    assert result.returncode == 2
    assert "intro.max_chars" in result.stderr


def test_profile_parse_prints_json(config: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "profile", "parse", "--config", str(config)],
        input="Senior Go developer since 2015, learning Rust, happy to mentor. UTC+2",
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["skills"] == ["Go"]
    assert data["learning"] == ["Rust"]
    assert data["mentoring_offer"] is True
    assert data["seniority"] == "senior"
    assert data["timezone"] == "Etc/GMT-2"
    assert isinstance(data["years_experience"], int | float)
    assert "evidence" in data


def test_profile_parse_jsonl_batch_keeps_going_after_a_bad_line(config: Path) -> None:
    lines = [
        json.dumps({"id": 1, "text": "I write Python and SQL"}),
        "not json",
        json.dumps({"id": "x", "text": ""}),
        json.dumps({"id": 4, "text": "Learning Kubernetes, never used Java"}),
    ]
    result = subprocess.run(
        [sys.executable, "-m", "bot", "profile", "parse", "--jsonl", "--config", str(config)],
        input="\n".join(lines) + "\n",
        capture_output=True, text=True, timeout=120, check=False,
    )
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 1
    assert [o["id"] for o in out] == [1, None, "x", 4]
    assert out[0]["skills"] == ["Python", "SQL"]
    assert "error" in out[1]
    assert "error" in out[2]
    assert out[3]["learning"] == ["Kubernetes"]
    assert out[3]["skills"] == []
