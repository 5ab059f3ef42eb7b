"""Bolt listeners: slash commands, button clicks and modal submissions become core commands.

Every listener acknowledges first and then works, so Slack's 3-second deadline is never missed.
A modal submission is the exception Slack forces: its validation errors must travel in the
acknowledgement, so the command runs for up to ``submit_wait`` seconds before the ack; if it
takes longer the modal closes and the answer follows as a message.
"""

from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import replace
from typing import Any, Protocol

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.actors import OrganizerCheck, Requester
from adapters.slack.api_errors import NETWORK_ERRORS, describe
from adapters.slack.blocks import BUTTON_ACTION_PREFIX
from adapters.slack.delivery import ReplyDelivery, ReplyTarget
from adapters.slack.escaping import clip, unescape
from adapters.slack.forms import (
    CALLBACK_PREFIX,
    MAX_ERROR,
    Form,
    FormError,
    FormRegistry,
    read_metadata,
    read_values,
)
from adapters.slack.names import CommandNames
from bot.commandline import UsageError, parse_command
from bot.commands import Command
from bot.dispatcher import TRY_AGAIN
from bot.replies import Reply, error

log = logging.getLogger(__name__)

SUBMIT_WAIT_SECONDS = 2.0


class CommandHandler(Protocol):
    """Runs a core command (the Dispatcher)."""

    async def handle(self, command: Command) -> Reply:
        """The reply to the command."""
        ...


class SlackListeners:
    """The glue between bolt's requests and the core's command lines and replies."""

    def __init__(
        self,
        handler: CommandHandler,
        names: CommandNames,
        delivery: ReplyDelivery,
        organizers: OrganizerCheck,
        forms: FormRegistry,
        submit_wait: float = SUBMIT_WAIT_SECONDS,
    ) -> None:
        self._handler = handler
        self._names = names
        self._delivery = delivery
        self._organizers = organizers
        self._forms = forms
        self._submit_wait = submit_wait
        self._in_flight: set[asyncio.Task[Any]] = set()

    def register(self, app: AsyncApp) -> None:
        """Attach the listeners to the bolt app."""
        app.command(re.compile(rf"^{re.escape(self._names.prefix)}[a-z0-9_-]+$"))(self.on_command)
        app.action(re.compile(rf"^{BUTTON_ACTION_PREFIX}\d+$"))(self.on_button)
        app.view_submission(re.compile(rf"^{re.escape(CALLBACK_PREFIX)}"))(self.on_submit)

    def _track(self) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._in_flight.add(task)
            task.add_done_callback(self._in_flight.discard)

    async def drain(self, seconds: float) -> None:
        """Let commands in flight finish (their answers included), for at most ``seconds``."""
        if not self._in_flight:
            return
        _, late = await asyncio.wait(set(self._in_flight), timeout=seconds)
        for task in late:
            log.warning("a Slack command was still running at shutdown; cancelling it")
            task.cancel()

    async def on_command(self, ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        """A slash command: its text is the rest of the core command line."""
        self._track()
        await ack()
        requester = Requester.from_command(body)
        text = unescape(str(body.get("text") or ""))
        line = self._names.command_line(str(body.get("command") or ""), text)
        await self._open_or_run(line, requester, client)

    async def on_button(self, ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        """A button click runs the command line stored in its value, as the clicking member."""
        self._track()
        await ack()
        actions = body.get("actions") or [{}]
        line = str(actions[0].get("value") or "")
        await self._open_or_run(line, Requester.from_interaction(body), client)

    async def on_submit(self, ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        """A modal submission: its values become a command line; errors go back into the modal."""
        self._track()
        view = body.get("view") or {}
        form = self._forms.for_callback(str(view.get("callback_id") or ""))
        if form is None:
            await ack()
            return
        values = read_values((view.get("state") or {}).get("values") or {})
        try:
            line = form.compose(values)
        except FormError as exc:
            await ack(response_action="errors", errors={exc.block_id: exc.message})
            return
        metadata = read_metadata(str(view.get("private_metadata") or ""))
        requester = replace(
            Requester.from_interaction(body), channel_id=metadata.get("channel", "")
        )
        work = asyncio.ensure_future(self._run(line, requester, client))
        done, _ = await asyncio.wait({work}, timeout=self._submit_wait)
        if work in done and work.result().is_error:
            errors = _errors(form, values, self._names.localize(work.result().text))
            await ack(response_action="errors", errors=errors)
            return
        await ack()
        await self._delivery.deliver(await work, _target(requester, client))

    async def _open_or_run(self, line: str, requester: Requester, client: AsyncWebClient) -> None:
        form = self._forms.for_command(line)
        if form is not None and requester.trigger_id and await self._open(form, requester, client):
            return
        reply = await self._run(line, requester, client)
        await self._delivery.deliver(reply, _target(requester, client))

    async def _open(self, form: Form, requester: Requester, client: AsyncWebClient) -> bool:
        view = form.view({"channel": requester.channel_id}, self._names)
        try:
            await client.views_open(trigger_id=requester.trigger_id, view=view)
        except (SlackApiError, *NETWORK_ERRORS) as exc:
            log.warning("views.open failed (%s); running %s as typed", describe(exc), form.trigger)
            return False
        return True

    async def _run(self, line: str, requester: Requester, client: AsyncWebClient) -> Reply:
        try:
            organizer = await self._organizers.is_organizer(
                client, requester.community, requester.user_id
            )
            command = parse_command(line, requester.actor(organizer))
            return await self._handler.handle(command)
        except UsageError as exc:
            return error(exc.message)
        except Exception:
            log.exception("Slack command %r failed", line.split(" ", 1)[0])
            return error(TRY_AGAIN)


def _target(requester: Requester, client: AsyncWebClient) -> ReplyTarget:
    return ReplyTarget(
        client=client,
        user_id=requester.user_id,
        channel_id=requester.channel_id,
        response_url=requester.response_url,
    )


def _errors(form: Form, values: dict[str, str], text: str) -> dict[str, str]:
    message = " ".join(text.split()) or "That didn't work. Please check the values."
    return {form.error_block(values, message): clip(message, MAX_ERROR)}
