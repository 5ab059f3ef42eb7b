"""Reminder delivery under load: 10,000 reminders due within one minute, real bot processes.

Run: ``.venv/bin/python -m benchmarks.reminder_bench`` (SQLite with one bot, then PostgreSQL
with two bots when ``MENTORMEET_TEST_POSTGRES_URL`` or ``--postgres-url`` names a server; the
benchmark creates and drops its own database there). Options: ``--count``, ``--spread`` (seconds
the due times are spread over; 0 puts them all in the same instant), ``--backends``.

Each bot is ``python -m bot console`` sending through the TEST ONLY file sink
(``reminders.test_sink``), which timestamps every send. Lateness is sink time minus due time.
Results (delivered, lost, duplicates, lateness p50/p90/p99/max, per-bot share) go to
``benchmarks/results/reminders.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import secrets
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from sqlalchemy import func, insert, select  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.ext.asyncio import AsyncEngine  # noqa: E402

from bot.domain.community import Platform  # noqa: E402
from bot.meetups.config import MeetupPolicy  # noqa: E402
from bot.meetups.domain import Meetup, MeetupStatus  # noqa: E402
from bot.meetups.planning import reminder_plans  # noqa: E402
from bot.reminders.sink import read_records  # noqa: E402
from storage.engine import create_engine  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from storage.tables import members  # noqa: E402
from storage.tables_meetups import deliveries, rsvps  # noqa: E402
from storage.uow import make_uow_factory  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "reminders.json"
OFFSET = timedelta(minutes=10)
MEETUPS = 100
LEAD = timedelta(seconds=25)  # bots start (and run their first sweep) before the first is due
TARGET_P99 = 1.0


async def seed(engine: AsyncEngine, count: int, spread: float) -> dict[str, datetime]:
    """``count`` members going to MEETUPS meetups whose reminders fall due across ``spread`` s."""
    await upgrade(engine)
    uow = make_uow_factory(engine)
    first_due = datetime.now(UTC) + LEAD
    async with uow() as work:
        community = await work.communities.get_or_create(Platform.CONSOLE, "local", "local")
        await work.commit()
    now = datetime.now(UTC)
    async with engine.begin() as connection:
        await connection.execute(insert(members), [
            {"community_id": community.id, "external_id": f"m{i}", "display_name": f"M{i}",
             "created_at": now} for i in range(count)
        ])
        ids = list((await connection.execute(
            select(members.c.id).where(members.c.community_id == community.id)
            .order_by(members.c.id))).scalars())
    due_of: dict[str, datetime] = {}
    per_meetup = -(-count // MEETUPS)
    policy = MeetupPolicy(reminder_offsets=(OFFSET,), channel_reminders=False)
    for index in range(MEETUPS):
        group = ids[index * per_meetup:(index + 1) * per_meetup]
        if not group:
            break
        start = first_due + OFFSET + timedelta(seconds=spread * index / MEETUPS)
        async with uow() as work:
            meetup = await work.meetups.events.add(Meetup(
                community_id=community.id, organizer_id=None, status=MeetupStatus.SCHEDULED,
                title=f"Bench {index}", starts_at=start, timezone="UTC",
                reminder_offsets=(OFFSET,), created_at=now, updated_at=now))
            await work.commit()
        async with engine.begin() as connection:
            await connection.execute(insert(rsvps), [
                {"meetup_id": meetup.id, "attendee_id": m, "community_id": community.id,
                 "status": "going", "responded_at": now} for m in group
            ])
        plans = reminder_plans(meetup, meetup.occurrences(now, start + OFFSET), group, policy,
                               now)
        async with uow() as work:
            await work.meetups.deliveries.add(plans)
            await work.commit()
        due_of |= {p.idempotency_key: p.due_at for p in plans}
    return due_of


def start_bot(workdir: Path, name: str, url: str, sink: Path) -> subprocess.Popen[bytes]:
    """A bot serving the console community from a script that only waits."""
    config = workdir / "empty.toml"
    config.write_text("# settings come from the environment\n", encoding="utf-8")
    env = {**os.environ, "MENTORMEET_DATABASE_URL": url, "MENTORMEET_CONFIG": str(config),
           "MENTORMEET_REMINDERS_TEST_SINK": str(sink), "MENTORMEET_LOGGING_LEVEL": "WARNING",
           "MENTORMEET_MEETUPS_CHANNEL_REMINDERS": "false"}
    bot = subprocess.Popen([sys.executable, "-m", "bot", "console"], cwd=ROOT, env=env,
                           stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                           stderr=(workdir / f"{name}.log").open("wb"))
    assert bot.stdin is not None
    bot.stdin.write(b":sleep 3600\n")
    bot.stdin.flush()
    return bot


async def finished(engine: AsyncEngine, total: int) -> bool:
    """Whether every delivery reached a final status."""
    async with engine.connect() as connection:
        open_rows = (await connection.execute(
            select(func.count()).select_from(deliveries)
            .where(deliveries.c.status.in_(["pending", "leased"])))).scalar_one()
    return int(open_rows) == 0 and total > 0


async def statuses(engine: AsyncEngine) -> dict[str, int]:
    """Deliveries per status."""
    async with engine.connect() as connection:
        rows = await connection.execute(
            select(deliveries.c.status, func.count()).group_by(deliveries.c.status))
        return {status: int(count) for status, count in rows}


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile of sorted values."""
    index = min(len(values) - 1, max(0, round(fraction * len(values) + 0.5) - 1))
    return values[index]


