"""Files with a reply (an .ics calendar) are uploaded with files.upload v2 into a DM or channel."""

from __future__ import annotations

from adapters.slack.app import web_client
from adapters.slack.blocks import Renderer
from adapters.slack.messenger import FixedToken, SlackMessenger
from bot.domain.community import Platform
from bot.outbox import Outgoing, Recipient, SendStatus
from bot.replies import Attachment, Reply, Visibility
from tests.adapters.slack.conftest import BOT_TOKEN, RecordingHandler, http_settings, serving
from tests.adapters.slack.fake_slack import FakeSlack
from tests.adapters.slack.slack_requests import Member

ICS = Attachment("meetup-12.ics", "text/calendar", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")


async def test_a_private_replys_file_goes_to_the_members_dm(fake: FakeSlack) -> None:
    handler = RecordingHandler(reply=Reply(text="Your calendar file", attachments=(ICS,)))
    async with serving(http_settings(fake), handler) as (slack, _):
        await slack.command("/help", "", Member(), fake.response_url("ics"))
        completed = await fake.wait_for_call("files.completeUploadExternal")
    upload = fake.called("file_upload")[0]
    assert upload.params["data"] == ICS.data
    assert fake.called("files.getUploadURLExternal")[0].params["filename"] == "meetup-12.ics"
    assert completed.params["channel_id"] == "DU1"
    assert completed.token == BOT_TOKEN
    assert [c.params["name"] for c in fake.called("response_url")] == ["ics"]


async def test_a_public_replys_file_goes_to_the_channel(fake: FakeSlack) -> None:
    reply = Reply(text="Calendar", attachments=(ICS,), visibility=Visibility.PUBLIC)
    async with serving(http_settings(fake), RecordingHandler(reply=reply)) as (slack, _):
        await slack.command("/help", "", Member(channel_id="C42"), fake.response_url("p"))
        completed = await fake.wait_for_call("files.completeUploadExternal")
    assert completed.params["channel_id"] == "C42"
    assert fake.called("conversations.open") == []


async def test_a_failed_upload_is_told_to_the_member(fake: FakeSlack) -> None:
    fake.fail("files.getUploadURLExternal", 200, {"ok": False, "error": "missing_scope"})
    handler = RecordingHandler(reply=Reply(text="Your calendar file", attachments=(ICS,)))
    async with serving(http_settings(fake), handler) as (slack, _):
        await slack.command("/help", "", Member(), fake.response_url("f"))
        notice = await fake.wait_for_call("response_url", 2)
    assert notice.params["response_type"] == "ephemeral"
    assert "couldn't send you the file (meetup-12.ics: missing_scope)" in notice.params["text"]


async def test_the_messenger_sends_files_after_the_message(fake: FakeSlack) -> None:
    messenger = SlackMessenger(
        FixedToken(BOT_TOKEN), lambda token: web_client(fake.api_base, token), Renderer())
    sent = await messenger.send(Outgoing(
        Recipient(Platform.SLACK, "T1", member_external_id="U5"),
        Reply(text="Meetup moved", attachments=(ICS,))))
    fake.fail("files.completeUploadExternal", 200, {"ok": False, "error": "not_in_channel"})
    partly = await messenger.send(Outgoing(
        Recipient(Platform.SLACK, "T1", channel="C7"), Reply(text="Moved", attachments=(ICS,))))
    assert sent.status is SendStatus.SENT
    assert sent.reason == ""
    methods = [c.method for c in fake.calls]
    assert methods[:5] == ["conversations.open", "chat.postMessage", "files.getUploadURLExternal",
                           "file_upload", "files.completeUploadExternal"]
    assert fake.called("files.completeUploadExternal")[0].params["channel_id"] == "DU5"
    assert partly.status is SendStatus.SENT
    assert partly.reason == "file not sent: meetup-12.ics: not_in_channel"
