"""Plugs the Slack adapter into `mentormeet run` (light to import: slack-bolt loads on use)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from bot.domain.community import Platform
from bot.settings import Settings

if TYPE_CHECKING:
    from adapters.platforms import PlatformRunner
    from adapters.slack.installations import InstallationStores
    from adapters.slack.listeners import CommandHandler
    from adapters.slack.server import SlackServer
    from bot.settings.sections import SlackSettings

log = logging.getLogger(__name__)


def slack_platforms(settings: Settings) -> list[PlatformRunner]:
    """The Slack runner when Slack credentials are configured, else nothing."""
    slack = settings.slack
    if not slack.enabled:
        return []
    from adapters.platforms import PlatformRunner
    from adapters.slack.app import web_client
    from adapters.slack.blocks import Renderer
    from adapters.slack.installations import InstallationStores
    from adapters.slack.messenger import FixedToken, SlackMessenger, TokenSource
    from adapters.slack.names import CommandNames

    stores = None
    tokens: TokenSource
    if slack.oauth:
        from storage.engine import create_engine

        stores = InstallationStores(create_engine(settings.database.url), slack.client_id)
        tokens = stores
    else:
        assert slack.bot_token is not None  # enabled without OAuth means a bot token
        tokens = FixedToken(slack.bot_token.get_secret_value())
    renderer = Renderer(CommandNames(slack.command_prefix))
    messenger = SlackMessenger(tokens, partial(web_client, slack.api_base), renderer)
    servers: list[SlackServer] = []

    async def serve(app: object) -> None:
        from bot.bootstrap import App

        if not isinstance(app, App):
            raise TypeError(f"expected the wired bot.bootstrap.App, got {type(app).__name__}")
        await serve_slack(slack, app.dispatcher, stores, servers.append)

    def connected() -> bool:
        return bool(servers) and servers[-1].connected

    return [PlatformRunner(Platform.SLACK, messenger, serve, connected=connected)]


async def serve_slack(
    settings: SlackSettings,
    handler: CommandHandler,
    stores: InstallationStores | None,
    started: Callable[[SlackServer], object] = lambda server: None,
) -> None:
    """Create the OAuth tables if needed, serve until cancelled, then shut down cleanly."""
    from adapters.slack.app import build_slack_app
    from adapters.slack.server import SlackServer

    try:
        if stores is not None:
            await stores.create_tables()
        server = SlackServer(build_slack_app(settings, handler, stores=stores), settings)
        await server.start()
        started(server)
        try:
            await asyncio.Event().wait()  # until the task is cancelled
        finally:
            await server.stop()
            log.info("Slack adapter stopped")
    finally:
        if stores is not None:
            await stores.engine.dispose()
