"""Answers interactions within Discord's 3 seconds: quick replies directly, slow ones deferred."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable
from typing import Any

import discord

from adapters.discord.actors import actor_for
from adapters.discord.render import DiscordMessage, render
from bot.commandline import UsageError, parse_command
from bot.dispatcher import Dispatcher
from bot.replies import Reply, error

log = logging.getLogger(__name__)

NOT_IN_A_SERVER = "I work inside a server: use my commands in one of its channels."


class Responder:
    """Turns a command line from an interaction into a core command and sends the reply."""

    def __init__(self, dispatcher: Dispatcher, organizer_role: str, defer_after: float) -> None:
        self._dispatcher = dispatcher
        self._organizer_role = organizer_role
        self._defer_after = defer_after
        self._running: set[asyncio.Task[Any]] = set()  # interactions being answered

    async def run_line(
        self,
        interaction: discord.Interaction[Any],
        line: str,
        *,
        guild_id: str | None = None,
        public_hint: bool = False,
    ) -> None:
        """Run ``line`` as the interaction's member; ``guild_id`` is the server of a DM button."""
        current = asyncio.current_task()
        if current is not None:
            self._running.add(current)
        try:
            await self._run_line(interaction, line, guild_id, public_hint)
        finally:
            if current is not None:
                self._running.discard(current)

    async def _run_line(
        self,
        interaction: discord.Interaction[Any],
        line: str,
        guild_id: str | None,
        public_hint: bool,
    ) -> None:
        guild = str(interaction.guild_id) if interaction.guild_id is not None else guild_id
        if guild is None:
            await self.send_now(interaction, render(error(NOT_IN_A_SERVER)))
            return
        button_guild = None if interaction.guild_id is not None else guild
        actor = actor_for(interaction, guild, self._organizer_role)
        try:
            command = parse_command(line, actor)
        except UsageError as exc:
            reply = error(exc.message)
            await self.send_now(interaction, render(reply, button_guild_id=button_guild))
            return
        await self._answer(interaction, self._dispatcher.handle(command), public_hint, button_guild)

    async def _answer(
        self,
        interaction: discord.Interaction[Any],
        work: Awaitable[Reply],
        public_hint: bool,
        button_guild: str | None,
    ) -> None:
        task = asyncio.ensure_future(work)
        try:
            reply = await asyncio.wait_for(asyncio.shield(task), timeout=self._defer_after)
        except TimeoutError:
            await self._deferred(interaction, task, public_hint, button_guild)
            return
        await self.send_now(interaction, render(reply, button_guild_id=button_guild))

    async def _deferred(
        self,
        interaction: discord.Interaction[Any],
        task: asyncio.Task[Reply],
        public_hint: bool,
        button_guild: str | None,
    ) -> None:
        deferred_private = not public_hint
        try:
            await interaction.response.defer(ephemeral=deferred_private, thinking=True)
        except discord.HTTPException:
            log.warning("could not acknowledge interaction %s in time", interaction.id)
        message = render(await task, button_guild_id=button_guild)
        try:
            if message.private == deferred_private:
                await interaction.edit_original_response(
                    content=message.content,
                    embeds=message.embeds,
                    view=message.view,
                    attachments=message.files_or_missing,
                    allowed_mentions=message.allowed_mentions,
                )
                return
            # The "thinking…" placeholder was shown to the wrong audience: replace it.
            with contextlib.suppress(discord.NotFound):
                await interaction.delete_original_response()
            await interaction.followup.send(
                content=message.content or discord.utils.MISSING,
                embeds=message.embeds,
                view=message.view_or_missing,
                files=message.files_or_missing,
                ephemeral=message.private,
                allowed_mentions=message.allowed_mentions,
            )
        except discord.HTTPException as exc:
            log.warning("could not deliver the answer to interaction %s: %s", interaction.id, exc)

    async def send_now(
        self, interaction: discord.Interaction[Any], message: DiscordMessage
    ) -> None:
        """Answer the interaction with ``message`` as its initial response."""
        try:
            await interaction.response.send_message(
                content=message.content,
                embeds=message.embeds,
                view=message.view_or_missing,
                files=message.files_or_missing,
                ephemeral=message.private,
                allowed_mentions=message.allowed_mentions,
            )
        except discord.HTTPException as exc:
            log.warning("could not answer interaction %s: %s", interaction.id, exc)

    async def drain(self, seconds: float) -> None:
        """Wait (up to ``seconds``) for interactions still being answered, e.g. at shutdown."""
        if self._running:
            await asyncio.wait(set(self._running), timeout=seconds)
