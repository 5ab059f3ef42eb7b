"""Who is acting: the core's Actor for a Discord interaction, including organizer status."""

from __future__ import annotations

from typing import Any

import discord

from bot.domain.community import Actor, Platform


def has_organizer_role(member: discord.Member, organizer_role: str) -> bool:
    """Whether the member holds the configured organizer role (given by id or by name)."""
    wanted = organizer_role.strip()
    if not wanted:
        return False
    if wanted.isdigit():
        return any(role.id == int(wanted) for role in member.roles)
    return any(role.name.casefold() == wanted.casefold() for role in member.roles)


def is_organizer(
    user: discord.User | discord.Member, permissions: discord.Permissions, organizer_role: str
) -> bool:
    """Manage Events (or Administrator) in the channel, or the configured role.

    Only members of a server can be organizers; the core enforces what organizers may do.
    """
    if not isinstance(user, discord.Member):
        return False
    if permissions.administrator or permissions.manage_events:
        return True
    return has_organizer_role(user, organizer_role)


def actor_for(
    interaction: discord.Interaction[Any], guild_id: str, organizer_role: str
) -> Actor:
    """The Actor for the member behind ``interaction`` in server ``guild_id``.

    In a direct message (a button on a DM the bot sent) the server comes from the button and the
    member's roles are unknown, so they act as a regular member.
    """
    user = interaction.user
    in_guild = interaction.guild_id is not None
    guild = interaction.guild if in_guild else interaction.client.get_guild(int(guild_id))
    name = guild.name if guild is not None and guild.name else guild_id
    return Actor(
        platform=Platform.DISCORD,
        community_external_id=guild_id,
        community_name=name,
        member_external_id=str(user.id),
        display_name=user.display_name,
        is_organizer=in_guild and is_organizer(user, interaction.permissions, organizer_role),
    )
