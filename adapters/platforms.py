"""Which platform adapters `mentormeet run` starts, and the messenger that routes between them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass

from adapters.discord.platform import discord_runners
from adapters.slack.platform import slack_platforms
from bot.domain.community import Platform
from bot.meetups.ports import MessageEditor
from bot.outbox import Messenger, Outgoing, Recipient, SendResult, SendStatus
from bot.replies import Reply
from bot.settings import Settings


@dataclass(frozen=True, slots=True)
class PlatformRunner:
    """A configured platform: its messenger, and how to serve it until cancelled."""

    platform: Platform
    messenger: Messenger
    serve: Callable[[object], Awaitable[None]]  # receives the wired bot.bootstrap.App
    # Whether the adapter is connected to its platform right now (read by /healthz and the
    # adapter_connected metric); an adapter that cannot tell keeps the default.
    connected: Callable[[], bool] = lambda: True


class RoutingMessenger:
    """Sends each message through the messenger of its recipient's platform."""

    def __init__(self, messengers: Mapping[Platform, Messenger]) -> None:
        self._messengers = dict(messengers)

    async def send(self, message: Outgoing) -> SendResult:
        """Route by ``message.recipient.platform``."""
        messenger = self._messengers.get(message.recipient.platform)
        if messenger is None:
            reason = f"no {message.recipient.platform} adapter is running"
            return SendResult(SendStatus.PERMANENT, reason=reason)
        return await messenger.send(message)

    async def edit(
        self, recipient: Recipient, platform_message_id: str, reply: Reply
    ) -> SendResult:
        """Edit through the recipient platform's messenger, when that platform can edit."""
        messenger: object = self._messengers.get(recipient.platform)
        if not isinstance(messenger, MessageEditor):
            return SendResult(
                SendStatus.PERMANENT, reason=f"{recipient.platform} messages cannot be edited"
            )
        return await messenger.edit(recipient, platform_message_id, reply)


def configured_platforms(settings: Settings) -> list[PlatformRunner]:
    """Every platform adapter with credentials in the settings (none → the console is used)."""
    runners: list[PlatformRunner] = []
    # each platform adapter appends its runner here when its tokens are configured
    runners.extend(discord_runners(settings))
    runners.extend(slack_platforms(settings))
    return runners
