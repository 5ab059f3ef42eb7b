"""Recipients and the recording messenger fake."""

import pytest

from bot.domain.community import Platform
from bot.outbox import Outgoing, Recipient, RecordingMessenger, SendStatus
from bot.replies import Reply


def test_recipient_is_member_or_channel() -> None:
    with pytest.raises(ValueError, match="either a member or a channel"):
        Recipient(Platform.SLACK, "T1")
    with pytest.raises(ValueError, match="either a member or a channel"):
        Recipient(Platform.SLACK, "T1", member_external_id="U1", channel="C1")


async def test_recording_messenger_records_and_fails_on_request() -> None:
    messenger = RecordingMessenger(permanent_failures={"U2"}, transient_failures={"#busy"})
    ok = await messenger.send(Outgoing(Recipient(Platform.SLACK, "T", "U1"), Reply(text="a")))
    closed = await messenger.send(Outgoing(Recipient(Platform.SLACK, "T", "U2"), Reply(text="b")))
    busy = await messenger.send(
        Outgoing(Recipient(Platform.SLACK, "T", channel="busy"), Reply(text="c"))
    )
    assert [r.status for r in (ok, closed, busy)] == [
        SendStatus.SENT, SendStatus.PERMANENT, SendStatus.TRANSIENT
    ]
    assert [m.reply.text for m in messenger.to("U1")] == ["a"]
    assert messenger.to("U2") == []
