"""Reads stdin on a daemon thread so the event loop (and timed events) never block on input."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable
from typing import TextIO


async def read_lines(stream: TextIO) -> AsyncIterator[str]:
    """Yield lines from ``stream`` without blocking the loop; ends at EOF."""
    async for line in _threaded(stream.readline):
        yield line


async def prompt(text: str) -> str | None:
    """Ask for one line interactively; None at EOF."""
    async for line in _threaded(lambda: input(text) + "\n", once=True):
        return line.rstrip("\n")
    return None


async def _threaded(read: Callable[[], str], once: bool = False) -> AsyncIterator[str]:
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[str | None] = asyncio.Queue()

    def pump() -> None:
        try:
            while True:
                line = read()
                loop.call_soon_threadsafe(queue.put_nowait, line or None)
                if not line or once:
                    return
        except (EOFError, OSError, ValueError):
            loop.call_soon_threadsafe(queue.put_nowait, None)
        except RuntimeError:  # the loop closed while we were blocked on input
            return

    # a daemon thread: a member who never presses Enter cannot keep the process alive at exit
    threading.Thread(target=pump, name="console-stdin", daemon=True).start()
    while (line := await queue.get()) is not None:
        yield line
        if once:
            return
