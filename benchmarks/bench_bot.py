"""The bot as the benchmarks run it: default settings on a given database, and a messenger."""

from __future__ import annotations

from pathlib import Path

from bot.outbox import Outgoing, Recipient, SendResult, SendStatus
from bot.replies import Reply
from bot.settings import Settings
from bot.settings.loading import load_settings


class PlatformLikeMessenger:
    """Accepts every send and edits cards in place, as the Discord and Slack messengers do.

    Counts instead of keeping messages, so memory stays flat however long the load runs.
    """

    def __init__(self) -> None:
        self.sent = 0
        self.edited = 0

    async def send(self, message: Outgoing) -> SendResult:
        """Count the message and give it an id to edit later."""
        self.sent += 1
        return SendResult(SendStatus.SENT, platform_message_id=f"msg-{self.sent}")

    async def edit(self, recipient: Recipient, platform_message_id: str, reply: Reply) -> (
        SendResult
    ):
        """Count the edit."""
        self.edited += 1
        return SendResult(SendStatus.SENT, platform_message_id=platform_message_id)


def settings_for(database: Path | str, folder: Path | None = None) -> Settings:
    """Default settings on an SQLite file (or a database URL), ignoring any config file and
    MENTORMEET_* variables."""
    url = database if isinstance(database, str) else f"sqlite+aiosqlite:///{database}"
    folder = folder or Path(database).parent
    config = folder / "empty.toml"
    config.write_text("# the benchmark's settings come from env below\n", encoding="utf-8")
    env = {"MENTORMEET_DATABASE_URL": url,
           "MENTORMEET_LOGGING_LEVEL": "WARNING",
           # members here type back to back, far faster than people: measure the core, not
           # the per-member rate limit (which would answer "slow down" without any work)
           "MENTORMEET_LIMITS_COMMANDS_PER_MINUTE": "0"}
    return load_settings(config, env=env)
