"""Modals (forms) as data; a submitted form becomes the same command line as the slash command.

A modal's custom_id names its kind (and its server, for forms opened from a DM), and every text
input is named after the slash-command option it fills, so a submission is handled without any
memory of the opened form — it still works if the bot restarted while the member was typing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import discord

from adapters.discord.spec import Form, ModalKind

MODAL_TIMEOUT_SECONDS = 30 * 60
TEXT_INPUT_LIMIT = 4000
_CUSTOM_ID = re.compile(r"mm-modal:(?P<kind>[a-z-]{1,40}):(?P<guild>\d{0,20})")


def modal_custom_id(kind: ModalKind, guild_id: str | None) -> str:
    """The custom_id of a modal of ``kind`` (``guild_id`` for forms opened outside a server)."""
    return f"mm-modal:{kind.value}:{guild_id or ''}"


def parse_modal_custom_id(custom_id: str) -> tuple[ModalKind, str | None] | None:
    """The kind and server of one of our modals, or None."""
    match = _CUSTOM_ID.fullmatch(custom_id)
    if match is None or match["kind"] not in {k.value for k in ModalKind}:
        return None
    return ModalKind(match["kind"]), match["guild"] or None


def build_modal(
    form: Form, guild_id: str | None = None, prefill: Mapping[str, str] | None = None
) -> discord.ui.Modal:
    """The discord.py modal for ``form``, stopped so discord.py keeps no per-form state."""
    modal = discord.ui.Modal(
        title=form.title[:45],
        custom_id=modal_custom_id(form.kind, guild_id),
        timeout=MODAL_TIMEOUT_SECONDS,
    )
    for item in form.fields:
        default = (prefill or {}).get(item.name) or None
        if default is not None and len(default) > item.max_length:
            default = None  # a cut-down prefill would lose text when submitted
        text_input: discord.ui.TextInput[Any] = discord.ui.TextInput(
            custom_id=item.name,
            style=discord.TextStyle.paragraph if item.long else discord.TextStyle.short,
            placeholder=item.placeholder[:100] or None,
            default=default,
            required=item.required,
            max_length=min(item.max_length, TEXT_INPUT_LIMIT),
        )
        modal.add_item(discord.ui.Label(text=item.label[:45], component=text_input))
    modal.stop()
    return modal


def submitted_values(data: Mapping[str, Any]) -> dict[str, str]:
    """Text-input values of a modal submission by custom_id (action-row or label layout)."""
    values: dict[str, str] = {}

    def walk(component: Any) -> None:
        if not isinstance(component, Mapping):
            return
        if component.get("type") == discord.ComponentType.text_input.value:
            custom_id, value = component.get("custom_id"), component.get("value")
            if isinstance(custom_id, str) and isinstance(value, str):
                values[custom_id] = value
        for child in component.get("components", ()) or ():
            walk(child)
        walk(component.get("component"))

    for top in data.get("components", ()) or ():
        walk(top)
    return values