async def run_backend(name: str, url: str, bots: int, count: int, spread: float,
                      workdir: Path) -> dict[str, Any]:
    """Seed, start the bots, wait until every reminder is final, and measure."""
    engine = create_engine(url)
    try:
        seeding = time.perf_counter()
        due_of = await seed(engine, count, spread)
        seeded = time.perf_counter() - seeding
        sinks = [workdir / f"{name}-sink-{i}.jsonl" for i in range(bots)]
        processes = [start_bot(workdir, f"{name}-{i}", url, sink) for i, sink in enumerate(sinks)]
        try:
            deadline = time.monotonic() + LEAD.total_seconds() + spread + 600
            while not await finished(engine, len(due_of)):
                if time.monotonic() > deadline or any(p.poll() is not None for p in processes):
                    raise RuntimeError(f"{name}: the bots did not finish; see {workdir}")
                await asyncio.sleep(0.5)
        finally:
            for process in processes:
                process.kill()
                process.wait()
        final = await statuses(engine)
    finally:
        await engine.dispose()
    records = [r for sink in sinks for r in read_records(sink) if str(r["key"]) in due_of]
    sends = Counter(str(r["key"]) for r in records)
    firsts: dict[str, float] = {}
    for record in records:
        firsts.setdefault(str(record["key"]), float(record["at"]))  # type: ignore[arg-type]
    lateness = sorted(at - due_of[key].timestamp() for key, at in firsts.items())
    stamps = sorted(firsts.values())
    per_bot = Counter(int(r["pid"]) for r in records)  # type: ignore[call-overload]
    return {
        "backend": name,
        "bots": bots,
        "reminders": len(due_of),
        "spread_seconds": spread,
        "seed_seconds": round(seeded, 2),
        "delivered": len(firsts),
        "lost": len(set(due_of) - set(firsts)),
        "duplicates": sum(n - 1 for n in sends.values()),
        "statuses": final,
        "lateness_seconds": {
            "p50": round(percentile(lateness, 0.50), 4),
            "p90": round(percentile(lateness, 0.90), 4),
            "p99": round(percentile(lateness, 0.99), 4),
            "max": round(lateness[-1], 4),
            "min": round(lateness[0], 4),
        } if lateness else {},
        "delivery_window_seconds": round(stamps[-1] - stamps[0], 3) if stamps else 0,
        "per_bot": sorted(per_bot.values(), reverse=True),
        "p99_target_met": bool(lateness) and percentile(lateness, 0.99) <= TARGET_P99,
    }


async def postgres_database(admin_url: str) -> tuple[str, str]:
    """Create a fresh database; returns (its URL, its name)."""
    name = f"mm_bench_{secrets.token_hex(5)}"
    admin = create_engine(admin_url).execution_options(isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as connection:
            await connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    finally:
        await admin.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False), name


async def drop_postgres_database(admin_url: str, name: str) -> None:
    """Drop the benchmark's database."""
    admin = create_engine(admin_url).execution_options(isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as connection:
            await connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.dispose()


async def main(args: argparse.Namespace) -> dict[str, Any]:
    """Run the chosen backends and collect their results."""
    runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="mm_bench_") as folder:
        workdir = Path(folder)
        if "sqlite" in args.backends:
            url = f"sqlite+aiosqlite:///{workdir / 'bench.db'}"
            runs.append(await run_backend("sqlite", url, 1, args.count, args.spread, workdir))
            print(json.dumps(runs[-1]), flush=True)
        admin = args.postgres_url or os.environ.get("MENTORMEET_TEST_POSTGRES_URL")
        if "postgres" in args.backends and admin:
            url, name = await postgres_database(admin)
            try:
                runs.append(await run_backend("postgresql", url, 2, args.count, args.spread,
                                              workdir))
                print(json.dumps(runs[-1]), flush=True)
            finally:
                await drop_postgres_database(admin, name)
        elif "postgres" in args.backends:
            print("skipping PostgreSQL: set MENTORMEET_TEST_POSTGRES_URL or --postgres-url",
                  file=sys.stderr)
    return {
        "benchmark": "reminder delivery",
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "target": f"every reminder delivered once, lateness p99 <= {TARGET_P99} s",
        "runs": runs,
    }


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="reminders (default 10000)")
    parser.add_argument("--spread", type=float, default=60.0,
                        help="seconds the due times spread over (default 60; 0: one instant)")
    parser.add_argument("--backends", default="sqlite,postgres",
                        help="comma-separated: sqlite, postgres")
    parser.add_argument("--postgres-url", default=None, help="an admin URL to create a db with")
    parser.add_argument("--output", type=Path, default=RESULTS)
    return parser.parse_args(argv)


if __name__ == "__main__":
    arguments = parse_args()
    arguments.backends = {b.strip() for b in arguments.backends.split(",")}
    results = asyncio.run(main(arguments))
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {arguments.output}")
