"""Slack's text escaping: member text in, mrkdwn out, so echoed text never pings anyone."""

from __future__ import annotations


def escape(text: str) -> str:
    """Escape ``&``, ``<`` and ``>`` so ``<!channel>`` or ``<@U1>`` is shown, not acted on."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str) -> str:
    """Undo the escaping Slack applies to text it sends (slash-command text), ``&amp;`` last."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def clip(text: str, limit: int) -> str:
    """At most ``limit`` characters, an ellipsis marking a cut; never splits an ``&…;`` entity."""
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 0)]
    amp = cut.rfind("&")
    if amp != -1 and ";" not in cut[amp:]:
        cut = cut[:amp]
    return cut.rstrip() + "…"
