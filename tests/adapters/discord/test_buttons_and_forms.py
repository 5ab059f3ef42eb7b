"""Buttons (persistent across restarts, also in DMs) and forms (modals), through the real client."""

from typing import Any

from bot.domain.community import Platform
from bot.outbox import Outgoing, Recipient, SendStatus
from bot.replies import Button, Reply
from tests.adapters.discord.conftest import ALICE, Bot
from tests.adapters.discord.fake_discord import payloads
from tests.adapters.discord.fake_discord.payloads import button_click, modal_submit, option, slash
from tests.adapters.discord.fake_discord.server import FakeDiscord

INTRO = "Backend engineer, 8 years of Python and Postgres, learning Rust"


def shown(callback: dict[str, Any]) -> dict[str, Any]:
    """The message a member sees after the callback (to click its buttons)."""
    return payloads.message(payloads.GENERAL_ID, callback["data"])


def custom_ids(callback: dict[str, Any]) -> list[str]:
    return [b["custom_id"] for row in callback["data"].get("components", [])
            for b in row["components"]]


async def test_button_runs_its_command_line(bot: Bot, fake: FakeDiscord) -> None:
    await fake.interact(slash("intro", [option("text", INTRO)], ALICE))
    asked = await fake.interact(slash("forget", [], ALICE))
    body = await fake.interact(button_click("mm::/forget confirm", shown(asked), ALICE))
    assert body == {"type": 4, "data": {
        "tts": False, "embeds": [], "flags": 64, "allowed_mentions": {"parse": []},
        "content": "Done: everything about you in this community has been deleted. Bye for now!",
    }}


async def test_buttons_on_old_messages_work_after_a_restart(bot: Bot, fake: FakeDiscord) -> None:
    saved = await fake.interact(slash("intro", [option("text", INTRO)], ALICE))
    assert custom_ids(saved) == ["mm::/intro ok", "mm::/profile edit"]
    await bot.restart()
    body = await fake.interact(button_click("mm::/intro ok", shown(saved), ALICE))
    assert body["data"]["content"] == (
        "Great, thanks! Your profile is ready for mentor matching and meetups."
    )
    assert body["data"]["flags"] == 64


async def test_unknown_command_on_a_button_is_a_friendly_error(bot: Bot, fake: FakeDiscord) -> None:
    message = payloads.message(payloads.GENERAL_ID, {"components": [{"type": 1, "components": [
        {"type": 2, "style": 2, "label": "?", "custom_id": "mm::/nope 1"}]}]})
    body = await fake.interact(button_click("mm::/nope 1", message, ALICE))
    assert body["data"]["content"] == (
        "⚠️ I don't know the command /nope. Type /help to see what I can do."
    )
    assert body["data"]["flags"] == 64


EDIT_FORM = {"type": 9, "data": {
    "custom_id": "mm-modal:profile-edit:",
    "title": "Edit your profile",
    "components": [
        {"type": 18, "label": label, "component": {
            "type": 4, "custom_id": name, "style": 1, "label": None, "placeholder": placeholder,
            "required": False, "max_length": length}}
        for name, label, placeholder, length in [
            ("add", "Skills you know", "Rust, Go", 200),
            ("learn", "Skills you are learning", "Elixir", 200),
            ("remove", "Skills to drop", "Java", 200),
            ("timezone", "Your timezone", "Europe/Berlin", 64),
            ("capacity", "Mentees at once (0-10)", "2", 2),
        ]
    ],
}}


async def test_edit_button_opens_the_form_and_its_submission_edits(
    bot: Bot, fake: FakeDiscord
) -> None:
    saved = await fake.interact(slash("intro", [option("text", INTRO)], ALICE))
    form = await fake.interact(button_click("mm::/profile edit", shown(saved), ALICE))
    assert form == EDIT_FORM
    body = await fake.interact(modal_submit(
        "mm-modal:profile-edit:",
        {"add": "Go", "learn": "", "remove": "Rust", "timezone": "europe/berlin", "capacity": ""},
        ALICE,
    ))
    assert body["data"]["content"] == "Saved your changes."
    fields = {f["name"]: f["value"] for f in body["data"]["embeds"][0]["fields"]}
    assert fields["Timezone"] == "Europe/Berlin"
    assert "Go ✎" in fields["Languages"]
    assert "Rust" not in fields["Learning"]


async def test_empty_edit_form_explains_the_steps(bot: Bot, fake: FakeDiscord) -> None:
    form = await fake.interact(slash("profile", [payloads.subcommand("edit", [])], ALICE))
    assert form == EDIT_FORM
    body = await fake.interact(modal_submit("mm-modal:profile-edit:", {"add": " "}, ALICE))
    assert body["data"]["content"].startswith("⚠️ Edit your profile with one or more steps")


async def test_intro_form_is_prefilled_and_survives_a_restart(bot: Bot, fake: FakeDiscord) -> None:
    first = await fake.interact(slash("intro", [], ALICE))
    assert first["type"] == 9
    text_input = first["data"]["components"][0]["component"]
    assert first["data"]["custom_id"] == "mm-modal:intro:"
    assert "value" not in text_input
    assert text_input["style"] == 2
    await bot.restart()  # the member is still typing when the bot restarts
    body = await fake.interact(modal_submit("mm-modal:intro:", {"text": INTRO}, ALICE))
    assert body["data"]["content"] == (
        "Saved your profile. Here is what I read — does it look right?"
    )
    again = await fake.interact(slash("intro", [], ALICE))
    assert again["data"]["components"][0]["component"]["value"] == INTRO


async def test_buttons_in_dms_carry_their_server(bot: Bot, fake: FakeDiscord) -> None:
    await fake.interact(slash("intro", [option("text", INTRO)], ALICE))
    alice_id = ALICE["user"]["id"]
    result = await bot.messenger.send(Outgoing(
        Recipient(Platform.DISCORD, payloads.GUILD_ID, member_external_id=alice_id),
        Reply(text="Bob would like you as a mentor.",
              buttons=(Button("Show my profile", "/profile"),)),
    ))
    assert result.status is SendStatus.SENT
    channel = fake.dm_channel_of(alice_id)
    assert channel is not None
    [dm] = fake.messages[channel]
    assert [b["custom_id"] for b in dm["components"][0]["components"]] == [
        f"mm:{payloads.GUILD_ID}:/profile"
    ]
    click = button_click(f"mm:{payloads.GUILD_ID}:/profile", dm, dm_user=ALICE["user"])
    body = await fake.interact(click)
    assert body["data"]["embeds"][0]["title"] == "Profile of alice"


async def test_dm_button_without_a_server_is_refused_kindly(bot: Bot, fake: FakeDiscord) -> None:
    message = payloads.message("830000000000000001", {"components": [{"type": 1, "components": [
        {"type": 2, "style": 2, "label": "Profile", "custom_id": "mm::/profile"}]}]})
    body = await fake.interact(button_click("mm::/profile", message, dm_user=ALICE["user"]))
    assert body["data"]["content"] == (
        "⚠️ I work inside a server: use my commands in one of its channels."
    )
