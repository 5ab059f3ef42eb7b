"""The interactive console: type commands as a member of the local community."""

from __future__ import annotations

import contextlib

from adapters.console.reader import prompt
from adapters.console.session import ConsoleSession

BANNER = """mentormeet console — you are '{member}' in community '{community}'.
Try: /intro Backend engineer, 8 years of Python and Postgres, learning Rust
     /profile    /profile edit add Go    /forget    /help
Console: ':as <name>' switches member, a line ending in '\\' continues, ':quit' leaves."""


async def run_repl(session: ConsoleSession, member: str, community: str) -> None:
    """Read commands until EOF or ':quit', keeping the event loop free for timed events."""
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401  (line editing and history when available)
    print(BANNER.format(member=member, community=community))
    buffer: list[str] = []
    while True:
        line = await prompt("... " if buffer else f"{member}> ")
        if line is None:
            print()
            return
        if line.endswith("\\"):
            buffer.append(line[:-1])
            continue
        line = " ".join([*buffer, line]).strip()
        buffer.clear()
        if not line:
            continue
        if line in {":quit", ":q", ":exit"}:
            return
        if line.startswith(":as"):
            name = line[3:].strip()
            if name and " " not in name:
                member = name
            else:
                print("usage: :as <member-name>")
            continue
        await session.handle_line(member, line)
