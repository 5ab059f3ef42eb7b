"""Builds the slack-bolt AsyncApp: token or OAuth authorization, Web API base URL, listeners."""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_bolt.authorization.async_authorize import AsyncInstallationStoreAuthorize
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.actors import OrganizerCheck
from adapters.slack.blocks import Renderer
from adapters.slack.delivery import ReplyDelivery
from adapters.slack.form_specs import FORMS
from adapters.slack.forms import FormRegistry
from adapters.slack.installations import InstallationStores
from adapters.slack.listeners import SUBMIT_WAIT_SECONDS, CommandHandler, SlackListeners
from adapters.slack.names import CommandNames
from bot.settings.sections import SlackSettings

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
WEB_API_TIMEOUT_SECONDS = 10


def web_client(api_base: str, token: str | None = None) -> AsyncWebClient:
    """A Web API client on ``api_base`` (Slack's, or a local server in tests)."""
    return AsyncWebClient(
        token=token, base_url=api_base, timeout=WEB_API_TIMEOUT_SECONDS,
        user_agent_prefix="mentormeet",
    )


def redirect_uri(settings: SlackSettings) -> str | None:
    """The OAuth redirect URL Slack sends installers back to (None: the app's only one)."""
    return settings.public_url + REDIRECT_PATH if settings.public_url else None


@dataclass(frozen=True, slots=True)
class SlackApp:
    """The bolt app and the listeners attached to it (which know the commands in flight)."""

    bolt: AsyncApp
    listeners: SlackListeners


def build_slack_app(
    settings: SlackSettings,
    handler: CommandHandler,
    *,
    stores: InstallationStores | None = None,
    organizers: OrganizerCheck | None = None,
    submit_wait: float = SUBMIT_WAIT_SECONDS,
) -> SlackApp:
    """The bolt app for these settings, its listeners running commands through ``handler``."""
    names = CommandNames(settings.command_prefix)
    # Without a signing secret (socket mode) HTTP requests must still never verify.
    signing_secret = (
        settings.signing_secret.get_secret_value() if settings.signing_secret
        else secrets.token_hex(32)
    )
    # bolt sets the level of the logger named after the app on every request: keep that name
    # away from any logger the bot uses
    common: dict[str, Any] = {"name": "slack-bolt-mentormeet", "signing_secret": signing_secret}
    if settings.oauth:
        if stores is None:
            raise ValueError("Slack OAuth needs the installation stores")
        client = web_client(settings.api_base)
        oauth = _oauth_settings(settings, stores)
        # A workspace's token is checked with auth.test once, not on every request; a removed
        # installation is not found in the store any more, so the cache never outlives it.
        authorize = AsyncInstallationStoreAuthorize(
            logger=logging.getLogger("slack_bolt.AsyncApp"),
            installation_store=stores.installations,
            client_id=oauth.client_id,
            client_secret=oauth.client_secret,
            cache_enabled=True,
            client=client,
        )
        app = AsyncApp(
            client=client,
            installation_store=stores.installations,
            authorize=authorize,  # type: ignore[arg-type]  # bolt takes an AsyncAuthorize too
            oauth_settings=oauth,
            **common,
        )
        app.enable_token_revocation_listeners()
    else:
        if settings.bot_token is None:
            raise ValueError("Slack token mode needs a bot token")
        token = settings.bot_token.get_secret_value()
        app = AsyncApp(client=web_client(settings.api_base, token), **common)
        app.event("app_uninstalled")(_acknowledge)
        app.event("tokens_revoked")(_acknowledge)
    listeners = SlackListeners(
        handler=handler,
        names=names,
        delivery=ReplyDelivery(Renderer(names)),
        organizers=organizers or OrganizerCheck(
            settings.organizer_usergroup, settings.organizer_admins
        ),
        forms=FormRegistry(FORMS),
        submit_wait=submit_wait,
    )
    listeners.register(app)
    return SlackApp(app, listeners)


def _oauth_settings(settings: SlackSettings, stores: InstallationStores) -> AsyncOAuthSettings:
    assert settings.client_secret is not None  # settings.oauth says so
    return AsyncOAuthSettings(
        client_id=settings.client_id,
        client_secret=settings.client_secret.get_secret_value(),
        scopes=list(settings.scopes),
        user_scopes=[],
        redirect_uri=redirect_uri(settings),
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        install_page_rendering_enabled=False,  # /slack/install goes straight to Slack
        authorization_url=urljoin(settings.api_base, "../oauth/v2/authorize"),
        installation_store=stores.installations,
        state_store=stores.states,
    )


async def _acknowledge(ack: AsyncAck) -> None:
    # single-workspace mode has nothing to clean up when the app is removed
    await ack()
