"""Load: 50 concurrent members issuing ``/intro``, ``/match`` and ``/rsvp`` through the core, and
the resident memory of a bot serving a database with 100k stored profiles.

Run: ``.venv/bin/python -m benchmarks.load_bench`` (``--seconds`` of load, default 30; about a
minute more to fill the 100k-profile database). Writes ``benchmarks/results/load.json``.

The load part wires the real bot with ``bot.bootstrap.build_app`` on a fresh SQLite file (real
storage, taxonomy, parser, handlers, background tasks) and a messenger that, like Discord's and
Slack's, edits meetup cards in place; each member is a coroutine that parses a command line and
awaits ``Dispatcher.handle`` in a loop, so latency is what a member waits for (queueing behind the
other 49 included). Two runs: "paced", where members think 0-2 s between commands and arrive
spread over the first two seconds (the target case), and "back_to_back", where they never
pause, which shows the throughput ceiling (there latency is members / throughput, Little's law).

The memory part fills an SQLite file with 100k members and profiles (bulk inserts, the synthetic
community of ``match_bench``), then starts a fresh process that builds the app on it and serves
``/match`` and ``/profile``, and reads that process's resident set size.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
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

from benchmarks.bench_bot import PlatformLikeMessenger, settings_for  # noqa: E402
from benchmarks.match_bench import _percentile  # noqa: E402
from benchmarks.reminder_bench import drop_postgres_database, postgres_database  # noqa: E402
from benchmarks.rss_probe import RSS_TARGET_MB, memory  # noqa: E402
from bot.bootstrap import App, build_app  # noqa: E402
from bot.commandline import parse_command  # noqa: E402
from bot.domain.community import Actor, Platform  # noqa: E402
from bot.errors import UsageError  # noqa: E402
from bot.lifecycle import settle_heap  # noqa: E402
from bot.meetups.domain import Meetup, MeetupStatus  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "load.json"
MEMBERS = 50
PROFILES = 100_000
P99_TARGET_MS = 100.0
MIX = (("intro", 3), ("match", 4), ("rsvp", 3))
# Each member thinks 0-2 s (mean 1 s) between commands: 50 members then send ~45 commands/s,
# far more than any real community does; the back-to-back run shows the ceiling.
PAUSE = 1.0
SKILLS = ("Python", "Rust", "Go", "PostgreSQL", "Kubernetes", "React", "Docker", "TypeScript",
          "Terraform", "Django", "pandas", "Kafka")
COMMUNITY = "bench"


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
    if pause:  # members arrive spread over one pause, not all in the same millisecond
        await asyncio.sleep(rng.uniform(0, 2 * pause))
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


async def load(
    seconds: float, members: int, pause: float, folder: Path, url: str | None = None
) -> dict[str, Any]:
    """Run the command mix from ``members`` concurrent members for ``seconds`` on a fresh SQLite
    file in ``folder`` (or on the empty database at ``url``)."""
    settings = settings_for(url, folder) if url else settings_for(folder / "load.db")
    app = await build_app(settings, PlatformLikeMessenger())
    try:
        app.start()
        settle_heap()  # as `mentormeet run` does after start-up
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


async def _on_postgres(
    admin_url: str, seconds: float, members: int, pause: float, folder: Path
) -> dict[str, Any]:
    url, name = await postgres_database(admin_url)
    try:
        return await load(seconds, members, pause, folder, url)
    finally:
        await drop_postgres_database(admin_url, name)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="load duration (30)")
    parser.add_argument("--members", type=int, default=MEMBERS, help="concurrent members (50)")
    parser.add_argument("--profiles", type=int, default=PROFILES, help="stored profiles (100k)")
    parser.add_argument("--pause", type=float, default=PAUSE,
                        help="mean seconds a member thinks between commands in the paced run "
                             f"({PAUSE}); a back-to-back run always follows")
    parser.add_argument("--commands", type=int, default=20,
                        help="/match + /profile pairs the memory probe serves (20)")
    parser.add_argument("--postgres-url", default=None,
                        help="admin URL of a PostgreSQL server to repeat the load on (default: "
                             "MENTORMEET_TEST_POSTGRES_URL; a fresh database is made and dropped)")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if args.seconds <= 0 or args.members < 1 or args.profiles < 1 or args.commands < 1:
        parser.error("--seconds, --members, --profiles and --commands must be positive")
    if args.pause < 0:
        parser.error("--pause must not be negative")
    admin = args.postgres_url or os.environ.get("MENTORMEET_TEST_POSTGRES_URL")
    runs = [("paced", args.pause), ("back_to_back", 0.0)] if args.pause else [("back_to_back", 0)]
    with tempfile.TemporaryDirectory(prefix="mm_load_") as folder:
        loaded: dict[str, Any] = {"sqlite": {}}
        for name, pause in runs:
            run_folder = Path(folder) / name  # a fresh database per run
            run_folder.mkdir()
            loaded["sqlite"][name] = asyncio.run(
                load(args.seconds, args.members, pause, run_folder)
            )
            print(json.dumps({f"sqlite {name}": loaded["sqlite"][name]}, indent=2), flush=True)
        if admin:
            loaded["postgresql"] = {}
            for name, pause in runs:
                loaded["postgresql"][name] = asyncio.run(
                    _on_postgres(admin, args.seconds, args.members, pause, Path(folder))
                )
                print(json.dumps({f"postgresql {name}": loaded["postgresql"][name]}, indent=2),
                      flush=True)
        memory_result = memory(args.profiles, Path(folder), args.commands)
    result = {
        "benchmark": "load", "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(), "platform": platform.platform(),
        "cpus": os.cpu_count(), "target_storage": "sqlite",
        "load": loaded, "memory": memory_result,
        "targets": {"p99_ms": P99_TARGET_MS, "rss_mb": RSS_TARGET_MB},
    }
    print(json.dumps(memory_result, indent=2))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
