"""Queued notices keep their reply exactly."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from bot.matching.codec import reply_from_json, reply_to_json
from bot.replies import Attachment, Button, ButtonStyle, Card, Field, Reply, Visibility


def test_round_trip_through_json() -> None:
    reply = Reply(
        text="hi 👋 <@123>",
        cards=(Card("T", "d", (Field("a", "b", True, datetime(2026, 1, 1, tzinfo=UTC)),
                               Field("c", "d")), "f"),),
        buttons=(Button("Accept", "/match accept 1", ButtonStyle.PRIMARY),),
        visibility=Visibility.PUBLIC,
        is_error=True,
        mentions=("u1",),
    )
    assert reply_from_json(json.loads(json.dumps(reply_to_json(reply)))) == reply


def test_attachments_and_garbage_are_refused() -> None:
    with pytest.raises(ValueError, match="attachments"):
        reply_to_json(Reply(attachments=(Attachment("a.ics", "text/calendar", b"x"),)))
    with pytest.raises(ValueError, match="not a stored reply"):
        reply_from_json({"text": "x"})
