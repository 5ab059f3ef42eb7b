"""The discord.py client: routes slash commands, buttons, forms and autocomplete to the core."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from typing import Any

import discord
import yarl

from adapters.discord.actors import actor_for
from adapters.discord.buttons import CommandButton
from adapters.discord.custom_ids import ButtonTarget
from adapters.discord.membership import refusal
from adapters.discord.modals import build_modal, parse_modal_custom_id, submitted_values
from adapters.discord.render import NO_MENTIONS, render
from adapters.discord.respond import Responder
from adapters.discord.spec import ModalKind, SlashCommand, Suggest
from adapters.discord.suggestions import Suggestions, timezones
from adapters.discord.table import COMMANDS, FORMS, GROUPS
from adapters.discord.tree import build_tree
from bot.dispatcher import Dispatcher
from bot.queries import MeetupChoice, current_intro, upcoming_meetups
from bot.replies import error
from bot.services import Services
from bot.settings.sections import DiscordSettings

log = logging.getLogger(__name__)

PREFILL_SECONDS = 1.0  # a form must open within Discord's 3 seconds; prefilling is optional
DRAIN_SECONDS = 10.0
RATE_LIMIT_WAIT_SECONDS = 30.0  # longer waits fail the send (the core retries it later)


def point_at(settings: DiscordSettings) -> None:
    """Use the configured REST and gateway URLs (process-wide in discord.py)."""
    discord.http.Route.BASE = settings.api_base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.gateway_url)


def intents() -> discord.Intents:
    """Only the non-privileged guilds intent: commands arrive as interactions."""
    wanted = discord.Intents.none()
    wanted.guilds = True
    return wanted


def meetup_label(meetup: MeetupChoice) -> str:
    """An autocomplete label: number, title and start (UTC; labels cannot be localised)."""
    start = meetup.starts_at.strftime("%a %d %b %H:%M UTC")
    title = " ".join(meetup.title.split())
    return f"#{meetup.id} {title}"[: 100 - len(start) - 3] + f" · {start}"


def _given(value: object) -> bool:
    return value is not None and value is not False and str(value).strip() != ""


class MentorMeetClient(discord.Client):
    """A Discord client whose every command, button and form runs through the core dispatcher."""

    def __init__(
        self,
        dispatcher: Dispatcher,
        services: Services,
        settings: DiscordSettings,
        **options: Any,
    ) -> None:
        point_at(settings)
        options.setdefault("max_ratelimit_timeout", RATE_LIMIT_WAIT_SECONDS)
        super().__init__(intents=intents(), allowed_mentions=NO_MENTIONS, **options)
        self.services = services
        self.settings = settings
        self.responder = Responder(
            dispatcher, settings.organizer_role, settings.defer_after_seconds
        )
        self.suggestions = Suggestions(services.taxonomy)
        self.tree = build_tree(self, COMMANDS, GROUPS, self)
        self._triggers = {c.modal: c.line({}) for c in COMMANDS if c.modal is not None}

    async def setup_hook(self) -> None:
        """Listen for our buttons on every message, including those sent before a restart."""
        self.add_dynamic_items(CommandButton)

    async def close(self) -> None:
        """Let interactions being answered finish, then disconnect."""
        await self.responder.drain(DRAIN_SECONDS)
        await super().close()

    # --- slash commands and autocomplete -------------------------------------------------------

    async def on_slash(
        self,
        interaction: discord.Interaction[Any],
        command: SlashCommand,
        values: Mapping[str, object],
    ) -> None:
        """A slash command: open its form when given no options, else run its command line."""
        if command.modal is not None and not any(_given(v) for v in values.values()):
            await self._open_form(interaction, command.modal, None)
            return
        line = command.line(values)
        await self.responder.run_line(interaction, line, public_hint=command.public)

    async def suggest(
        self, interaction: discord.Interaction[Any], source: Suggest, typed: str
    ) -> list[tuple[str, str]]:
        """Autocomplete (label, value) pairs for one option."""
        if source is Suggest.MEETUP:
            return await self._meetups(interaction, typed)
        if source is Suggest.SKILL:
            found = self.suggestions.skills(typed)
        elif source is Suggest.SKILLS:
            found = self.suggestions.skill_list(typed)
        else:
            found = timezones(typed)
        return [(value, value) for value in found]

    async def _meetups(
        self, interaction: discord.Interaction[Any], typed: str
    ) -> list[tuple[str, str]]:
        if interaction.guild_id is None:
            return []
        actor = actor_for(interaction, str(interaction.guild_id), self.settings.organizer_role)
        try:
            found = await asyncio.wait_for(
                upcoming_meetups(self.services, actor, typed), PREFILL_SECONDS
            )
        except Exception:  # incl. the timeout: no suggestions beat a failed autocomplete
            log.warning("could not list meetups for autocomplete", exc_info=True)
            return []
        return [(meetup_label(m), str(m.id)) for m in found]

    # --- buttons and forms ---------------------------------------------------------------------

    async def on_command_button(
        self, interaction: discord.Interaction[Any], target: ButtonTarget
    ) -> None:
        """A click on one of our buttons: its command line runs as if the member typed it."""
        if not await self._still_member(interaction, target.guild_id):
            return
        for kind, trigger in self._triggers.items():
            if target.line.strip() == trigger:
                await self._open_form(interaction, kind, target.guild_id)
                return
        public = self._public(target.line)
        await self.responder.run_line(
            interaction, target.line, guild_id=target.guild_id, public_hint=public
        )

    async def on_interaction(self, interaction: discord.Interaction[Any]) -> None:
        """Form submissions (handled here, statelessly, so they survive a restart)."""
        if interaction.type is not discord.InteractionType.modal_submit or interaction.data is None:
            return
        parsed = parse_modal_custom_id(str(interaction.data.get("custom_id", "")))
        if parsed is None:
            return
        kind, guild_id = parsed
        if not await self._still_member(interaction, guild_id):
            return
        command = next(c for c in COMMANDS if c.modal is kind)
        line = command.line(submitted_values(interaction.data))
        await self.responder.run_line(
            interaction, line, guild_id=guild_id, public_hint=command.public
        )

    async def _still_member(
        self, interaction: discord.Interaction[Any], guild_id: str | None
    ) -> bool:
        """In a DM, whether the clicker still belongs to the server; if not, say so."""
        if interaction.guild_id is not None or guild_id is None:
            return True
        refused = await refusal(self, guild_id, interaction.user.id)
        if refused is None:
            return True
        await self.responder.send_now(interaction, render(error(refused)))
        return False

    async def _open_form(
        self, interaction: discord.Interaction[Any], kind: ModalKind, guild_id: str | None
    ) -> None:
        prefill: dict[str, str] = {}
        guild = str(interaction.guild_id) if interaction.guild_id is not None else guild_id
        if kind is ModalKind.INTRO and guild is not None:
            actor = actor_for(interaction, guild, self.settings.organizer_role)
            try:
                text = await asyncio.wait_for(current_intro(self.services, actor), PREFILL_SECONDS)
            except Exception:  # incl. the timeout: the form then opens empty
                log.warning("could not read the current intro to prefill the form", exc_info=True)
                text = None
            if text:
                prefill["text"] = text
        modal = build_modal(FORMS[kind], None if interaction.guild_id else guild_id, prefill)
        try:
            await interaction.response.send_modal(modal)
        except discord.HTTPException as exc:
            log.warning("could not open a form for interaction %s: %s", interaction.id, exc)

    def _public(self, line: str) -> bool:
        """Whether the answer to ``line`` is usually public (longest matching table entry)."""
        best: tuple[int, bool] = (0, False)
        for command in COMMANDS:
            head = command.line({})
            if (line == head or line.startswith(head + " ")) and len(head) > best[0]:
                best = (len(head), command.public)
        return best[1]


class ShardedMentorMeetClient(MentorMeetClient, discord.AutoShardedClient):
    """The same client over several gateway shards (discord.py's AutoShardedClient)."""


def make_client(
    dispatcher: Dispatcher, services: Services, settings: DiscordSettings, **options: Any
) -> MentorMeetClient:
    """A sharded client when ``[discord] shard_count`` is set, else the plain one."""
    if settings.shard_count is None:
        return MentorMeetClient(dispatcher, services, settings, **options)
    options.setdefault("shard_count", settings.shard_count)
    if settings.shard_ids is not None:
        options.setdefault("shard_ids", list(settings.shard_ids))
    return ShardedMentorMeetClient(dispatcher, services, settings, **options)
