"""The one persistent button handler: any ``mm:…`` custom_id, on any message, old or new."""

from __future__ import annotations

import logging
import re
from typing import Any, Protocol, runtime_checkable

import discord

from adapters.discord.custom_ids import TEMPLATE, ButtonTarget, decode
from bot.replies import ButtonStyle

log = logging.getLogger(__name__)

STYLES = {
    ButtonStyle.PRIMARY: discord.ButtonStyle.primary,
    ButtonStyle.SECONDARY: discord.ButtonStyle.secondary,
    ButtonStyle.DANGER: discord.ButtonStyle.danger,
}


@runtime_checkable
class ButtonClicks(Protocol):
    """What the client offers to run a clicked button (see ``client.MentorMeetClient``)."""

    async def on_command_button(
        self, interaction: discord.Interaction[Any], target: ButtonTarget
    ) -> None:
        """Run the command line the button stands for."""
        ...


class CommandButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=TEMPLATE):
    """A button whose custom_id is its command line; registered once at start-up, so buttons keep
    working on messages sent before a restart."""

    def __init__(
        self,
        custom_id: str,
        label: str | None = None,
        style: discord.ButtonStyle = discord.ButtonStyle.secondary,
        row: int | None = None,
    ) -> None:
        super().__init__(
            discord.ui.Button(label=label, style=style, custom_id=custom_id), row=row
        )

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> CommandButton:
        """Rebuild the button from a click (discord.py calls this for every matching custom_id)."""
        label = item.label if isinstance(item, discord.ui.Button) else None
        return cls(match.string, label=label)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Hand the click to the client, which runs the command line like a typed command."""
        target = decode(self.item.custom_id or "")
        client = interaction.client
        if target is None or not isinstance(client, ButtonClicks):
            log.warning("button %r cannot be handled", self.item.custom_id)
            return
        await client.on_command_button(interaction, target)
