"""Block Kit rendering: layout, Slack's size limits, escaping and localized command names."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from adapters.slack.blocks import (
    MAX_ACTIONS,
    MAX_BLOCKS,
    MAX_FIELD_TEXT,
    MAX_FIELDS,
    MAX_HEADER,
    MAX_SECTION_TEXT,
    Renderer,
    date_token,
)
from adapters.slack.escaping import clip, escape, unescape
from adapters.slack.names import CommandNames
from bot.replies import Button, ButtonStyle, Card, Field, Reply


def test_cards_become_header_sections_fields_and_context() -> None:
    card = Card(
        title="Profile of ana",
        description="Backend",
        fields=(Field("Languages", "Go", inline=True), Field("Cloud", "AWS", inline=True),
                Field("Learning", "Rust"), Field("Timezone", "UTC", inline=True)),
        footer="✎ = added by you",
    )
    blocks = Renderer().render(Reply(cards=(card,))).blocks
    assert [b["type"] for b in blocks] == [
        "header", "section", "section", "section", "section", "context"]
    assert blocks[2]["fields"] == [{"type": "mrkdwn", "text": "*Languages*\nGo"},
                                   {"type": "mrkdwn", "text": "*Cloud*\nAWS"}]
    assert blocks[3]["text"]["text"] == "*Learning*\nRust"
    assert blocks[4]["fields"] == [{"type": "mrkdwn", "text": "*Timezone*\nUTC"}]
    assert blocks[5]["elements"][0]["text"] == "✎ = added by you"


def test_errors_are_marked_and_the_fallback_text_is_the_first_line_of_content() -> None:
    message = Renderer().render(Reply(text="Nope <here>", is_error=True))
    assert message.blocks[0]["text"]["text"] == ":warning: Nope &lt;here&gt;"
    assert message.text == "Nope &lt;here&gt;"
    assert Renderer().render(Reply(cards=(Card("Title"),))).text == "Title"


def test_slack_limits_are_respected_for_huge_replies() -> None:
    fields = tuple(Field(f"F{i}", "v" * 5000, inline=True) for i in range(23))
    buttons = tuple(Button(f"B{i}" * 50, f"/rsvp {i} going") for i in range(30))
    reply = Reply(
        text="x" * 7000,
        cards=(Card("T" * 400, fields=fields),),
        buttons=(*buttons, Button("too long", "/intro " + "y" * 2500)),
    )
    blocks = Renderer().render(reply).blocks
    sections = [b for b in blocks if b["type"] == "section"]
    assert all(len(b["text"]["text"]) <= MAX_SECTION_TEXT for b in sections if "text" in b)
    field_blocks = [b for b in sections if "fields" in b]
    assert [len(b["fields"]) for b in field_blocks] == [MAX_FIELDS, MAX_FIELDS, 3]
    assert all(len(f["text"]) <= MAX_FIELD_TEXT for b in field_blocks for f in b["fields"])
    assert len(blocks[3]["text"]["text"]) <= MAX_HEADER
    actions = [b for b in blocks if b["type"] == "actions"]
    assert [len(b["elements"]) for b in actions] == [MAX_ACTIONS, 5]
    elements = [e for b in actions for e in b["elements"]]
    assert len({e["action_id"] for e in elements}) == 30
    assert all(len(e["text"]["text"]) <= 75 for e in elements)
    assert "too long" not in json.dumps(blocks)
    assert len(blocks) <= MAX_BLOCKS


def test_more_than_fifty_blocks_are_cut_with_a_note() -> None:
    cards = tuple(Card(f"Meetup {i}", description="d") for i in range(40))
    blocks = Renderer().render(Reply(cards=cards)).blocks
    assert len(blocks) == MAX_BLOCKS
    assert "more was cut" in blocks[-1]["elements"][0]["text"]


def test_button_styles_map_to_slack_styles() -> None:
    buttons = (Button("Yes", "/a", ButtonStyle.PRIMARY), Button("No", "/b", ButtonStyle.DANGER),
               Button("Maybe", "/c"))
    elements = Renderer().render(Reply(buttons=buttons)).blocks[0]["elements"]
    assert [e.get("style") for e in elements] == ["primary", "danger", None]
    assert [e["value"] for e in elements] == ["/a", "/b", "/c"]


def test_long_text_is_split_into_sections_at_line_breaks() -> None:
    text = "\n".join(f"line {i} " + "z" * 90 for i in range(100))
    sections = Renderer().render(Reply(text=text)).blocks
    assert len(sections) > 1
    assert "\n".join(s["text"]["text"] for s in sections) == text


def test_command_names_are_localized_only_where_they_are_commands() -> None:
    names = CommandNames("/mm-", ["intro", "profile", "help"])
    text = "Try /intro or /profile edit; not Europe/Berlin, https://x.org/intro or /introduce."
    assert names.localize(text) == (
        "Try /mm-intro or /mm-profile edit; not Europe/Berlin, https://x.org/intro or /introduce.")
    assert CommandNames("/", ["intro"]).localize(text) == text
    assert names.core("/MM-Intro") == "intro"
    assert names.core("/intro") is None
    assert names.command_line("/mm-profile", "  edit add Go ") == "/profile edit add Go"
    assert names.command_line("/mm-help", "") == "/help"


@given(st.text())
def test_escaping_round_trips_and_leaves_no_angle_brackets(text: str) -> None:
    escaped = escape(text)
    assert "<" not in escaped
    assert ">" not in escaped
    assert unescape(escaped) == text


@given(st.text(alphabet="a&<>; ", max_size=60), st.integers(min_value=1, max_value=40))
def test_clipping_never_leaves_a_broken_entity(text: str, limit: int) -> None:
    clipped = clip(escape(text), limit)
    assert len(clipped) <= limit
    head = clipped.removesuffix("…")
    tail = head[head.rfind("&"):] if "&" in head else ""
    assert tail == "" or ";" in tail


def test_instants_render_as_slack_dates_in_each_readers_timezone() -> None:
    start = datetime(2026, 12, 3, 18, 30, tzinfo=UTC)
    card = Card("Rust night", fields=(Field("When", "Thu 3 Dec, 19:30 CET | <b>", when=start),))
    field = Renderer().render(Reply(cards=(card,))).blocks[1]["text"]["text"]
    assert field == (
        "*When*\n<!date^1796322600^{date_short_pretty} {time}|Thu 3 Dec, 19:30 CET ¦ &lt;b&gt;>")
    assert date_token(start, "") == (
        "<!date^1796322600^{date_short_pretty} {time}|2026-12-03 18:30 UTC>")


def test_only_explicit_member_ids_are_mentioned() -> None:
    reply = Reply(text="Your mentor request",
                  mentions=("U123ABC", "<!channel>", "U123ABC", "W9XY"))
    message = Renderer().render(reply)
    assert message.blocks[0]["text"]["text"] == "<@U123ABC> <@W9XY> Your mentor request"
    assert message.text == "<@U123ABC> <@W9XY> Your mentor request"
    assert Renderer().render(Reply(mentions=("U1AB",))).blocks[0]["text"]["text"] == "<@U1AB>"


def test_a_card_without_a_title_has_no_empty_header() -> None:
    blocks = Renderer().render(Reply(cards=(Card("  ", description="Just text"),))).blocks
    assert [b["type"] for b in blocks] == ["section"]
