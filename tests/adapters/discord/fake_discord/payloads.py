"""JSON objects as Discord's API sends them (users, guilds, members, messages, interactions)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import Any

APPLICATION_ID = "900000000000000001"
BOT_ID = APPLICATION_ID
GUILD_ID = "800000000000000001"
GENERAL_ID = "810000000000000001"
MEETUPS_ID = "810000000000000002"
ORGANIZER_ROLE_ID = "820000000000000001"
TOKEN = "fake-bot-token"
MANAGE_EVENTS = 1 << 33
MEMBER_PERMISSIONS = (1 << 10) | (1 << 11) | (1 << 31)  # view channel, send messages, use commands

_snowflakes = itertools.count(1_000_000_000_000_000_000)
NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC).isoformat()


def snowflake() -> str:
    """A fresh, unique id."""
    return str(next(_snowflakes))


def user(
    user_id: str, name: str, *, bot: bool = False, global_name: str | None = None
) -> dict[str, Any]:
    """A user object."""
    return {
        "id": user_id,
        "username": name,
        "discriminator": "0",
        "global_name": global_name,
        "avatar": None,
        "bot": bot,
        "public_flags": 0,
    }


BOT_USER = user(BOT_ID, "mentormeet", bot=True)


def application() -> dict[str, Any]:
    """GET /oauth2/applications/@me."""
    return {
        "id": APPLICATION_ID,
        "name": "mentormeet",
        "icon": None,
        "description": "",
        "bot_public": True,
        "bot_require_code_grant": False,
        "verify_key": "0" * 64,
        "flags": 0,
        "owner": user("700000000000000001", "owner"),
        "team": None,
        "summary": "",
        "interactions_endpoint_url": None,
    }


def role(role_id: str, name: str, position: int, permissions: int = 0) -> dict[str, Any]:
    """A role object."""
    return {
        "id": role_id, "name": name, "color": 0, "hoist": False, "position": position,
        "permissions": str(permissions), "managed": False, "mentionable": False, "flags": 0,
    }


def text_channel(channel_id: str, name: str, position: int) -> dict[str, Any]:
    """A guild text channel."""
    return {
        "id": channel_id, "type": 0, "guild_id": GUILD_ID, "name": name, "position": position,
        "permission_overwrites": [], "nsfw": False, "parent_id": None, "topic": None,
        "last_message_id": None, "rate_limit_per_user": 0,
    }


def guild() -> dict[str, Any]:
    """The GUILD_CREATE payload of the test server."""
    return {
        "id": GUILD_ID, "name": "Rust & Coffee", "icon": None, "owner_id": "700000000000000001",
        "unavailable": False, "large": False, "member_count": 3, "joined_at": NOW,
        "roles": [
            role(GUILD_ID, "@everyone", 0, MEMBER_PERMISSIONS),
            role(ORGANIZER_ROLE_ID, "Organizers", 1),
        ],
        "channels": [
            text_channel(GENERAL_ID, "general", 0), text_channel(MEETUPS_ID, "meetups", 1)
        ],
        "members": [], "voice_states": [], "presences": [], "threads": [], "emojis": [],
        "stickers": [], "features": [], "stage_instances": [], "guild_scheduled_events": [],
        "soundboard_sounds": [], "premium_tier": 0, "preferred_locale": "en-US",
        "afk_timeout": 300, "verification_level": 0, "default_message_notifications": 0,
        "explicit_content_filter": 0, "mfa_level": 0, "nsfw_level": 0, "system_channel_id": None,
    }


def member(
    user_id: str, name: str, *, nick: str | None = None, roles: tuple[str, ...] = (),
    permissions: int = MEMBER_PERMISSIONS,
) -> dict[str, Any]:
    """A guild member as an interaction carries it (with resolved channel permissions)."""
    return {
        "user": user(user_id, name), "nick": nick, "roles": list(roles), "joined_at": NOW,
        "deaf": False, "mute": False, "flags": 0, "pending": False,
        "permissions": str(permissions), "avatar": None, "communication_disabled_until": None,
    }


def message(
    channel_id: str, body: dict[str, Any], *, message_id: str | None = None,
    author: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A message object built from what the bot sent."""
    return {
        "id": message_id or snowflake(), "channel_id": channel_id, "type": 0,
        "author": author or BOT_USER, "content": body.get("content") or "",
        "timestamp": NOW, "edited_timestamp": None, "tts": False, "mention_everyone": False,
        "mentions": [], "mention_roles": [], "attachments": [], "pinned": False,
        "embeds": body.get("embeds") or [], "components": body.get("components") or [],
        "flags": body.get("flags") or 0, "nonce": body.get("nonce"),
    }


