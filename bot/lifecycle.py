"""Runs the bot's main coroutine until it ends or SIGTERM/SIGINT asks it to stop gracefully."""

from __future__ import annotations

import asyncio
import gc
import logging
import signal
from collections.abc import Coroutine
from typing import Any

log = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


async def _until_signalled(main: Coroutine[Any, Any, object]) -> bool:
    loop = asyncio.get_running_loop()
    task = asyncio.ensure_future(main)
    received: list[int] = []

    def stop(sig: int) -> None:
        if not received:
            log.info("received %s: finishing in-flight work and shutting down",
                     signal.Signals(sig).name)
        received.append(sig)
        task.cancel()

    installed = []
    for sig in STOP_SIGNALS:
        try:
            loop.add_signal_handler(sig, stop, sig)
            installed.append(sig)
        except (NotImplementedError, RuntimeError):  # pragma: no cover - non-POSIX loops
            pass
    try:
        await task
    except asyncio.CancelledError:
        if not received:
            raise
    finally:
        for sig in installed:
            loop.remove_signal_handler(sig)
    return bool(received)


def run_until_signalled(main: Coroutine[Any, Any, object]) -> bool:
    """Run ``main``; a stop signal cancels it so its cleanup runs. True if a signal stopped it."""
    return asyncio.run(_until_signalled(main))


def settle_heap() -> None:
    """After start-up, collect once and exempt what survived (taxonomy, parser, settings) from
    later collections, so a full collection no longer stalls commands for ~100 ms."""
    gc.collect()
    gc.freeze()
