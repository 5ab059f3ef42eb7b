"""Mentor matching: ``/match`` latency on SQLite at 1k, 10k and 100k members, and a cohort round
of 5,000 mentees × 1,000 mentors against greedy baselines.

Run: ``.venv/bin/python -m benchmarks.match_bench`` (a few minutes; ``--quick`` for 1k and 10k
only). Writes ``benchmarks/results/match.json``.

``/match`` is timed end to end through the dispatcher (index freshness check, candidate query,
exact scoring, reasons, the seeker row, commit) on a fresh SQLite file per size, filled with a
synthetic community: skills drawn from the taxonomy with Zipf-like popularity (exponent 0.8 over
300 skills, so the most common one is known by about 40% of members), 12% of members offering
mentoring, 1–3 learning goals each, a dozen time zones. The cohort round uses the same
distribution for 5,000 mentees and 1,000 mentors with capacities 1–5.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from bot.clock import FakeClock  # noqa: E402
from bot.dispatcher import Dispatcher  # noqa: E402
from bot.domain.community import Actor, Platform  # noqa: E402
from bot.domain.profile import (  # noqa: E402
    ParsedIntro,
    Profile,
    ProfileEdits,
    Seniority,
    SkillClaim,
    SkillKind,
)
from bot.matching.cohort import CohortMentee, CohortMentor, plan_round  # noqa: E402
from bot.matching.commands import FindMentors  # noqa: E402
from bot.matching.config import MatchingConfig  # noqa: E402
from bot.matching.facts import MenteeFacts, MentorFacts  # noqa: E402
from bot.matching.score_matrix import score_matrix  # noqa: E402
from bot.matching.scoring import Scorer  # noqa: E402
from bot.matching.solver import (  # noqa: E402
    Method,
    allowed_cells,
    first_come_assignment,
    greedy_assignment,
    has_min_cost_flow,
    optimal_assignment,
)
from bot.outbox import RecordingMessenger  # noqa: E402
from bot.parsing import IntroParser  # noqa: E402
from bot.services import Services  # noqa: E402
from bot.taxonomy import Taxonomy  # noqa: E402
from storage.engine import create_engine  # noqa: E402
from storage.mapping import profile_values, skill_values  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from storage.tables import communities, members, profile_skills, profiles  # noqa: E402
from storage.uow import make_uow_factory  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "match.json"
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
FILLED = NOW - timedelta(days=30)  # the community's profiles were written before the queries
SIZES = (1_000, 10_000, 100_000)
P99_TARGET_MS = 20.0
COHORT_TARGET_S = 2.0
ZONES = (
    ("Europe/Berlin", 4), ("Europe/London", 3), ("America/New_York", 4),
    ("America/Los_Angeles", 3), ("America/Sao_Paulo", 2), ("Asia/Kolkata", 3),
    ("Asia/Singapore", 1), ("Asia/Tokyo", 1), ("Australia/Sydney", 1), ("Africa/Lagos", 1),
    ("Europe/Warsaw", 2), ("UTC", 1),
)
CATEGORIES = {"language", "framework", "database", "devops", "cloud", "library", "ml", "data",
              "messaging", "platform"}


class World:
    """Skill popularity and the random choices a synthetic community is made of."""

    def __init__(self, taxonomy: Taxonomy, seed: int) -> None:
        self.rng = random.Random(seed)
        pool = sorted(s.id for s in taxonomy if s.category in CATEGORIES)
        self.rng.shuffle(pool)
        self.skills = pool[:300]
        self.weights = [1 / (rank + 1) ** 0.8 for rank in range(len(self.skills))]
        self.taxonomy = taxonomy

    def pick(self, low: int, high: int) -> list[str]:
        """Distinct popular-weighted skills, between low and high of them."""
        chosen = self.rng.choices(self.skills, self.weights, k=self.rng.randint(low, high))
        return list(dict.fromkeys(chosen))

    def zone(self) -> str:
        """A time zone, weighted."""
        return self.rng.choices([z for z, _ in ZONES], [w for _, w in ZONES])[0]

    def claim(self, skill_id: str, kind: SkillKind, years: float | None = None) -> SkillClaim:
        """A parsed claim for a skill."""
        skill = self.taxonomy.get(skill_id)
        assert skill is not None
        return SkillClaim(skill_id, skill.name, skill.category, kind, "bench", years)

    def profile(self, member_id: int) -> Profile:
        """A member's profile: skills, learning goals, maybe a mentoring offer."""
        rng = self.rng
        known = self.pick(3, 9)
        learning = [s for s in self.pick(1, 3) if s not in known]
        mentor = rng.random() < 0.12
        parsed = ParsedIntro(
            skills=tuple(self.claim(s, SkillKind.KNOWN, rng.choice([None, 1, 2, 4, 6, 10]))
                         for s in known),
            learning=tuple(self.claim(s, SkillKind.LEARNING) for s in learning),
            mentoring_offer=True if mentor else None,
            seniority=rng.choice([None, *Seniority]),
            years_experience=rng.choice([None, 1.0, 3.0, 5.0, 8.0, 12.0]),
            timezone=self.zone(),
        )
        edits = ProfileEdits(mentor_capacity=rng.choice([None, 1, 2, 3]) if mentor else None)
        return Profile(1, member_id, "bench", parsed, edits, FILLED, FILLED)


