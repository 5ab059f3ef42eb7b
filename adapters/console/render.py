"""Renders neutral replies as terminal lines, each prefixed with its destination."""

from __future__ import annotations

from bot.replies import Attachment, Card, Reply, Visibility

PUBLIC_CHANNEL = "general"


def destination(reply: Reply, member: str) -> str:
    """The line prefix: ``[to <member>]`` for private replies, ``[#channel]`` for public ones."""
    if reply.visibility is Visibility.PUBLIC:
        return f"[#{PUBLIC_CHANNEL}]"
    return f"[to {member}]"


def _card_lines(card: Card) -> list[str]:
    lines = [f"┏ {card.title}"]
    if card.description:
        lines += [f"┃ {line}" for line in card.description.splitlines()]
    for field in card.fields:
        values = field.value.splitlines() or [""]
        lines.append(f"┃ {field.name}: {values[0]}")
        lines += [f"┃   {v}" for v in values[1:]]
    lines.append(f"┗ {card.footer}" if card.footer else "┗")
    return lines


def render_lines(reply: Reply, prefix: str) -> list[str]:
    """All output lines of one reply, each starting with ``prefix``."""
    body: list[str] = []
    if reply.text:
        first, *rest = reply.text.splitlines() or [""]
        body.append(("⚠ " if reply.is_error else "") + first)
        body += rest
    for card in reply.cards:
        body += _card_lines(card)
    if reply.buttons:
        body.append("  ".join(f"[{b.label} → {b.command}]" for b in reply.buttons))
    for attachment in reply.attachments:
        body += _attachment_lines(attachment)
    return [f"{prefix} {line}".rstrip() for line in body]


def _attachment_lines(attachment: Attachment) -> list[str]:
    """A file attached to a reply: its name and size, then its content when it is text."""
    lines = [f"📎 {attachment.filename} ({attachment.content_type}, {len(attachment.data)} bytes)"]
    if attachment.content_type.startswith("text/"):
        lines += attachment.data.decode("utf-8", errors="replace").splitlines()
    return lines


def render(reply: Reply, member: str) -> list[str]:
    """All output lines for a reply to ``member``'s command."""
    return render_lines(reply, destination(reply, member))
