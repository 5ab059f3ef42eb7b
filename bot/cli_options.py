"""Command-line options shared by every `mentormeet` subcommand."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", "-c", help="TOML config file (default: $MENTORMEET_CONFIG, "
                 "./mentormeet.toml, then the per-user config dir)."),
]

CommunityOption = Annotated[
    str,
    typer.Option(
        "--community",
        help="The community: its database id, or PLATFORM:EXTERNAL_ID (e.g. console:local, "
        "discord:123456789012345678).",
    ),
]