def _percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def _fill(engine: Any, world: World, size: int) -> list[int]:
    """Insert ``size`` members with profiles; returns the ids of members with learning goals."""
    learners = []
    async with engine.begin() as connection:
        await connection.execute(insert(communities).values(
            id=1, platform=Platform.CONSOLE.value, external_id="bench", name="Bench",
            created_at=FILLED,
        ))
        for start in range(1, size + 1, 5_000):
            ids = range(start, min(start + 5_000, size + 1))
            batch = [world.profile(i) for i in ids]
            learners += [p.member_id for p in batch if p.learning]
            await connection.execute(insert(members), [
                {"id": i, "community_id": 1, "external_id": f"m{i}", "display_name": f"M{i}",
                 "created_at": FILLED} for i in ids
            ])
            await connection.execute(insert(profiles), [profile_values(p) for p in batch])
            await connection.execute(
                insert(profile_skills), [row for p in batch for row in skill_values(p)]
            )
    return learners


async def match_latency(size: int, queries: int, taxonomy: Taxonomy, folder: Path) -> (
    dict[str, Any]
):
    """Fill an SQLite file with ``size`` members and time ``/match`` for random learners."""
    world = World(taxonomy, seed=size)
    engine = create_engine(f"sqlite+aiosqlite:///{folder / f'match_{size}.db'}")
    try:
        await upgrade(engine)
        started = time.perf_counter()
        learners = await _fill(engine, world, size)
        fill_s = time.perf_counter() - started
        clock = FakeClock(NOW)
        svc = Services(
            uow=make_uow_factory(engine, clock), taxonomy=taxonomy,
            parser=IntroParser(taxonomy), clock=clock, messenger=RecordingMessenger(),
            matching=MatchingConfig(),
        )
        dispatcher = Dispatcher(svc)

        def ask(member_id: int) -> FindMentors:
            actor = Actor(Platform.CONSOLE, "bench", "Bench", f"m{member_id}", f"M{member_id}")
            return FindMentors(actor=actor)

        started = time.perf_counter()
        first = await dispatcher.handle(ask(learners[0]))  # builds the mentor index
        index_s = time.perf_counter() - started
        assert not first.is_error, first.text
        picked = world.rng.sample(learners, min(queries, len(learners)))
        latencies, cpu, found = [], [], 0
        load_before = os.getloadavg()[0]
        for member_id in picked:
            t0, c0 = time.perf_counter(), time.process_time()
            reply = await dispatcher.handle(ask(member_id))
            latencies.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
            assert not reply.is_error, reply.text
            found += bool(reply.cards)
        load_after = os.getloadavg()[0]
        async with svc.uow() as uow:
            available = await uow.matching.directory.available(1, now=NOW, default_capacity=2)
            mentors = len(available)
    finally:
        await engine.dispose()
    p99 = _percentile(latencies, 0.99)
    return {
        "members": size, "mentors": mentors, "queries": len(latencies),
        "with_suggestions": found, "fill_seconds": round(fill_s, 2),
        "index_build_seconds": round(index_s, 3),
        "p50_ms": round(_percentile(latencies, 0.50), 2), "p99_ms": round(p99, 2),
        "mean_ms": round(statistics.fmean(latencies), 2),
        "max_ms": round(max(latencies), 2),
        "cpu_p50_ms": round(_percentile(cpu, 0.50), 2),
        "cpu_p99_ms": round(_percentile(cpu, 0.99), 2),
        "load_average_1min": [round(load_before, 2), round(load_after, 2)],
        "meets_p99_target": p99 <= P99_TARGET_MS,
    }


def _cohort_input(taxonomy: Taxonomy, mentees: int, mentors: int) -> tuple[
    list[CohortMentee], list[CohortMentor]
]:
    world = World(taxonomy, seed=5)
    rng = world.rng
    people = [
        CohortMentee(f"e{i}", MenteeFacts(goals=tuple(world.pick(1, 3)), timezone=world.zone()))
        for i in range(mentees)
    ]
    guides = []
    for j in range(mentors):
        capacity = rng.randint(1, 5)
        facts = MentorFacts(
            skills={s: rng.choice([None, 1.0, 3.0, 6.0, 10.0]) for s in world.pick(3, 10)},
            timezone=world.zone(), fallback_years=rng.choice([None, 2.0, 5.0, 9.0]),
            capacity=capacity, rating_sum=0, rating_count=0,
        )
        guides.append(CohortMentor(f"m{j}", facts, capacity))
    return people, guides


