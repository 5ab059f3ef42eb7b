"""``mentormeet match cohort``: the cohort round offline, on a JSON file (bot/matching/offline)."""

from __future__ import annotations

import json
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated

import typer

from bot.matching.offline import CohortInputError, run_cohort
from bot.matching.scoring import Scorer
from bot.settings import SettingsError, load_settings

match_app = typer.Typer(help="Mentor matching tools.")


def _fail(message: str) -> typer.Exit:
    typer.echo(f"mentormeet match cohort: {message}", err=True)
    return typer.Exit(2)


@match_app.command("cohort")
def cohort(
    input_file: Annotated[Path, typer.Argument(metavar="INPUT.json",
                                               help="Mentors, mentees and banned pairs.")],
    output: Annotated[Path | None, typer.Option("--output", "-o",
                                                help="Write the result here, not stdout.")] = None,
    min_score: Annotated[float | None, typer.Option(
        "--min-score", min=0, max=100, help="Lowest score of a pair (default: matching.min_score)."
    )] = None,
    on: Annotated[str | None, typer.Option(
        "--date", metavar="YYYY-MM-DD", help="Date for time-zone overlap (default: today, UTC)."
    )] = None,
    config: Annotated[Path | None, typer.Option("--config", "-c",
                                                help="TOML config file.")] = None,
) -> None:
    """Match every mentee to a mentor at once (maximum total score, capacities respected)."""
    from bot.bootstrap import build_taxonomy

    try:
        settings = load_settings(config)
        taxonomy = build_taxonomy(settings)
    except SettingsError as exc:
        typer.echo(f"mentormeet: configuration error:\n{exc}", err=True)
        raise typer.Exit(2) from None
    try:
        day = date.fromisoformat(on) if on else datetime.now(UTC).date()
    except ValueError:
        raise _fail(f"--date {on!r} is not a date like 2026-03-01") from None
    try:
        data = json.loads(input_file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise _fail(f"cannot read {input_file}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _fail(f"{input_file} is not JSON: {exc}") from None
    scorer = Scorer(taxonomy, settings.matching.config(), day)
    try:
        result, warnings = run_cohort(data, taxonomy, scorer, min_score)
    except CohortInputError as exc:
        raise _fail(str(exc)) from None
    for warning in warnings:
        typer.echo(f"warning: {warning}", err=True)
    text = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
