"""`mentormeet export --community ID`: one community's member data as JSON, for operators."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer

from bot.cli_options import CommunityOption, ConfigOption
from bot.clock import SystemClock
from bot.domain.community import Platform
from bot.settings import Settings

EXIT_NOT_FOUND = 1
EXIT_INCOMPLETE = 4


def export_command(
    community: CommunityOption,
    config: ConfigOption = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to FILE (readable by you only) instead of "
                     "standard output; an existing file is replaced."),
    ] = None,
    allow_incomplete: Annotated[
        bool,
        typer.Option("--allow-incomplete", help="Export even when some feature cannot export "
                     "its data yet; the document lists those under \"incomplete\"."),
    ] = False,
) -> None:
    """Export everything stored about one community's members as one JSON document."""
    from bot.bootstrap import StorageNotReady
    from bot.cli import _settings
    from bot.export import IncompleteExport, parse_community_ref

    try:
        ref = parse_community_ref(community)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--community") from None
    settings = _settings(config)
    try:
        document = asyncio.run(_export(settings, ref, allow_incomplete))
    except LookupError:
        typer.echo(f"mentormeet: no community matches {community!r}", err=True)
        raise typer.Exit(EXIT_NOT_FOUND) from None
    except StorageNotReady as exc:
        typer.echo(f"mentormeet: {exc}", err=True)
        raise typer.Exit(EXIT_NOT_FOUND) from None
    except IncompleteExport as exc:
        typer.echo(f"mentormeet: {exc}; --allow-incomplete exports the rest", err=True)
        raise typer.Exit(EXIT_INCOMPLETE) from None
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        _write_private(output, text)
        typer.echo(f"exported community {document['community']['id']} to {output}", err=True)
    if document["incomplete"]:
        missing = ", ".join(document["incomplete"])
        typer.echo(f"mentormeet: warning: the export is incomplete ({missing})", err=True)


async def _export(
    settings: Settings, ref: int | tuple[Platform, str], allow_incomplete: bool
) -> dict[str, Any]:
    from bot.bootstrap import open_storage
    from bot.export import export_community

    async with open_storage(settings) as uow_factory:
        return await export_community(
            uow_factory, ref, SystemClock().now(), allow_incomplete=allow_incomplete
        )


def _write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically, with permissions for the owner only."""
    folder = path.resolve().parent
    if not folder.is_dir():
        raise typer.BadParameter(f"the folder {folder} does not exist", param_hint="--output")
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:  # mkstemp creates it as 0600
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
