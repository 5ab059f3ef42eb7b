"""Runs a console script: `<member> <command line>` per line, `:sleep <s>`, `#` comments."""

from __future__ import annotations

import asyncio
import re
import sys
from collections.abc import AsyncIterable, AsyncIterator, Iterable
from typing import TextIO

from adapters.console.session import ConsoleSession

_MEMBER = re.compile(r"^[\w.\-@]{1,64}$")
MAX_SLEEP_SECONDS = 3600.0


class ScriptError(Exception):
    """A malformed script line."""


def _sleep_seconds(arg: str, lineno: int) -> float:
    try:
        seconds = float(arg)
    except ValueError:
        message = f"line {lineno}: ':sleep' needs a number of seconds, got {arg!r}"
        raise ScriptError(message) from None
    if not 0 <= seconds <= MAX_SLEEP_SECONDS:
        raise ScriptError(f"line {lineno}: ':sleep' takes 0 to {MAX_SLEEP_SECONDS:g} seconds")
    return seconds


async def _aiter(lines: Iterable[str] | AsyncIterable[str]) -> AsyncIterator[str]:
    if isinstance(lines, AsyncIterable):
        async for line in lines:
            yield line
    else:
        for line in lines:
            yield line


async def run_script(
    session: ConsoleSession,
    lines: Iterable[str] | AsyncIterable[str],
    errors: TextIO = sys.stderr,
) -> int:
    """Execute each script line in order; returns the number of malformed lines."""
    bad = 0
    lineno = 0
    async for raw in _aiter(lines):
        lineno += 1
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            if line.startswith(":sleep"):
                await asyncio.sleep(_sleep_seconds(line[len(":sleep"):].strip(), lineno))
                continue
            member, _, command = line.partition(" ")
            if not _MEMBER.match(member) or not command.strip():
                raise ScriptError(
                    f"line {lineno}: expected '<member> /command', e.g. 'alice /intro I write Go'"
                )
        except ScriptError as exc:
            bad += 1
            print(f"script error: {exc}", file=errors, flush=True)
            continue
        await session.handle_line(member, command)
    await asyncio.sleep(0)
    return bad
