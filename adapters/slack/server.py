"""Serves the bolt app: bolt's aiohttp handlers (HTTP mode, OAuth pages) and/or Socket Mode."""

from __future__ import annotations

import logging

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp

from adapters.slack.app import SlackApp
from bot.settings.sections import SlackSettings

log = logging.getLogger(__name__)

DRAIN_SECONDS = 10.0


def web_app(bolt: AsyncApp, events_path: str | None) -> web.Application:
    """The aiohttp application: signed POSTs on ``events_path`` (None: no such route, as in
    socket mode) and, with OAuth, the install and redirect pages."""
    app = web.Application()

    async def events(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await bolt.async_dispatch(await to_bolt_request(request)))

    if events_path is not None:
        app.router.add_post(events_path, events)
    flow = bolt.oauth_flow
    if flow is not None:

        async def install(request: web.Request) -> web.Response:
            return await to_aiohttp_response(
                await flow.handle_installation(await to_bolt_request(request))
            )

        async def redirect(request: web.Request) -> web.Response:
            return await to_aiohttp_response(
                await flow.handle_callback(await to_bolt_request(request))
            )

        app.router.add_get(flow.install_path, install)
        app.router.add_get(flow.redirect_uri_path, redirect)
    return app


class SlackServer:
    """Starts and stops whatever the settings ask for: the HTTP server, the Socket Mode link."""

    def __init__(self, app: SlackApp, settings: SlackSettings) -> None:
        self._app = app
        self._bolt = app.bolt
        self._settings = settings
        self._runner: web.AppRunner | None = None
        self._socket: AsyncSocketModeHandler | None = None
        self.port: int | None = None

    @property
    def serves_http(self) -> bool:
        """HTTP mode, or socket mode with OAuth (the install pages need a web server)."""
        return self._settings.mode == "http" or self._settings.oauth

    @property
    def connected(self) -> bool:
        """Whether Slack can reach the bot right now (listening, and the socket is up)."""
        if self.serves_http and self._runner is None:
            return False
        if self._settings.mode != "socket":
            return True
        client = self._socket.client if self._socket is not None else None
        session = client.current_session if client is not None else None
        return (
            client is not None and not client.closed and not client.stale
            and session is not None and not session.closed
        )

    async def start(self) -> None:
        """Listen (HTTP) and/or connect (Socket Mode); raises if either fails."""
        try:
            if self.serves_http:
                await self._start_http()
            if self._settings.mode == "socket":
                await self._connect_socket()
        except BaseException:
            await self.stop()
            raise

    async def _start_http(self) -> None:
        events_path = self._settings.path if self._settings.mode == "http" else None
        self._runner = web.AppRunner(web_app(self._bolt, events_path), access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._settings.host, self._settings.port)
        await site.start()
        addresses = self._runner.addresses
        self.port = int(addresses[0][1]) if addresses else self._settings.port
        log.info("Slack HTTP endpoint on %s:%s", self._settings.host, self.port)

    async def _connect_socket(self) -> None:
        token = self._settings.app_token
        if token is None:
            raise ValueError("Slack socket mode needs an app-level token")
        self._socket = AsyncSocketModeHandler(self._bolt, token.get_secret_value())
        await self._socket.connect_async()  # type: ignore[no-untyped-call]
        log.info("Slack Socket Mode connected")

    async def stop(self, drain_seconds: float = DRAIN_SECONDS) -> None:
        """Stop taking requests, then let commands in flight answer (for a bounded time)."""
        if self._socket is not None:
            await self._socket.close_async()  # type: ignore[no-untyped-call]
            self._socket = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        await self._app.listeners.drain(drain_seconds)
