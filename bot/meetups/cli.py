"""`mentormeet ics --community ID`: a community's upcoming meetups as one .ics calendar file."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Annotated

import typer

from bot.cli_options import CommunityOption, ConfigOption
from bot.clock import SystemClock
from bot.domain.community import Community, Platform
from bot.settings import Settings

EXIT_NOT_FOUND = 1


def ics_command(
    community: CommunityOption,
    config: ConfigOption = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to FILE (default: <community>.ics in the "
                     "current folder); - writes to standard output."),
    ] = None,
) -> None:
    """Write the community's upcoming meetups (series with RRULE/EXDATE) as one calendar."""
    from bot.bootstrap import StorageNotReady
    from bot.cli import _settings
    from bot.export import parse_community_ref

    try:
        ref = parse_community_ref(community)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--community") from None
    settings = _settings(config)
    try:
        found, data, count = asyncio.run(_calendar(settings, ref))
    except StorageNotReady as exc:
        typer.echo(f"mentormeet: {exc}", err=True)
        raise typer.Exit(EXIT_NOT_FOUND) from None
    if found is None:
        typer.echo(f"mentormeet: no community matches {community!r}", err=True)
        raise typer.Exit(EXIT_NOT_FOUND)
    if output is not None and str(output) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    target = output or Path(f"{_slug(found)}.ics")
    target.write_bytes(data)
    typer.echo(f"wrote {count} upcoming meetup{'' if count == 1 else 's'} of "
               f"{found.name} to {target}", err=True)


async def _calendar(
    settings: Settings, ref: int | tuple[Platform, str]
) -> tuple[Community | None, bytes, int]:
    from bot.bootstrap import open_storage
    from bot.export import find_community
    from bot.meetups.domain import MeetupStatus
    from bot.meetups.ics import calendar

    now = SystemClock().now()
    async with open_storage(settings) as uow_factory, uow_factory() as uow:
        community = await find_community(uow, ref)
        if community is None:
            return None, b"", 0
        meetups = await uow.meetups.events.find(community.id, [MeetupStatus.SCHEDULED])
    upcoming = [m for m in meetups if m.next_occurrence(now) is not None]
    return community, calendar(upcoming, community.name, now), len(upcoming)


def _slug(community: Community) -> str:
    text = "".join(c if c.isalnum() else "-" for c in community.name.lower())
    return "-".join(part for part in text.split("-") if part) or f"community-{community.id}"
