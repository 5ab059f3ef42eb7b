"""Renders neutral replies as Block Kit: header, sections with fields, context and actions."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from adapters.slack.escaping import clip, escape
from adapters.slack.names import CommandNames
from bot.replies import Button, ButtonStyle, Card, Field, Reply

log = logging.getLogger(__name__)

# Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks)
MAX_BLOCKS = 50
MAX_SECTION_TEXT = 3000
MAX_FIELD_TEXT = 2000
MAX_FIELDS = 10
MAX_HEADER = 150
MAX_CONTEXT_TEXT = 2000
MAX_ACTIONS = 25
MAX_BUTTON_LABEL = 75
MAX_BUTTON_VALUE = 2000
MAX_FALLBACK_TEXT = 3000

BUTTON_ACTION_PREFIX = "mm_run_"
"""Buttons' action_id is this plus its position; the value is the command line it stands for."""

Block = dict[str, Any]
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")


@dataclass(frozen=True, slots=True)
class SlackMessage:
    """A message body for chat.postMessage, chat.postEphemeral or a response_url."""

    text: str
    blocks: list[Block]


class Renderer:
    """Turns core replies into Slack messages; command names use the workspace's prefix."""

    def __init__(self, names: CommandNames | None = None) -> None:
        self._names = names or CommandNames()

    def mrkdwn(self, text: str) -> str:
        """Core text as safe mrkdwn: command names localized, then escaped."""
        return escape(self._names.localize(text))

    def render(self, reply: Reply) -> SlackMessage:
        """The whole reply as blocks plus a plain fallback text for notifications."""
        blocks: list[Block] = []
        mentions = _mentions(reply.mentions)
        if reply.text or mentions:
            warning = ":warning: " if reply.is_error else ""
            text = " ".join(filter(None, (mentions, warning + self.mrkdwn(reply.text))))
            blocks += [_section(chunk) for chunk in _chunks(text, MAX_SECTION_TEXT)]
        for card in reply.cards:
            blocks += self._card(card)
        blocks += self._actions(reply.buttons)
        if len(blocks) > MAX_BLOCKS:
            log.warning("reply of %d blocks cut to Slack's %d", len(blocks), MAX_BLOCKS)
            blocks = [*blocks[: MAX_BLOCKS - 1], _context("…(more was cut: message too long)")]
        return SlackMessage(text=self._fallback(reply), blocks=blocks)

    def _fallback(self, reply: Reply) -> str:
        first = reply.text or next((card.title for card in reply.cards), "")
        mentions = _mentions(reply.mentions)
        text = " ".join(filter(None, (mentions, self.mrkdwn(first))))
        return clip(text, MAX_FALLBACK_TEXT)

    def _card(self, card: Card) -> list[Block]:
        blocks: list[Block] = []
        if card.title.strip():
            blocks.append({"type": "header", "text": _plain(clip(card.title, MAX_HEADER))})
        if card.description:
            blocks += [
                _section(c) for c in _chunks(self.mrkdwn(card.description), MAX_SECTION_TEXT)
            ]
        inline: list[Field] = []
        for field in card.fields:
            if field.inline:
                inline.append(field)
                continue
            blocks += self._field_sections(inline)
            inline = []
            blocks.append(_section(clip(self._field_text(field), MAX_SECTION_TEXT)))
        blocks += self._field_sections(inline)
        if card.footer:
            blocks.append(_context(clip(self.mrkdwn(card.footer), MAX_CONTEXT_TEXT)))
        return blocks

    def _field_text(self, field: Field) -> str:
        value = self.mrkdwn(field.value)
        if field.when is not None:
            value = date_token(field.when, value)
        return f"*{self.mrkdwn(field.name)}*\n{value}"

    def _field_sections(self, fields: list[Field]) -> list[Block]:
        texts = [
            {"type": "mrkdwn", "text": clip(self._field_text(f), MAX_FIELD_TEXT)} for f in fields
        ]
        return [
            {"type": "section", "fields": texts[i : i + MAX_FIELDS]}
            for i in range(0, len(texts), MAX_FIELDS)
        ]

    def _actions(self, buttons: tuple[Button, ...]) -> list[Block]:
        elements = []
        for index, button in enumerate(buttons):
            if len(button.command) > MAX_BUTTON_VALUE:
                log.warning("button %r dropped: its command is over %d characters",
                            button.label, MAX_BUTTON_VALUE)
                continue
            elements.append(_button(button, index))
        return [
            {"type": "actions", "elements": elements[i : i + MAX_ACTIONS]}
            for i in range(0, len(elements), MAX_ACTIONS)
        ]


def date_token(when: datetime, fallback: str) -> str:
    """Slack shows the instant in each reader's own timezone; ``fallback`` (mrkdwn) elsewhere."""
    if when.tzinfo is None:
        raise ValueError("a naive datetime has no instant to show")
    shown = fallback.replace("|", "¦") or when.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"<!date^{int(when.timestamp())}^{{date_short_pretty}} {{time}}|{shown}>"


def _mentions(member_ids: tuple[str, ...]) -> str:
    """Pings for the members the core names explicitly; anything not a Slack user id is dropped."""
    valid = [m for m in member_ids if _USER_ID.match(m)]
    if len(valid) != len(member_ids):
        log.warning("dropped %d mention(s): not Slack user ids", len(member_ids) - len(valid))
    return " ".join(f"<@{m}>" for m in dict.fromkeys(valid))


def _plain(text: str) -> dict[str, Any]:
    # plain_text is shown literally (Slack parses no mentions in it), so it is not escaped
    return {"type": "plain_text", "text": text, "emoji": True}


def _section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}


def _button(button: Button, index: int) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "button",
        "text": _plain(clip(button.label, MAX_BUTTON_LABEL)),
        "action_id": f"{BUTTON_ACTION_PREFIX}{index}",
        "value": button.command,
    }
    if button.style is not ButtonStyle.SECONDARY:
        element["style"] = button.style.value  # "primary" or "danger"
    return element


def _chunks(text: str, limit: int) -> list[str]:
    """Split at line breaks into pieces of at most ``limit`` characters (long lines are cut)."""
    pieces: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            head = _head(line, limit)
            if current:
                pieces.append(current)
                current = ""
            pieces.append(head)
            line = line[len(head):]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            pieces.append(current)
            candidate = line
        current = candidate
    pieces.append(current)
    return [piece for piece in pieces if piece.strip()] or [text[:limit] or " "]


def _head(line: str, limit: int) -> str:
    """The first at most ``limit`` characters, not ending inside an ``&…;`` entity."""
    head = line[:limit]
    amp = head.rfind("&")
    if amp > 0 and ";" not in head[amp:]:
        head = head[:amp]
    return head
