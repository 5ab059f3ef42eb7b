"""The resident memory of a bot serving a database of 100k stored profiles (``load_bench``).

An SQLite file is filled with members and profiles (bulk inserts, the synthetic community of
``match_bench``); then a fresh process (``python -m benchmarks.rss_probe DATABASE``) builds the
app on it as ``mentormeet run`` does, serves ``/match`` and ``/profile`` for random members and
prints its resident set size after serving (VmRSS) and its peak (ru_maxrss).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from benchmarks.bench_bot import PlatformLikeMessenger, settings_for  # noqa: E402
from bot.bootstrap import build_app  # noqa: E402
from bot.commandline import parse_command  # noqa: E402
from bot.domain.community import Actor, Platform  # noqa: E402
from bot.lifecycle import settle_heap  # noqa: E402
from bot.taxonomy import Taxonomy  # noqa: E402
from storage.engine import create_engine  # noqa: E402
from storage.migrate import upgrade  # noqa: E402

RSS_TARGET_MB = 200.0


async def fill_profiles(database: Path, count: int) -> dict[str, Any]:
    """Create and migrate ``database`` and bulk-insert ``count`` members with profiles."""
    # only this (parent) process needs the synthetic community; the serving child must not
    # carry match_bench's imports (~30 MB) that `mentormeet run` does not have
    from benchmarks.match_bench import World, _fill

    engine = create_engine(f"sqlite+aiosqlite:///{database}")
    try:
        await upgrade(engine)
        started = time.perf_counter()
        await _fill(engine, World(Taxonomy.load(), seed=count), count)
        fill = time.perf_counter() - started
    finally:
        await engine.dispose()
    return {"profiles": count, "fill_seconds": round(fill, 1)}


async def serve(database: Path, profiles: int, commands: int) -> dict[str, Any]:
    """In this process: build the app on ``database`` and serve /match and /profile."""
    app = await build_app(settings_for(database), PlatformLikeMessenger())
    settle_heap()
    served = 0
    refusals: list[str] = []  # e.g. /match for a member with nothing to learn
    try:
        app.start()
        rng = random.Random(7)
        for _ in range(commands):
            who = Actor(Platform.CONSOLE, "bench", "Bench", f"m{rng.randint(1, profiles)}", "M")
            for line in ("/match", "/profile"):
                reply = await app.dispatcher.handle(parse_command(line, who))
                served += 1
                if reply.is_error:
                    refusals.append(f"{line}: {reply.text[:70]}")
        rss_mb = _current_rss_mb()
    finally:
        await app.aclose()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"commands": served, "refusals": refusals, "rss_mb": round(rss_mb, 1),
            "peak_rss_mb": round(peak_mb, 1)}


def _current_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def memory(profiles: int, folder: Path, commands: int) -> dict[str, Any]:
    """Fill a database with ``profiles`` profiles, then measure a fresh serving process."""
    database = folder / "profiles.db"
    filled = asyncio.run(fill_profiles(database, profiles))
    filled["database_mb"] = round(database.stat().st_size / 2**20, 1)
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.rss_probe", str(database),
         "--commands", str(commands), "--profiles", str(profiles)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    served: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return filled | served | {"meets_rss_target": served["peak_rss_mb"] <= RSS_TARGET_MB}


def main(argv: list[str] | None = None) -> int:
    """Serve on an existing database and print the memory figures as one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", type=Path)
    parser.add_argument("--profiles", type=int, required=True)
    parser.add_argument("--commands", type=int, default=20)
    args = parser.parse_args(argv)
    print(json.dumps(asyncio.run(serve(args.database, args.profiles, args.commands))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