def cohort(taxonomy: Taxonomy, mentees: int, mentors: int, repeats: int) -> dict[str, Any]:
    """Time the whole round (scores, exact solve, reasons) and compare it with greedy."""
    people, guides = _cohort_input(taxonomy, mentees, mentors)
    config = MatchingConfig()
    scorer = Scorer(taxonomy, config, NOW.date())
    plan_round(scorer, people[:50], guides[:50])  # warm caches (goal weights, zones)
    walls = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        plan = plan_round(scorer, people, guides)
        walls.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    scores = score_matrix(scorer, [p.facts for p in people], [g.facts for g in guides])
    matrix_s = time.perf_counter() - t0
    allowed = allowed_cells(scores, np.zeros(scores.shape, dtype=bool), config.min_score)
    capacities = np.array([g.slots for g in guides], dtype=np.int64)
    solvers: dict[str, Any] = {}
    methods = [Method.SPARSE_ASSIGNMENT, Method.DENSE_ASSIGNMENT]
    if has_min_cost_flow():
        methods.insert(0, Method.MIN_COST_FLOW)
    for method in methods:
        t0 = time.perf_counter()
        solution = optimal_assignment(scores, allowed, capacities, method)
        solvers[method.value] = {
            "seconds": round(time.perf_counter() - t0, 3),
            "total_score": round(solution.total, 2), "pairs": len(solution.pairs),
        }
    baselines = {}
    for label, baseline in (("greedy_best_pair_first", greedy_assignment),
                            ("first_come_best_available", first_come_assignment)):
        t0 = time.perf_counter()
        solution = baseline(scores, allowed, capacities)
        baselines[label] = {
            "seconds": round(time.perf_counter() - t0, 3),
            "total_score": round(solution.total, 2), "pairs": len(solution.pairs),
            "vs_optimal_percent": round(100 * solution.total / plan.total_score, 2),
        }
    wall = statistics.median(walls)
    return {
        "mentees": mentees, "mentors": mentors, "slots": int(capacities.sum()),
        "feasible_pairs": int(allowed.sum()),
        "round_wall_seconds": [round(w, 3) for w in walls],
        "round_wall_seconds_median": round(wall, 3),
        "meets_target": wall <= COHORT_TARGET_S,
        "score_matrix_seconds": round(matrix_s, 3),
        "solver_used": (Method.MIN_COST_FLOW if has_min_cost_flow()
                        else Method.SPARSE_ASSIGNMENT).value,
        "solvers": solvers, "optimal_total_score": round(plan.total_score, 2),
        "matched": len(plan.pairs), "unmatched": len(plan.unmatched), "baselines": baselines,
    }


async def run(sizes: Sequence[int], queries: int, repeats: int) -> dict[str, Any]:
    """Every measurement, as one JSON-ready dict."""
    taxonomy = Taxonomy.load()
    latency = []
    with tempfile.TemporaryDirectory(prefix="match_bench_") as folder:
        for size in sizes:
            result = await match_latency(size, queries, taxonomy, Path(folder))
            print(f"/match at {size:>7,} members ({result['mentors']:,} mentors): "
                  f"p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms wall; "
                  f"CPU p50 {result['cpu_p50_ms']} ms, p99 {result['cpu_p99_ms']} ms "
                  f"(index build {result['index_build_seconds']} s, "
                  f"load {result['load_average_1min']})", flush=True)
            latency.append(result)
    round_result = cohort(taxonomy, 5_000, 1_000, repeats)
    baseline = round_result["baselines"]["greedy_best_pair_first"]
    print(f"cohort 5,000 × 1,000: {round_result['round_wall_seconds_median']} s "
          f"({round_result['solver_used']}), total {round_result['optimal_total_score']} vs "
          f"greedy {baseline['total_score']} ({baseline['vs_optimal_percent']}%)", flush=True)
    return {
        "benchmark": "mentor matching (/match latency on SQLite; cohort round)",
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
        "match_latency": latency, "p99_target_ms": P99_TARGET_MS,
        "cohort_round": round_result, "cohort_target_seconds": COHORT_TARGET_S,
        "python": platform.python_version(), "platform": platform.platform(),
        "machine": platform.machine(), "reference_date": date.isoformat(NOW.date()),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print a summary and write the JSON results file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="1k and 10k members only")
    parser.add_argument("--queries", type=int, default=400, help="/match calls per size")
    parser.add_argument("--repeats", type=int, default=3, help="cohort rounds to time")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the JSON")
    args = parser.parse_args(argv)
    sizes = SIZES[:2] if args.quick else SIZES
    result = asyncio.run(run(sizes, max(10, args.queries), max(1, args.repeats)))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
