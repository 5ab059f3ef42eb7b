"""Discord timestamps: an instant every reader sees in their own timezone and language."""

from __future__ import annotations

from datetime import datetime

from bot.replies import Field


def timestamp(when: datetime, style: str = "F") -> str:
    """``<t:UNIX:STYLE>``; F is the full date and time, R is relative ("in 2 hours")."""
    if when.tzinfo is None:
        raise ValueError("a Discord timestamp needs a timezone-aware datetime")
    return f"<t:{int(when.timestamp())}:{style}>"


def field_text(item: Field) -> str:
    """A field's value for Discord: its instant as full + relative timestamps, when it has one."""
    if item.when is None:
        return item.value
    return f"{timestamp(item.when, 'F')} ({timestamp(item.when, 'R')})"
