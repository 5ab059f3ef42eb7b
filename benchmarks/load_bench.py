"""Load: 50 concurrent members issuing ``/intro``, ``/match`` and ``/rsvp`` through the core, and
the resident memory of a bot serving a database with 100k stored profiles.

Run: ``.venv/bin/python -m benchmarks.load_bench`` (``--seconds`` of load, default 30; about a
minute more to fill the 100k-profile database). Writes ``benchmarks/results/load.json``.

The load part wires the real bot with ``bot.bootstrap.build_app`` on a fresh SQLite file (real
storage, taxonomy, parser, handlers, background tasks) and a recording messenger; each member is a
coroutine that parses a command line and awaits ``Dispatcher.handle`` in a loop, so latency is
what a member waits for (queueing behind the other 49 included). The memory part fills an SQLite
file with 100k members and profiles (bulk inserts, the synthetic community of ``match_bench``),
then starts a fresh process that builds the app on it and serves ``/match`` and ``/profile``, and
reads that process's resident set size.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from benchmarks.match_bench import World, _fill, _percentile  # noqa: E402
from bot.bootstrap import App, build_app  # noqa: E402
from bot.commandline import parse_command  # noqa: E402
from bot.domain.community import Actor, Platform  # noqa: E402
from bot.errors import UsageError  # noqa: E402
from bot.meetups.domain import Meetup, MeetupStatus  # noqa: E402
from bot.outbox import RecordingMessenger  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.settings.loading import load_settings  # noqa: E402
from bot.taxonomy import Taxonomy  # noqa: E402
from storage.engine import create_engine  # noqa: E402
from storage.migrate import upgrade  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "load.json"
MEMBERS = 50
PROFILES = 100_000
P99_TARGET_MS = 100.0
RSS_TARGET_MB = 200.0
MIX = (("intro", 3), ("match", 4), ("rsvp", 3))
SKILLS = ("Python", "Rust", "Go", "PostgreSQL", "Kubernetes", "React", "Docker", "TypeScript",
          "Terraform", "Django", "pandas", "Kafka")
COMMUNITY = "bench"


def settings_for(database: Path) -> Settings:
    """Default settings on ``database``, ignoring any config file and MENTORMEET_* variables."""
    config = database.parent / "empty.toml"
    config.write_text("# the benchmark's settings come from env below\n", encoding="utf-8")
    env = {"MENTORMEET_DATABASE_URL": f"sqlite+aiosqlite:///{database}",
           "MENTORMEET_LOGGING_LEVEL": "WARNING",
           # members here type back to back, far faster than people: measure the core, not
           # the per-member rate limit (which would answer "slow down" without any work)
           "MENTORMEET_LIMITS_COMMANDS_PER_MINUTE": "0"}
    return load_settings(config, env=env)


def actor(index: int) -> Actor:
    """Member ``index`` of the console community ``bench``."""
    return Actor(Platform.CONSOLE, COMMUNITY, "Bench", f"m{index}", f"M{index}",
                 is_organizer=index == 0)


def intro_text(rng: random.Random) -> str:
    """A short introduction: a few skills, something to learn, sometimes a mentoring offer."""
    known = rng.sample(SKILLS, 3)
    learning = rng.choice([s for s in SKILLS if s not in known])
    offer = " Happy to mentor anyone on " + known[0] + "." if rng.random() < 0.3 else ""
    return (f"Hi! I'm a backend developer with {rng.randint(1, 12)} years of "
            f"{known[0]}, {known[1]} and {known[2]}. I want to learn {learning}.{offer} "
            f"Based in Berlin.")


async def add_meetups(app: App, count: int) -> list[int]:
    """Scheduled meetups a week from now in the bench community; returns their ids."""
    now = datetime.now(UTC)
    async with app.services.uow() as uow:
        community = await uow.communities.get_or_create(Platform.CONSOLE, COMMUNITY, "Bench")
        ids = []
        for n in range(count):
            meetup = await uow.meetups.events.add(Meetup(
                community_id=community.id, organizer_id=None, status=MeetupStatus.SCHEDULED,
                title=f"Bench night {n}", description="", location="Room 1",
                starts_at=now + timedelta(days=7, hours=n), timezone="Europe/Berlin",
                duration=timedelta(hours=2), created_at=now, updated_at=now,
            ))
            ids.append(meetup.id)
        await uow.commit()
    return ids


async def member(
    app: App, index: int, meetups: list[int], deadline: float, seed: int, pause: float,
    latencies: dict[str, list[float]], errors: dict[str, int],
) -> None:
    """One member issuing commands until ``deadline``, ``pause`` seconds apart on average."""
    rng = random.Random(seed)
    who = actor(index)
    names, weights = [n for n, _ in MIX], [w for _, w in MIX]
    first = True
    while time.perf_counter() < deadline:
        name = "intro" if first else rng.choices(names, weights)[0]
        first = False
        if name == "intro":
            line = f"/intro {intro_text(rng)}"
        elif name == "match":
            line = "/match"
        else:
            answer = rng.choice(["going", "maybe", "no"])
            line = f"/rsvp {rng.choice(meetups)} {answer}"
        started = time.perf_counter()
        try:
            reply = await app.dispatcher.handle(parse_command(line, who))
            failed = reply.is_error
        except UsageError:
            failed = True
        latencies[name].append((time.perf_counter() - started) * 1000)
        errors[name] += failed
        if pause:
            await asyncio.sleep(rng.uniform(0, 2 * pause))


def summary(values: list[float], seconds: float) -> dict[str, Any]:
    """Count, throughput and latency percentiles of one command (or all)."""
    return {
        "count": len(values), "per_second": round(len(values) / seconds, 1),
        "p50_ms": round(_percentile(values, 0.50), 2),
        "p99_ms": round(_percentile(values, 0.99), 2),
        "max_ms": round(max(values), 2),
    }


async def load(seconds: float, members: int, pause: float, folder: Path) -> dict[str, Any]:
    """Run the command mix from ``members`` concurrent members for ``seconds``."""
    app = await build_app(settings_for(folder / "load.db"), RecordingMessenger())
    try:
        app.start()
        meetups = await add_meetups(app, 5)
        latencies: dict[str, list[float]] = defaultdict(list)
        errors: dict[str, int] = defaultdict(int)
        started = time.perf_counter()
        await asyncio.gather(*(
            member(app, i, meetups, started + seconds, i, pause, latencies, errors)
            for i in range(members)
        ))
        elapsed = time.perf_counter() - started
    finally:
        await app.aclose()
    every = [v for values in latencies.values() for v in values]
    overall = summary(every, elapsed)
    return {
        "members": members, "pause_seconds": pause, "seconds": round(elapsed, 2),
        "commands": {name: summary(values, elapsed) | {"errors": errors[name]}
                     for name, values in sorted(latencies.items())},
        "overall": overall | {"errors": sum(errors.values())},
        "meets_p99_target": overall["p99_ms"] <= P99_TARGET_MS,
    }


async def fill_profiles(database: Path, count: int) -> dict[str, Any]:
    """Create and migrate ``database`` and bulk-insert ``count`` members with profiles."""
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
    app = await build_app(settings_for(database), RecordingMessenger())
    served = failed = 0
    try:
        app.start()
        rng = random.Random(7)
        for _ in range(commands):
            who = Actor(Platform.CONSOLE, "bench", "Bench", f"m{rng.randint(1, profiles)}", "M")
            for line in ("/match", "/profile"):
                reply = await app.dispatcher.handle(parse_command(line, who))
                served += 1
                failed += reply.is_error
        rss_mb = _current_rss_mb()
    finally:
        await app.aclose()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"commands": served, "errors": failed, "rss_mb": round(rss_mb, 1),
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
        [sys.executable, "-m", "benchmarks.load_bench", "--serve", str(database),
         "--commands", str(commands), "--profiles", str(profiles)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    served: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return filled | served | {"meets_rss_target": served["peak_rss_mb"] <= RSS_TARGET_MB}


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="load duration (30)")
    parser.add_argument("--members", type=int, default=MEMBERS, help="concurrent members (50)")
    parser.add_argument("--profiles", type=int, default=PROFILES, help="stored profiles (100k)")
    parser.add_argument("--pause", type=float, default=0.0,
                        help="mean seconds a member waits between commands (0: back to back)")
    parser.add_argument("--commands", type=int, default=20,
                        help="/match + /profile pairs the memory probe serves (20)")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)  # the memory probe
    args = parser.parse_args(argv)
    if args.seconds <= 0 or args.members < 1 or args.profiles < 1 or args.commands < 1:
        parser.error("--seconds, --members, --profiles and --commands must be positive")
    if args.pause < 0:
        parser.error("--pause must not be negative")
    if args.serve is not None:
        print(json.dumps(asyncio.run(serve(args.serve, args.profiles, args.commands))))
        return 0
    with tempfile.TemporaryDirectory(prefix="mm_load_") as folder:
        loaded = asyncio.run(load(args.seconds, args.members, args.pause, Path(folder)))
        print(json.dumps(loaded, indent=2), flush=True)
        memory_result = memory(args.profiles, Path(folder), args.commands)
    result = {
        "benchmark": "load", "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(), "platform": platform.platform(),
        "cpus": os.cpu_count(), "storage": "sqlite",
        "load": loaded, "memory": memory_result,
        "targets": {"p99_ms": P99_TARGET_MS, "rss_mb": RSS_TARGET_MB},
    }
    print(json.dumps(memory_result, indent=2))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
