"""Meetups through Discord: organizer checks, the create form, public announcements, RSVP buttons,
calendar files and meetup autocomplete — all real core commands."""

from typing import Any

from tests.adapters.discord.conftest import ALICE, BOB, Bot
from tests.adapters.discord.fake_discord import payloads
from tests.adapters.discord.fake_discord.payloads import (
    MANAGE_EVENTS,
    MEMBER_PERMISSIONS,
    button_click,
    modal_submit,
    option,
    slash,
    subcommand,
)
from tests.adapters.discord.fake_discord.server import FakeDiscord

ORGANIZER = payloads.member("600000000000000007", "olga", permissions=MEMBER_PERMISSIONS
                            | MANAGE_EVENTS)


def buttons(callback: dict[str, Any]) -> dict[str, str]:
    return {b["label"]: b["custom_id"] for row in callback["data"].get("components", [])
            for b in row["components"]}


def shown(callback: dict[str, Any]) -> dict[str, Any]:
    return payloads.message(payloads.GENERAL_ID, callback["data"])


async def create(fake: FakeDiscord, who: dict[str, Any]) -> dict[str, Any]:
    form = await fake.interact(slash("meetup", [subcommand("create", [])], who))
    assert form["type"] == 9
    assert form["data"]["custom_id"] == "mm-modal:meetup-create:"
    return await fake.interact(modal_submit("mm-modal:meetup-create:", {
        "title": 'Rust "night"', "when": "2026-12-03 18:30", "duration": "2h",
        "where": "Café Central", "description": "Bring a laptop",
    }, who))


async def test_only_organizers_create_meetups(bot: Bot, fake: FakeDiscord) -> None:
    refused = await create(fake, ALICE)
    assert refused["data"]["flags"] == 64
    assert refused["data"]["content"].startswith("⚠️ ")
    preview = await create(fake, ORGANIZER)
    assert preview["data"]["flags"] == 64
    assert not preview["data"]["content"] or not preview["data"]["content"].startswith("⚠️")
    confirm = buttons(preview)["Confirm"]
    assert confirm.startswith("mm::/meetup confirm ")
    confirmed = await fake.interact(button_click(confirm, shown(preview), ORGANIZER))
    assert confirmed["data"]["flags"] == 64
    meetup_id = confirm.rsplit(" ", 1)[1]
    [announcement] = fake.messages[payloads.MEETUPS_ID]  # posted in #meetups for everyone
    [post] = fake.calls_to("POST", f"/channels/{payloads.MEETUPS_ID}/messages")
    assert post.body["allowed_mentions"] == {"parse": []}
    assert "flags" not in post.body
    going_id = f"mm::/rsvp {meetup_id} going"
    assert going_id in [b["custom_id"] for row in announcement["components"]
                        for b in row["components"]]

    going = await fake.interact(button_click(going_id, announcement, BOB))
    assert going["data"]["flags"] == 64
    assert not going["data"]["content"].startswith("⚠️")

    typing = subcommand("info", [option("meetup", "rust", focused=True)])
    suggested = await fake.interact(payloads.autocomplete("meetup", [typing], BOB))
    [choice] = suggested["data"]["choices"]
    assert choice["value"] == meetup_id
    assert choice["name"].startswith(f'#{meetup_id} Rust "night" · Thu 03 Dec 18:30 UTC')

    ics = await fake.interact(slash("meetup", [subcommand("ics", [option("meetup", meetup_id)])],
                                    BOB))
    [upload] = ics["files"]  # sent as multipart: payload_json and the file
    assert ics["data"]["attachments"] == [{"id": 0, "filename": upload["filename"]}]
    assert upload["filename"] == f"meetup-{meetup_id}-rust-night.ics"
    assert b"DTSTART:20261203T183000Z" in upload["data"]
