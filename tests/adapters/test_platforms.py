"""The routing messenger sends and edits through the recipient platform's own messenger."""

from dataclasses import dataclass, field

from adapters.platforms import RoutingMessenger
from bot.domain.community import Platform
from bot.outbox import Outgoing, Recipient, RecordingMessenger, SendResult, SendStatus
from bot.replies import Reply


@dataclass
class EditingMessenger(RecordingMessenger):
    edits: list[tuple[str, str]] = field(default_factory=list)

    async def edit(
        self, recipient: Recipient, platform_message_id: str, reply: Reply
    ) -> SendResult:
        self.edits.append((platform_message_id, reply.text))
        return SendResult(SendStatus.SENT, platform_message_id=platform_message_id)


async def test_sends_and_edits_are_routed_by_platform() -> None:
    discord, slack = EditingMessenger(), RecordingMessenger()
    routing = RoutingMessenger({Platform.DISCORD: discord, Platform.SLACK: slack})
    to_slack = Recipient(Platform.SLACK, "T1", channel="C1")
    to_discord = Recipient(Platform.DISCORD, "G1", channel="42")
    await routing.send(Outgoing(to_slack, Reply(text="hi slack")))
    await routing.send(Outgoing(to_discord, Reply(text="hi discord")))
    assert [m.reply.text for m in slack.sent] == ["hi slack"]
    assert [m.reply.text for m in discord.sent] == ["hi discord"]
    edited = await routing.edit(to_discord, "m1", Reply(text="3 going"))
    assert edited.status is SendStatus.SENT
    assert discord.edits == [("m1", "3 going")]
    cannot = await routing.edit(to_slack, "m2", Reply(text="x"))
    assert cannot.status is SendStatus.PERMANENT


async def test_a_platform_without_a_running_adapter_is_a_permanent_failure() -> None:
    routing = RoutingMessenger({})
    result = await routing.send(
        Outgoing(Recipient(Platform.DISCORD, "G", member_external_id="1"), Reply(text="x"))
    )
    assert result.status is SendStatus.PERMANENT
    assert "no discord adapter" in result.reason
