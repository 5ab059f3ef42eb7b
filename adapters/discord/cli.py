"""`mentormeet discord sync`: register the slash commands with Discord (discord.py loads on use)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated, Any

import typer

from bot.settings import Settings, SettingsError, configure_logging, load_settings

discord_app = typer.Typer(help="Discord adapter tools.", no_args_is_help=True)

NO_TOKEN = "set MENTORMEET_DISCORD_TOKEN to the bot token first (see docs/discord.md)"


class SyncFailed(Exception):
    """Discord could not be reached or refused the commands."""


async def sync_commands(settings: Settings, guild_id: int | None) -> list[str]:
    """Log in over REST only and replace the commands (of one server, or global); their names."""
    import aiohttp
    import discord
    from discord import app_commands

    from adapters.discord.client import intents, point_at
    from adapters.discord.table import COMMANDS, GROUPS
    from adapters.discord.tree import build_tree

    token = settings.discord.token
    if token is None:
        raise SettingsError(f"discord.token: {NO_TOKEN}")

    class _NotServing:
        """The tree's handler while syncing: commands are registered, never run, here."""

        async def on_slash(self, *args: Any) -> None:
            raise RuntimeError("commands are not served by `discord sync`")

        async def suggest(self, *args: Any) -> list[tuple[str, str]]:
            return []

    point_at(settings.discord)
    client = discord.Client(intents=intents())
    tree: app_commands.CommandTree[Any] = build_tree(client, COMMANDS, GROUPS, _NotServing())
    try:
        await client.login(token.get_secret_value())
        guild = discord.Object(id=guild_id) if guild_id is not None else None
        if guild is not None:
            tree.copy_global_to(guild=guild)
        synced = await tree.sync(guild=guild)
    except discord.LoginFailure:
        raise SettingsError("discord.token: Discord refused the bot token") from None
    except discord.HTTPException as exc:
        raise SyncFailed(f"Discord refused the commands: {exc}") from None
    except (aiohttp.ClientError, OSError) as exc:
        raise SyncFailed(f"could not reach Discord at {settings.discord.api_base}: {exc}") from None
    finally:
        await client.close()
    return sorted(command.name for command in synced)


@discord_app.command("sync")
def sync(
    config: Annotated[
        Path | None, typer.Option("--config", "-c", help="TOML config file.")
    ] = None,
    guild: Annotated[
        int | None,
        typer.Option("--guild", help="Server id: update its commands instantly (development)."),
    ] = None,
    global_: Annotated[
        bool,
        typer.Option("--global", help="Register global commands even if dev_guild_id is set."),
    ] = False,
) -> None:
    """Register the slash commands: one server (--guild, else dev_guild_id) or global."""
    try:
        settings = load_settings(config)
        configure_logging(settings)
        target = None if global_ else (guild or settings.discord.dev_guild_id)
        if global_ and guild is not None:
            raise SettingsError("use either --guild or --global, not both")
        names = asyncio.run(sync_commands(settings, target))
    except SettingsError as exc:
        typer.echo(f"mentormeet: configuration error:\n{exc}", err=True)
        raise typer.Exit(2) from None
    except SyncFailed as exc:
        typer.echo(f"mentormeet: {exc}", err=True)
        raise typer.Exit(1) from None
    where = f"server {target}" if target is not None else "all servers (global; may take an hour)"
    typer.echo(f"synced {len(names)} commands to {where}: {', '.join('/' + n for n in names)}")
