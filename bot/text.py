"""Helpers for member text that the bot echoes back."""

from __future__ import annotations

import re

_ZWSP = "\u200b"
_MASS_MENTION = re.compile(r"@(?=(everyone|here|channel)\b)", re.IGNORECASE)
_DISCORD_MENTION = re.compile(r"<(?=[@#][!&]?\d+>)")
_SLACK_SPECIAL = re.compile(r"<(?=[!@#])")


def neutralize_mentions(text: str) -> str:
    """Defuse @everyone/@here and platform mention syntax so echoed text cannot ping anyone."""
    text = _MASS_MENTION.sub("@" + _ZWSP, text)
    text = _DISCORD_MENTION.sub("<" + _ZWSP, text)
    return _SLACK_SPECIAL.sub("<" + _ZWSP, text)


def shorten(text: str, limit: int) -> str:
    """Cut text to at most ``limit`` characters, marking the cut with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)].rstrip() + "…"
