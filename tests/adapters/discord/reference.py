"""The expected Discord JSON for a core reply, written out independently of the adapter."""

from __future__ import annotations

from typing import Any

from bot.replies import ButtonStyle, Reply

STYLE = {ButtonStyle.PRIMARY: 1, ButtonStyle.SECONDARY: 2, ButtonStyle.DANGER: 4}


def message_json(reply: Reply, *, ephemeral: bool, guild: str = "") -> dict[str, Any]:
    """The message part of an interaction callback for a reply that needs no shortening."""
    embeds = []
    for card in reply.cards:
        embed: dict[str, Any] = {"type": "rich", "flags": 0, "title": card.title}
        if card.description:
            embed["description"] = card.description
        embed["fields"] = [
            {"name": f.name, "value": f.value, "inline": f.inline} for f in card.fields
        ]
        if card.footer:
            embed["footer"] = {"text": card.footer}
        embeds.append(embed)
    data: dict[str, Any] = {
        "tts": False,
        "content": reply.text or None,
        "embeds": embeds,
        "allowed_mentions": {"parse": []},
    }
    if ephemeral:
        data["flags"] = 64  # public messages carry no flags at all
    if reply.buttons:
        data["components"] = [{"type": 1, "components": [
            {"type": 2, "style": STYLE[b.style], "disabled": False, "label": b.label,
             "custom_id": f"mm:{guild}:{b.command}"}
            for b in reply.buttons
        ]}]
    return data
