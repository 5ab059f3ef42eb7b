"""Isolation and authorization probes through the console script (a real subprocess on SQLite)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

from bot.domain.community import Platform
from storage.engine import create_engine
from storage.migrate import upgrade
from storage.uow import make_uow_factory
from tests.hardening.probes import says_not_found, says_organizers_only
from tests.support.meetups import seed_meetup


async def _seed_other_community(db: Path) -> int:
    engine = create_engine(f"sqlite+aiosqlite:///{db}")
    try:
        await upgrade(engine)
        _, _, other = await seed_meetup(make_uow_factory(engine), "zed",
                                        platform=Platform.DISCORD, community_id="local")
    finally:
        await engine.dispose()
    return other.id


def test_console_members_cannot_reach_other_communities_or_organize(tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    other_id = asyncio.run(_seed_other_community(db))
    config = tmp_path / "mentormeet.toml"
    config.write_text(f'[database]\nurl = "sqlite+aiosqlite:///{db}"\n'
                      '[console]\norganizers = ["olga"]\n', encoding="utf-8")
    probes = [f"olga /meetup info {other_id}", f"olga /rsvp {other_id} going",
              f"olga /meetup cancel {other_id} confirm", f"olga /meetup edit {other_id} title=X"]
    refusals = ['alice /meetup create title=T when="next Monday 19:00"', "alice /match round"]
    result = subprocess.run([sys.executable, "-m", "bot", "console", "--config", str(config)],
                            input="\n".join(probes + refusals), capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    olga = [line for line in result.stdout.splitlines() if line.startswith("[to olga]")]
    alice = [line for line in result.stdout.splitlines() if line.startswith("[to alice]")]
    assert sum(says_not_found(line) for line in olga) == len(probes), olga
    assert sum(says_organizers_only(line) for line in alice) == len(refusals), alice
    assert not any(line.startswith("[#") for line in result.stdout.splitlines())
