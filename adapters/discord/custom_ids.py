"""Button ``custom_id``s: the button's command line itself, so old buttons work after a restart.

Format: ``mm:<guild id or empty>:<command line>`` (at most 100 characters, Discord's limit).
Buttons in direct messages carry their server's id, because a click in a DM does not say which
server it belongs to; buttons in a server leave it empty and use the interaction's server.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_CUSTOM_ID = 100
PREFIX = "mm"
TEMPLATE = re.compile(rf"{PREFIX}:(?P<guild>\d{{0,20}}):(?P<line>/\S.*)")


@dataclass(frozen=True, slots=True)
class ButtonTarget:
    """What a button click asks for: a command line, in a server when known."""

    line: str
    guild_id: str | None = None


def encode(line: str, guild_id: str | None = None) -> str | None:
    """The custom_id for a button standing for ``line``; None if it cannot fit in 100 characters."""
    compact = " ".join(line.split())
    if not compact.startswith("/") or len(compact) < 2 or compact[1].isspace():
        raise ValueError(f"a button's command line starts with '/': {line!r}")
    if guild_id is not None and not guild_id.isdigit():
        raise ValueError(f"a guild id is a number: {guild_id!r}")
    custom_id = f"{PREFIX}:{guild_id or ''}:{compact}"
    return custom_id if len(custom_id) <= MAX_CUSTOM_ID else None


def decode(custom_id: str) -> ButtonTarget | None:
    """The target of one of our custom_ids, or None for anything else."""
    match = TEMPLATE.fullmatch(custom_id)
    if match is None:
        return None
    return ButtonTarget(match["line"], match["guild"] or None)
