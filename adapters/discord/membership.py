"""Buttons and forms in DMs act in their server only while the clicker is still a member of it."""

from __future__ import annotations

import asyncio
import logging
from enum import Enum

import aiohttp
import discord

log = logging.getLogger(__name__)

# The check runs before the command and its own deferral, within Discord's 3 seconds; discord.py
# would otherwise keep retrying a 5xx for up to 25 seconds.
LOOKUP_SECONDS = 1.0

GONE = "You're no longer a member of {server}, so this button no longer works."
NO_ANSWER = "Discord didn't answer; please try again in a moment."
UNNAMED_SERVER = "that server"


class Standing(Enum):
    """Whether a user is still in a server, as far as Discord tells."""

    MEMBER = "member"
    GONE = "gone"  # left, kicked or banned, or the bot itself is no longer in the server
    UNKNOWN = "unknown"  # Discord did not answer in time or failed


async def standing(client: discord.Client, guild_id: int, user_id: int) -> Standing:
    """Ask the cache, else Discord, whether ``user_id`` is a member of ``guild_id``."""
    guild = client.get_guild(guild_id)
    if guild is not None and guild.get_member(user_id) is not None:
        return Standing.MEMBER
    try:
        await asyncio.wait_for(client.http.get_member(guild_id, user_id), LOOKUP_SECONDS)
    except (discord.NotFound, discord.Forbidden):  # Unknown Member/Guild, or Missing Access
        return Standing.GONE
    except (discord.HTTPException, discord.RateLimited, aiohttp.ClientError, OSError,
            TimeoutError) as exc:
        log.warning("could not look up member %s of server %s: %r", user_id, guild_id, exc)
        return Standing.UNKNOWN
    return Standing.MEMBER


def server_name(client: discord.Client, guild_id: int) -> str:
    """The server's name for a message (markdown escaped), or "that server" when unknown."""
    guild = client.get_guild(guild_id)
    if guild is None or not guild.name:
        return UNNAMED_SERVER
    return discord.utils.escape_markdown(" ".join(guild.name.split()))


async def refusal(client: discord.Client, guild_id: str, user_id: int) -> str | None:
    """Why a DM button of server ``guild_id`` may not act for ``user_id``; None when it may."""
    found = await standing(client, int(guild_id), user_id)
    if found is Standing.MEMBER:
        return None
    if found is Standing.UNKNOWN:
        return NO_ANSWER
    return GONE.format(server=server_name(client, int(guild_id)))
