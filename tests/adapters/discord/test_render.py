"""Replies as Discord messages: error marks, buttons that cannot be buttons, empty replies."""

from adapters.discord.limits import CONTENT_LIMIT
from adapters.discord.render import EMPTY_REPLY, render
from bot.replies import Button, ButtonStyle, Reply, Visibility, error


def custom_ids(reply: Reply, guild: str | None = None) -> list[str]:
    view = render(reply, button_guild_id=guild).view
    return [] if view is None else [getattr(item, "custom_id", "") for item in view.children]


async def test_errors_are_marked_and_always_private() -> None:
    message = render(Reply(text="No.", is_error=True, visibility=Visibility.PUBLIC))
    assert (message.content, message.private) == ("⚠️ No.", True)
    assert render(error("x")).private
    assert not render(Reply(text="hi", visibility=Visibility.PUBLIC)).private


async def test_buttons_become_persistent_custom_ids() -> None:
    reply = Reply(text="?", buttons=(Button("Go", "/rsvp 3 going", ButtonStyle.PRIMARY),))
    assert custom_ids(reply) == ["mm::/rsvp 3 going"]
    assert custom_ids(reply, "800") == ["mm:800:/rsvp 3 going"]
    view = render(reply).view
    assert view is not None
    assert view.is_finished()


async def test_buttons_that_cannot_fit_become_hints() -> None:
    long_line = "/meetup info " + "x" * 120
    reply = Reply(text="Pick one", buttons=(Button("Details", long_line),))
    message = render(reply)
    assert message.view is None
    assert message.content == f"Pick one\nDetails: {long_line}"


async def test_at_most_25_buttons_in_5_rows() -> None:
    buttons = tuple(Button(f"b{i}", f"/rsvp {i} going") for i in range(27))
    reply = Reply(text="many", buttons=buttons)
    message = render(reply)
    assert message.view is not None
    assert len(message.view.children) == 25
    assert message.content == "many\nb25: /rsvp 25 going\nb26: /rsvp 26 going"
    assert {item.row for item in message.view.children} == {0, 1, 2, 3, 4}


async def test_long_text_is_cut_and_empty_replies_say_done() -> None:
    content = render(Reply(text="y" * 5000)).content
    assert content is not None
    assert len(content) == CONTENT_LIMIT
    assert content.endswith("…")
    assert render(Reply()).content == EMPTY_REPLY
