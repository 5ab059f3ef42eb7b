"""Core replies as Discord messages: content, embeds, persistent buttons; nobody is ever pinged."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

import discord

from adapters.discord.buttons import STYLES, CommandButton
from adapters.discord.custom_ids import encode
from adapters.discord.limits import (
    BUTTON_LABEL_LIMIT,
    BUTTONS_PER_ROW,
    CONTENT_LIMIT,
    ROWS_PER_MESSAGE,
    EmbedPlan,
    clip,
    plan_embeds,
)
from bot.replies import Button, Reply, Visibility

ERROR_MARK = "⚠️ "
EMPTY_REPLY = "Done."
NO_MENTIONS = discord.AllowedMentions.none()


@dataclass(slots=True)
class DiscordMessage:
    """A reply ready to send: ``private`` ones are ephemeral (flag 64) where Discord allows it."""

    content: str | None
    embeds: list[discord.Embed] = field(default_factory=list)
    view: discord.ui.View | None = None
    private: bool = True
    files: list[discord.File] = field(default_factory=list)
    allowed_mentions: discord.AllowedMentions = NO_MENTIONS

    @property
    def view_or_missing(self) -> Any:
        """The view, or discord.py's "not given" marker (``None`` means "remove" there)."""
        return self.view if self.view is not None else discord.utils.MISSING

    @property
    def files_or_missing(self) -> Any:
        """The files, or "not given" (an empty list would send an empty attachments list)."""
        return self.files if self.files else discord.utils.MISSING


def is_private(reply: Reply) -> bool:
    """Errors and private replies are only for the member who asked."""
    return reply.is_error or reply.visibility is Visibility.PRIVATE


def _embed(plan: EmbedPlan) -> discord.Embed:
    embed = discord.Embed(title=plan.title, description=plan.description or None)
    for item in plan.fields:
        embed.add_field(name=item.name, value=item.value, inline=item.inline)
    if plan.footer:
        embed.set_footer(text=plan.footer)
    return embed


def _buttons(
    buttons: tuple[Button, ...], guild_id: str | None
) -> tuple[discord.ui.View | None, list[str]]:
    """A view of persistent buttons, and hint lines for buttons that cannot be one."""
    view = discord.ui.View(timeout=None)
    hints: list[str] = []
    capacity = BUTTONS_PER_ROW * ROWS_PER_MESSAGE
    for button in buttons:
        custom_id = encode(button.command, guild_id)
        label = clip(button.label.strip() or button.command, BUTTON_LABEL_LIMIT)
        if custom_id is None or len(view.children) >= capacity:
            hints.append(f"{label}: {button.command}")
            continue
        row = len(view.children) // BUTTONS_PER_ROW
        view.add_item(CommandButton(custom_id, label=label, style=STYLES[button.style], row=row))
    # Routing is done by the CommandButton registration alone: a stopped view is never kept in
    # discord.py's per-message store, so sending many messages does not grow memory.
    view.stop()
    return (view if view.children else None), hints


def _mentions(reply: Reply) -> tuple[str, discord.AllowedMentions]:
    """Pings for the members the core names in ``reply.mentions`` — and for nobody else."""
    ids = [m for m in dict.fromkeys(reply.mentions) if m.isdigit()]
    if not ids:
        return "", NO_MENTIONS
    allowed = discord.AllowedMentions(
        everyone=False, roles=False, replied_user=False, users=[discord.Object(int(m)) for m in ids]
    )
    return " ".join(f"<@{m}>" for m in ids), allowed


def render(reply: Reply, *, button_guild_id: str | None = None) -> DiscordMessage:
    """The Discord message for ``reply``; ``button_guild_id`` is set for messages sent in DMs."""
    view, hints = _buttons(reply.buttons, button_guild_id)
    pings, allowed = _mentions(reply)
    text = reply.text.strip()
    if text and reply.is_error:
        text = ERROR_MARK + text
    text = f"{pings} {text}".strip() if pings else text
    lines = [text] if text else []
    lines += hints
    embeds = [_embed(plan) for plan in plan_embeds(reply.cards)]
    files = [discord.File(io.BytesIO(a.data), filename=a.filename) for a in reply.attachments]
    content = clip("\n".join(lines), CONTENT_LIMIT) or None
    if content is None and not embeds and not files:
        content = EMPTY_REPLY
    return DiscordMessage(
        content=content, embeds=embeds, view=view, private=is_private(reply), files=files,
        allowed_mentions=allowed,
    )