def _interaction(kind: int, data: dict[str, Any], who: dict[str, Any] | None,
                 in_guild: bool, dm_user: dict[str, Any] | None) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "id": snowflake(), "application_id": APPLICATION_ID, "type": kind, "data": data,
        "token": f"itoken-{snowflake()}", "version": 1, "locale": "en-US",
        "app_permissions": str(MEMBER_PERMISSIONS), "entitlements": [],
        "authorizing_integration_owners": {"0": GUILD_ID}, "attachment_size_limit": 8 << 20,
    }
    if in_guild:
        payload |= {
            "guild_id": GUILD_ID, "guild_locale": "en-US", "context": 0,
            "channel_id": GENERAL_ID, "channel": text_channel(GENERAL_ID, "general", 0),
            "member": who,
        }
    else:
        dm_channel = {"id": "830000000000000001", "type": 1, "recipients": [dm_user]}
        payload |= {"channel_id": dm_channel["id"], "channel": dm_channel, "user": dm_user,
                    "context": 1}
    return payload


def slash(name: str, options: list[dict[str, Any]], who: dict[str, Any]) -> dict[str, Any]:
    """INTERACTION_CREATE for /name with options (sub-commands are options of type 1)."""
    data = {"id": snowflake(), "name": name, "type": 1, "options": options, "guild_id": GUILD_ID}
    return _interaction(2, data, who, True, None)


def option(name: str, value: object, kind: int = 3, focused: bool = False) -> dict[str, Any]:
    """A command option (3 string, 4 integer, 5 boolean)."""
    found: dict[str, Any] = {"name": name, "type": kind, "value": value}
    if focused:
        found["focused"] = True
    return found


def subcommand(name: str, options: list[dict[str, Any]]) -> dict[str, Any]:
    """A sub-command option."""
    return {"name": name, "type": 1, "options": options}


def autocomplete(name: str, options: list[dict[str, Any]], who: dict[str, Any]) -> dict[str, Any]:
    """INTERACTION_CREATE of type 4 (autocomplete) while a member types an option."""
    data = {"id": snowflake(), "name": name, "type": 1, "options": options, "guild_id": GUILD_ID}
    return _interaction(4, data, who, True, None)


def button_click(
    custom_id: str, on_message: dict[str, Any], who: dict[str, Any] | None = None,
    dm_user: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """INTERACTION_CREATE for a click on a button of ``on_message`` (in a DM when ``dm_user``)."""
    data = {"custom_id": custom_id, "component_type": 2}
    payload = _interaction(3, data, who, dm_user is None, dm_user)
    payload["message"] = on_message
    return payload


def modal_submit(
    custom_id: str, values: dict[str, str], who: dict[str, Any] | None = None,
    dm_user: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """INTERACTION_CREATE for a submitted modal (label layout, as Discord sends it today; in a DM
    when ``dm_user``)."""
    components = [
        {"type": 18, "id": i + 1,
         "component": {"type": 4, "id": i + 100, "custom_id": key, "value": value}}
        for i, (key, value) in enumerate(values.items())
    ]
    data = {"custom_id": custom_id, "components": components}
    return _interaction(5, data, who, dm_user is None, dm_user)
