"""Intro parser throughput: the fixture intros parsed over and over on one core.

Run: ``.venv/bin/python -m benchmarks.parse_bench [--seconds 5] [--stages]`` (or ``python
benchmarks/parse_bench.py``). Prints intros/s, MB/s and per-intro latency percentiles, and writes
them with Python/platform details and a timestamp to ``benchmarks/results/parse.json``. With
``--stages`` it also times each stage of the parser on its own (best of several rounds, µs per
intro averaged over the fixtures) and records that breakdown.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from bot.parsing import (  # noqa: E402
    IntroParser,
    cues,
    experience,
    location,
    seniority,
)
from bot.parsing.cleaning import clean_text  # noqa: E402
from bot.parsing.text import ascii_lower  # noqa: E402
from bot.taxonomy import SkillMatcher, Taxonomy  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "intros"
RESULTS = ROOT / "benchmarks" / "results" / "parse.json"
TARGET_PER_SECOND = 10_000


def _percentile(sorted_values: list[float], fraction: float) -> float:
    index = min(len(sorted_values) - 1, round(fraction * (len(sorted_values) - 1)))
    return sorted_values[index]


def run(seconds: float, today: date) -> dict[str, object]:
    """Parse the fixtures round-robin for ``seconds`` and return the measurements."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no fixtures in {FIXTURES}")
    sizes = [len(t.encode("utf-8", "surrogatepass")) for t in texts]
    setup_started = time.perf_counter()
    taxonomy = Taxonomy.load()
    parser = IntroParser(taxonomy, SkillMatcher(taxonomy))
    setup_seconds = time.perf_counter() - setup_started
    for text in texts:  # warm caches (gazetteer, compiled patterns)
        parser.parse(text, today=today)

    latencies: list[float] = []
    parsed_bytes = 0
    clock = time.perf_counter
    started = clock()
    deadline = started + seconds
    i = 0
    while True:
        text = texts[i % len(texts)]
        t0 = clock()
        parser.parse(text, today=today)
        t1 = clock()
        latencies.append(t1 - t0)
        parsed_bytes += sizes[i % len(texts)]
        i += 1
        if t1 >= deadline:
            break
    elapsed = clock() - started
    latencies.sort()
    per_second = len(latencies) / elapsed
    return {
        "benchmark": "intro parser (bot.parsing.IntroParser.parse)",
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
        "seconds": round(elapsed, 3),
        "intros": len(latencies),
        "fixtures": len(texts),
        "mean_intro_bytes": round(sum(sizes) / len(sizes)),
        "intros_per_second": round(per_second, 1),
        "mb_per_second": round(parsed_bytes / elapsed / 1e6, 2),
        "us_per_intro_mean": round(statistics.fmean(latencies) * 1e6, 1),
        "us_per_intro_p50": round(_percentile(latencies, 0.50) * 1e6, 1),
        "us_per_intro_p99": round(_percentile(latencies, 0.99) * 1e6, 1),
        "target_intros_per_second": TARGET_PER_SECOND,
        "meets_target": per_second >= TARGET_PER_SECOND,
        "setup_seconds": round(setup_seconds, 3),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor() or None,
    }


def stages(texts: list[str], today: date, rounds: int = 15, repeat: int = 20) -> dict[str, float]:
    """µs per intro for each parser stage run alone on prepared inputs (best of ``rounds``)."""
    taxonomy = Taxonomy.load()
    parser = IntroParser(taxonomy, SkillMatcher(taxonomy))
    scanner = parser._scanner  # the combined skill + trigger automaton
    bodies = [clean_text(t).text for t in texts]
    scans = [scanner.scan(b) for b in bodies]
    lows = [
        s.lowered if b.isascii() else ascii_lower(b) for s, b in zip(scans, bodies, strict=True)
    ]
    starts = [[h[0] for h in s.hits] for s in scans]
    ends = [[h[1] for h in s.hits] for s in scans]
    work: dict[str, Callable[[int], object]] = {
        "cleaning": lambda i: clean_text(texts[i]),
        "scan (skills + trigger words)": lambda i: scanner.scan(bodies[i]),
        "cues": lambda i: cues.find_cues(bodies[i], lows[i], scans[i].triggers, starts[i]),
        "years": lambda i: experience.find_years(
            lows[i], scans[i].triggers, starts[i], ends[i], today.year),
        "seniority": lambda i: seniority.find_seniority(lows[i], scans[i].triggers),
        "timezone": lambda i: location.find_timezone(
            bodies[i], lows[i], scans[i].triggers, starts[i], ends[i]),
        "whole parse": lambda i: parser.parse(texts[i], today=today),
    }
    result: dict[str, float] = {}
    clock = time.perf_counter
    for name, run in work.items():
        best = float("inf")
        for _ in range(rounds):
            started = clock()
            for _ in range(repeat):
                for i in range(len(texts)):
                    run(i)
            best = min(best, (clock() - started) / (repeat * len(texts)))
        result[name] = round(best * 1e6, 1)
    return result


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print a summary and write the JSON results file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seconds", type=float, default=5.0, help="how long to run (default 5)")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the JSON")
    parser.add_argument("--stages", action="store_true", help="also time each stage alone")
    args = parser.parse_args(argv)
    today = datetime.now(UTC).date()
    result = run(max(0.1, args.seconds), today)
    if args.stages:
        texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
        breakdown = stages(texts, today)
        result["stages_us_per_intro"] = breakdown
        for name, micros in breakdown.items():
            print(f"  {name:32s} {micros:8.1f} µs")
    print(
        f"{result['intros_per_second']:.0f} intros/s, {result['mb_per_second']} MB/s, "
        f"p50 {result['us_per_intro_p50']} µs, p99 {result['us_per_intro_p99']} µs per intro "
        f"({result['intros']} intros in {result['seconds']} s; target {TARGET_PER_SECOND}/s "
        f"{'met' if result['meets_target'] else 'missed'})"
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
