"""Answers to a member's own command: response_url first, then the channel, then a DM."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from adapters.slack.api_errors import NETWORK_ERRORS, describe, error_code
from adapters.slack.blocks import Renderer, SlackMessage
from adapters.slack.files import UPLOAD_FAILURES, dm_channel, upload
from bot.replies import Reply, Visibility, error

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReplyTarget:
    """Where the member asked: the workspace's client, who, which channel, the response_url."""

    client: AsyncWebClient
    user_id: str
    channel_id: str = ""
    response_url: str = ""


class ReplyDelivery:
    """Posts a reply where the member will see it.

    Private replies are ephemeral (``response_type: ephemeral`` on the response_url, else
    chat.postEphemeral), public ones go to the channel (``in_channel``, else chat.postMessage).
    If those fail (expired response_url, the bot is not in the channel) the member gets a DM.
    Files go to the channel for a public reply, else to the member's DM (Slack has no
    ephemeral files); a failed upload is told to the member.
    """

    def __init__(self, renderer: Renderer) -> None:
        self._renderer = renderer

    async def deliver(self, reply: Reply, target: ReplyTarget) -> bool:
        """Post the reply and its files; False if the message could not be posted (logged)."""
        delivered = await self._post(reply, target)
        if delivered and reply.attachments:
            problem = await self._upload(reply, target)
            if problem:
                log.warning("file upload for %s failed: %s", target.user_id, problem)
                notice = error(f"I couldn't send you the file ({problem}). Please try again.")
                await self._post(notice, target)
        return delivered

    async def _post(self, reply: Reply, target: ReplyTarget) -> bool:
        message = self._renderer.render(reply)
        public = reply.visibility is Visibility.PUBLIC
        if target.response_url and await _via_response_url(target.response_url, message, public):
            return True
        if target.channel_id and await _via_channel(target, message, public):
            return True
        return await _via_dm(target, message)

    async def _upload(self, reply: Reply, target: ReplyTarget) -> str:
        try:
            channel = (
                target.channel_id if reply.visibility is Visibility.PUBLIC and target.channel_id
                else await dm_channel(target.client, target.user_id)
            )
        except UPLOAD_FAILURES as exc:
            return describe(exc)
        return await upload(target.client, channel, reply.attachments)


async def _via_response_url(url: str, message: SlackMessage, public: bool) -> bool:
    try:
        response = await AsyncWebhookClient(url, timeout=10).send_dict({
            "text": message.text,
            "blocks": message.blocks,
            "response_type": "in_channel" if public else "ephemeral",
            "replace_original": False,
        })
    except NETWORK_ERRORS as exc:
        log.warning("response_url post failed: %s", type(exc).__name__)
        return False
    if response.status_code != 200:
        log.warning("response_url answered %s %s", response.status_code, response.body[:200])
        return False
    return True


async def _via_channel(target: ReplyTarget, message: SlackMessage, public: bool) -> bool:
    try:
        if public:
            await target.client.chat_postMessage(
                channel=target.channel_id, text=message.text, blocks=message.blocks
            )
        else:
            await target.client.chat_postEphemeral(
                channel=target.channel_id, user=target.user_id, text=message.text,
                blocks=message.blocks,
            )
    except SlackApiError as exc:
        log.info("posting in %s failed (%s); sending a DM", target.channel_id,
                 error_code(exc))
        return False
    except NETWORK_ERRORS as exc:
        log.warning("posting in %s failed: %s", target.channel_id, type(exc).__name__)
        return False
    return True


async def _via_dm(target: ReplyTarget, message: SlackMessage) -> bool:
    try:
        channel = await dm_channel(target.client, target.user_id)
        await target.client.chat_postMessage(
            channel=channel, text=message.text, blocks=message.blocks
        )
    except SlackApiError as exc:
        log.warning("could not answer %s at all (%s)", target.user_id, error_code(exc))
        return False
    except NETWORK_ERRORS as exc:
        log.warning("could not answer %s at all: %s", target.user_id, type(exc).__name__)
        return False
    return True
