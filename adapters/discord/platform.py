"""Plugs the Discord adapter into `mentormeet run` (light to import: discord.py loads on use)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from bot.domain.community import Platform
from bot.settings import Settings, SettingsError

if TYPE_CHECKING:
    from adapters.platforms import PlatformRunner

log = logging.getLogger(__name__)

TOKEN_REFUSED = (
    "discord.token: Discord refused the bot token in MENTORMEET_DISCORD_TOKEN "
    "(reset it in the Developer Portal under Bot → Reset Token)"
)


def discord_runners(settings: Settings, **client_options: Any) -> list[PlatformRunner]:
    """The Discord runner when a token is configured, else nothing."""
    token = settings.discord.token
    if token is None:
        return []
    import discord

    from adapters.discord.client import make_client
    from adapters.discord.messenger import DiscordMessenger
    from adapters.platforms import PlatformRunner
    from bot.bootstrap import App

    messenger = DiscordMessenger()

    async def serve(app: object) -> None:
        """Connect and serve until cancelled; discord.py reconnects (and resumes) by itself."""
        if not isinstance(app, App):
            raise TypeError(f"expected a wired App, got {type(app).__name__}")
        client = make_client(app.dispatcher, app.services, settings.discord, **client_options)
        messenger.attach(client)
        try:
            await client.start(token.get_secret_value(), reconnect=True)
        except discord.LoginFailure:
            raise SettingsError(TOKEN_REFUSED) from None
        finally:
            messenger.detach(client)
            await client.close()
            log.info("Discord adapter stopped")

    return [PlatformRunner(Platform.DISCORD, messenger, serve, lambda: messenger.connected)]
