"""Files that come with a reply (an .ics calendar): uploaded with files.upload v2 into a channel."""

from __future__ import annotations

from slack_sdk.errors import SlackApiError, SlackRequestError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.api_errors import NETWORK_ERRORS, describe
from bot.replies import Attachment

UPLOAD_FAILURES = (SlackApiError, SlackRequestError, *NETWORK_ERRORS)


async def upload(client: AsyncWebClient, channel: str, files: tuple[Attachment, ...]) -> str:
    """Upload each file into ``channel``; "" when all went up, else why the first one failed."""
    for file in files:
        try:
            await client.files_upload_v2(
                channel=channel, file=file.data, filename=file.filename, title=file.filename
            )
        except UPLOAD_FAILURES as exc:
            return f"{file.filename}: {describe(exc)}"
    return ""


async def dm_channel(client: AsyncWebClient, user_id: str) -> str:
    """The id of the bot's direct conversation with a member (opened if needed)."""
    opened = await client.conversations_open(users=user_id)
    return str((opened.get("channel") or {}).get("id"))
