"""Terminal rendering of neutral replies."""

from adapters.console.render import render
from bot.replies import Button, Card, Field, Reply, Visibility


def test_every_line_is_prefixed_with_its_destination() -> None:
    reply = Reply(
        text="Saved.\nSecond line",
        cards=(Card("Profile of bob", fields=(Field("Languages", "Go\nRust"),), footer="note"),),
        buttons=(Button("Looks right", "/intro ok"),),
    )
    lines = render(reply, "bob")
    assert lines == [
        "[to bob] Saved.",
        "[to bob] Second line",
        "[to bob] ┏ Profile of bob",
        "[to bob] ┃ Languages: Go",
        "[to bob] ┃   Rust",
        "[to bob] ┗ note",
        "[to bob] [Looks right → /intro ok]",
    ]


def test_public_replies_go_to_the_channel_and_errors_are_marked() -> None:
    assert render(Reply(text="Meetup!", visibility=Visibility.PUBLIC), "bob") == [
        "[#general] Meetup!"
    ]
    assert render(Reply(text="Oops", is_error=True), "bob") == ["[to bob] ⚠ Oops"]
