"""Mentor matching end to end through the console in script mode (a subprocess on SQLite):
ask, decline, expiry, accept, check-in, rating, and an organizer's round — with timings set
short in the config so expiry and check-ins fire during ``:sleep``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
# four mentors-to-be and a mentee; members get ids 1.. in this order
rosa /profile edit add Rust, Go; timezone Europe/Berlin; mentoring on
otto /profile edit add Rust; timezone America/New_York; mentoring on
kai /profile edit add Rust; timezone Europe/London; mentoring on; capacity 1
ana /profile edit learn Rust; timezone Europe/Paris
ana /match
ana /match request 1
rosa /match decline 1
ana /match request 2
:sleep 3
ana /match request 3
kai /match accept 3
:sleep 3
ana /match checkin 1 met
ana /match rate 1 5
kai /match checkin 1 scheduled
bea /profile edit learn Go; timezone Europe/Berlin
bea /match
ana /mentor off
nobody /match round
org /match round
"""


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "mentormeet.toml"
    db = tmp_path / "data" / "bot.db"
    path.write_text(
        f'[database]\nurl = "sqlite+aiosqlite:///{db}"\n'
        '[console]\norganizers = ["org"]\n'
        '[matching]\nrequest_expiry = "2s"\ncheckin_after = "2s"\nsweep_interval = 0.2\n',
        encoding="utf-8",
    )
    return path


def lines_for(output: list[str], member: str) -> str:
    return "\n".join(line for line in output if line.startswith(f"[to {member}]"))


def test_the_whole_matching_flow_in_the_console(config: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "console", "--config", str(config)],
        input=SCRIPT, capture_output=True, text=True, timeout=180, check=False,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout.splitlines()
    assert all(line.startswith(("[to ", "[#")) for line in out), out
    ana, rosa, otto, kai = (lines_for(out, m) for m in ("ana", "rosa", "otto", "kai"))

    # /match: ranked, explained, with Ask buttons
    assert "[to ana] Mentors for Rust, best first:" in ana
    assert "Knows Rust, which you want to learn" in ana
    assert "[Ask rosa → /match request 1]" in ana
    # the request reaches the mentor with Accept / Decline
    assert "[to rosa] ana would like you as their mentor." in rosa
    assert "[Accept → /match accept 1]  [Decline → /match decline 1]" in rosa
    # decline: the mentee hears kindly and gets the next matches
    assert "[to ana] rosa can't take on a mentee right now — no hard feelings" in ana
    # expiry (2 s, swept during :sleep): the mentee is offered the next match
    assert "[to ana] otto didn't answer your request in time" in ana
    assert "[to otto] The mentoring request from ana expired without an answer" in otto
    # accept: pairing, both introduced, check-in after 2 s
    assert "[to kai] You're now mentoring ana 🎉 I've introduced you both by DM." in kai
    assert "[to ana] Good news: kai accepted — meet your mentor!" in ana
    assert "[to kai] Meet your mentee ana!" in kai
    assert "[to ana] Checking in: did you and kai meet?" in ana
    assert "[to kai] Checking in: did you and ana meet?" in kai
    assert "[We met → /match checkin 1 met]" in ana
    assert "[★★★★★ → /match rate 1 5]" in ana
    assert "[to ana] Thanks! You rated it 5/5" in ana
    assert "[to kai] Nice, enjoy the conversation! I'll check in again in 2 seconds." in kai
    # rounds are for organizers; the summary goes to the channel
    assert "[to nobody] ⚠ Only organizers can run a matching round." in "\n".join(out)
    summary = [line for line in out if line.startswith("[#general]")]
    assert summary[0].startswith("[#general] Matching round #1: 1 of 1 waiting mentees matched")
    assert "[to bea] In this matching round you were matched with rosa" in "\n".join(out)
