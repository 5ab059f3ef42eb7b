"""TEST ONLY: a messenger that appends every keyed send to a JSON-lines file.

It behaves like a platform honouring idempotency keys (Discord's ``enforce_nonce``): a key
already in the file is acknowledged but not delivered again. Selected with the
``reminders.test_sink`` setting; the crash, multi-process and benchmark runs read the file.
Each line is written with one ``write`` on an ``O_APPEND`` descriptor, so a process killed
with SIGKILL never leaves half a line, and lines from several processes do not interleave.

Keys written by other processes after this one started are not seen (each process reads the
file once at start); tests running processes side by side check the raw lines instead.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from bot.outbox import Messenger, Outgoing, SendResult, SendStatus

if TYPE_CHECKING:
    from bot.settings.meetups import RemindersSettings


class FileSink:
    """Records keyed sends in ``path`` and passes first deliveries on to ``inner``."""

    def __init__(self, path: Path, inner: Messenger | None = None, delay: float = 0.0) -> None:
        self.path = path
        self._inner = inner
        self._delay = delay
        self._seen = set(read_delivered(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    async def send(self, message: Outgoing) -> SendResult:
        """Record the message; a known key is a duplicate and is not delivered again."""
        key = message.idempotency_key
        if key is None:
            return await self._pass_on(message)
        if self._delay:
            await asyncio.sleep(self._delay)
        duplicate = key in self._seen
        self._seen.add(key)
        who = message.recipient.member_external_id or f"#{message.recipient.channel}"
        line = json.dumps({"key": key, "to": who, "at": time.time(), "pid": os.getpid(),
                           "duplicate": duplicate})
        os.write(self._fd, (line + "\n").encode())
        if duplicate:
            return SendResult(SendStatus.SENT, platform_message_id=key, reason="duplicate")
        return await self._pass_on(message)

    async def _pass_on(self, message: Outgoing) -> SendResult:
        if self._inner is None:
            return SendResult(SendStatus.SENT, platform_message_id=message.idempotency_key)
        return await self._inner.send(message)

    def close(self) -> None:
        """Close the file."""
        os.close(self._fd)


def read_records(path: Path) -> list[dict[str, object]]:
    """Every line of a sink file (a torn last line, if any, is ignored)."""
    if not path.exists():
        return []
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return records


def read_delivered(path: Path) -> list[str]:
    """Keys delivered (not duplicates), in file order."""
    return [str(r["key"]) for r in read_records(path) if not r.get("duplicate")]


def with_test_sink(messenger: Messenger, settings: RemindersSettings) -> Messenger:
    """``messenger`` wrapped in a FileSink when ``reminders.test_sink`` is set (tests only)."""
    if not settings.test_sink:
        return messenger
    return FileSink(Path(settings.test_sink).expanduser(), messenger, settings.test_sink_delay)
