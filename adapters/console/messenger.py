"""The console's messenger: DMs print as `[to member]`, channel posts as `[#channel]`."""

from __future__ import annotations

from collections.abc import Callable

from adapters.console.render import render_lines
from bot.outbox import Outgoing, SendResult, SendStatus


class ConsoleMessenger:
    """Prints outgoing messages; a repeated idempotency key is recorded once and not reprinted."""

    def __init__(self, out: Callable[[str], None] = print) -> None:
        self._out = out
        self.keys: list[str] = []
        self._seen: set[str] = set()

    async def send(self, message: Outgoing) -> SendResult:
        """Print the message unless its idempotency key was already delivered."""
        key = message.idempotency_key
        if key is not None:
            if key in self._seen:
                return SendResult(SendStatus.SENT, platform_message_id=key, reason="duplicate")
            self._seen.add(key)
            self.keys.append(key)
        recipient = message.recipient
        prefix = (
            f"[to {recipient.member_external_id}]"
            if recipient.member_external_id is not None
            else f"[#{recipient.channel}]"
        )
        for line in render_lines(message.reply, prefix):
            self._out(line)
        return SendResult(SendStatus.SENT, platform_message_id=key or f"console-{len(self.keys)}")
