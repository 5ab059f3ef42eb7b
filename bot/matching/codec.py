"""Replies as JSON objects, so queued notices survive a restart (attachments are not stored)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.replies import Button, ButtonStyle, Card, Field, Reply, Visibility


def _field(field: Field) -> list[Any]:
    when = None if field.when is None else field.when.isoformat()
    return [field.name, field.value, field.inline, when]


def reply_to_json(reply: Reply) -> dict[str, Any]:
    """A JSON-ready dict of the reply; a reply with attachments cannot be queued."""
    if reply.attachments:
        raise ValueError("notices with attachments cannot be stored")
    return {
        "text": reply.text,
        "visibility": reply.visibility.value,
        "is_error": reply.is_error,
        "cards": [
            {
                "title": card.title,
                "description": card.description,
                "footer": card.footer,
                "fields": [_field(f) for f in card.fields],
            }
            for card in reply.cards
        ],
        "buttons": [[b.label, b.command, b.style.value] for b in reply.buttons],
        "mentions": list(reply.mentions),
    }


def reply_from_json(data: dict[str, Any]) -> Reply:
    """The reply stored by ``reply_to_json``; raises ValueError for anything else."""
    try:
        return Reply(
            text=str(data["text"]),
            visibility=Visibility(data["visibility"]),
            is_error=bool(data["is_error"]),
            cards=tuple(
                Card(
                    title=str(card["title"]),
                    description=str(card["description"]),
                    footer=str(card["footer"]),
                    fields=tuple(
                        Field(str(n), str(v), bool(i),
                              None if w is None else datetime.fromisoformat(w))
                        for n, v, i, w in card["fields"]
                    ),
                )
                for card in data["cards"]
            ),
            buttons=tuple(
                Button(str(label), str(command), ButtonStyle(style))
                for label, command, style in data["buttons"]
            ),
            mentions=tuple(str(m) for m in data.get("mentions", ())),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"not a stored reply: {exc}") from exc
