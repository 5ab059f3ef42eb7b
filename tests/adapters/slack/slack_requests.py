"""What Slack POSTs to the bot: signed slash commands and interaction payloads.

The signature is computed here from the signing secret, independently of slack_sdk:
``v0=HMAC-SHA256(secret, "v0:<timestamp>:<body>")``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import aiohttp

SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"


def signature(secret: str, timestamp: str, body: str) -> str:
    """Slack's v0 request signature."""
    base = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Answer:
    """The bot's HTTP answer to Slack."""

    status: int
    text: str

    def json(self) -> Any:
        """The body as JSON (an ack with a response_action, for instance)."""
        return json.loads(self.text) if self.text else None


@dataclass
class Member:
    """A Slack member in a workspace."""

    user_id: str = "U1"
    name: str = "alice"
    team_id: str = "T1"
    team_domain: str = "acme"
    channel_id: str = "C1"


class SlackSide:
    """Sends what Slack would send to the bot's request URL."""

    def __init__(self, url: str, secret: str = SIGNING_SECRET) -> None:
        self.url = url
        self.secret = secret

    async def post(self, body: str, *, secret: str | None = None, timestamp: int | None = None,
                   content_type: str = "application/x-www-form-urlencoded") -> Answer:
        """POST a body, signed with ``secret`` at ``timestamp`` (default: now)."""
        stamp = str(int(time.time()) if timestamp is None else timestamp)
        headers = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": signature(secret or self.secret, stamp, body),
        }
        timeout = aiohttp.ClientTimeout(total=30)
        async with aiohttp.ClientSession(timeout=timeout) as session, session.post(
            self.url, data=body.encode(), headers=headers
        ) as response:
            return Answer(response.status, await response.text())

    async def command(self, command: str, text: str, member: Member, response_url: str,
                      **signing: Any) -> Answer:
        """A slash command."""
        return await self.post(command_body(command, text, member, response_url), **signing)

    async def interaction(self, payload: dict[str, Any], **signing: Any) -> Answer:
        """A block_actions or view_submission payload."""
        return await self.post(urlencode({"payload": json.dumps(payload)}), **signing)

    async def event(self, team_id: str, event: dict[str, Any]) -> Answer:
        """An Events API callback (a JSON body)."""
        body = {
            "token": "legacy-verification-token", "team_id": team_id, "api_app_id": "A1",
            "type": "event_callback", "event_id": f"Ev-{team_id}", "event_time": 1700000000,
            "event": event, "authorizations": [{"enterprise_id": None, "team_id": team_id,
                                                "user_id": "UB", "is_bot": True,
                                                "is_enterprise_install": False}],
        }
        return await self.post(json.dumps(body), content_type="application/json")


def command_body(command: str, text: str, member: Member, response_url: str) -> str:
    """The form fields of a slash command."""
    return urlencode({
        "token": "legacy-verification-token",
        "team_id": member.team_id,
        "team_domain": member.team_domain,
        "channel_id": member.channel_id,
        "channel_name": "general",
        "user_id": member.user_id,
        "user_name": member.name,
        "command": command,
        "text": text,
        "api_app_id": "A1",
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": f"trigger-{member.user_id}",
    })


def _user(member: Member) -> dict[str, Any]:
    return {"id": member.user_id, "username": member.name, "name": member.name,
            "team_id": member.team_id}


def button_click(member: Member, value: str, response_url: str, index: int = 0) -> dict[str, Any]:
    """A click on a message button whose value is a command line."""
    return {
        "type": "block_actions",
        "user": _user(member),
        "api_app_id": "A1",
        "token": "legacy-verification-token",
        "container": {"type": "message", "message_ts": "1700000000.000100",
                      "channel_id": member.channel_id, "is_ephemeral": True},
        "trigger_id": f"trigger-click-{member.user_id}",
        "team": {"id": member.team_id, "domain": member.team_domain},
        "enterprise": None,
        "is_enterprise_install": False,
        "channel": {"id": member.channel_id, "name": "general"},
        "response_url": response_url,
        "actions": [{
            "action_id": f"mm_run_{index}", "block_id": "b1", "type": "button", "value": value,
            "text": {"type": "plain_text", "text": "Button"}, "action_ts": "1700000001.1",
        }],
    }


def view_submission(member: Member, callback_id: str, values: dict[str, str],
                    private_metadata: str, selects: dict[str, str] | None = None) -> dict[str, Any]:
    """Submitting a modal: text inputs in ``values``, menus in ``selects``."""
    state: dict[str, Any] = {
        block: {"value": {"type": "plain_text_input", "value": value}}
        for block, value in values.items()
    }
    for block, value in (selects or {}).items():
        state[block] = {"value": {"type": "static_select", "selected_option": {
            "text": {"type": "plain_text", "text": value}, "value": value}}}
    return {
        "type": "view_submission",
        "team": {"id": member.team_id, "domain": member.team_domain},
        "user": _user(member),
        "api_app_id": "A1",
        "token": "legacy-verification-token",
        "trigger_id": f"trigger-submit-{member.user_id}",
        "view": {
            "id": "V1", "team_id": member.team_id, "type": "modal", "callback_id": callback_id,
            "private_metadata": private_metadata, "state": {"values": state},
            "hash": "1", "app_id": "A1", "bot_id": "BBOT",
        },
        "response_urls": [],
        "is_enterprise_install": False,
        "enterprise": None,
    }
