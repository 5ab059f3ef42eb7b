"""Meetups through the console as a subprocess: a reminder arrives while the script sleeps."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "mentormeet.toml"
    db = tmp_path / "data" / "bot.db"
    path.write_text(
        f'[database]\nurl = "sqlite+aiosqlite:///{db}"\n'
        '[console]\norganizers = ["alice"]\n'
        '[reminders]\nsafety_interval = "5s"\n',
        encoding="utf-8",
    )
    return path


def run(config: Path, *args: str, script: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args, "--config", str(config)],
        input=script, capture_output=True, text=True, timeout=120, check=False,
    )


def test_a_reminder_arrives_in_script_mode(config: Path) -> None:
    script = "\n".join([
        "alice /timezone Europe/Berlin",
        'alice /meetup create title="Rust night" when="in 20 seconds" duration=1h '
        'where="Room 1" capacity=1 remind=10s',
        "alice /meetup confirm 1",
        "bob /rsvp 1 going",
        "carol /rsvp 1 going",
        "# the reminder is due 10 s before the start; keep the bot running past it",
        ":sleep 16",
        "bob /meetup ics 1",
    ])
    result = run(config, "console", script=script)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert all(line.startswith(("[to ", "[#")) for line in lines), lines
    assert any(line.startswith("[#meetups] 📅 Rust night") for line in lines)
    assert "[to carol] Rust night is full, so you're #1 on the waitlist." in "\n".join(lines)
    reminders = [i for i, line in enumerate(lines)
                 if line.startswith("[to bob] ⏰ Reminder: Rust night starts in")]
    calendar_line = next(i for i, line in enumerate(lines) if "📎 meetup-1-rust-night.ics" in line)
    assert len(reminders) == 1  # to bob once; carol is on the waitlist
    assert reminders[0] < calendar_line
    assert any(line.startswith("[#meetups] ⏰ Reminder: Rust night starts in") for line in lines)
    assert not any(line.startswith("[to carol] ⏰") for line in lines)
    ics = "\n".join(line.removeprefix("[to bob] ") for line in lines[calendar_line + 1:]
                    if line.startswith("[to bob] "))
    (event,) = Calendar.from_ical(ics.replace("\n", "\r\n")).walk("VEVENT")
    assert str(event["summary"]) == "Rust night"


def test_the_ics_command_writes_the_communitys_calendar(config: Path, tmp_path: Path) -> None:
    script = "\n".join([
        'alice /meetup create title="Go" every="weekly on Thursday at 19:00" tz=Europe/Berlin',
        "alice /meetup confirm 1",
        'alice /meetup create title="Draft only" when="tomorrow 18:00"',
    ])
    assert run(config, "console", script=script).returncode == 0
    target = tmp_path / "local.ics"
    result = run(config, "ics", "--community", "console:local", "--output", str(target))
    assert result.returncode == 0, result.stderr
    assert "wrote 1 upcoming meetup of local" in result.stderr
    parsed = Calendar.from_ical(target.read_bytes())
    (event,) = parsed.walk("VEVENT")
    assert str(event["summary"]) == "Go"
    assert event.get("rrule").to_ical() == b"FREQ=WEEKLY;BYDAY=TH"
    assert event.decoded("dtstart").hour == 19
    missing = run(config, "ics", "--community", "console:nowhere")
    assert missing.returncode == 1
    assert "no community matches" in missing.stderr


def test_without_an_organizer_list_the_console_member_can_announce_at_once(
        tmp_path: Path) -> None:
    plain = tmp_path / "plain.toml"
    plain.write_text(f'[database]\nurl = "sqlite+aiosqlite:///{tmp_path / "plain.db"}"\n',
                     encoding="utf-8")
    script = "\n".join([
        'you /meetup create title="Rust night" when="next Friday 19:00"',
        'bob /meetup create title="Go night" when="next Friday 19:00"',
    ])
    result = run(plain, "console", script=script)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "[to you] ⚠" not in out
    assert "/meetup confirm 1" in out
    assert "[to bob] ⚠ Only organizers can create meetups" in out
