"""Property tests: any command line, from any member, through the dispatcher.

No exception escapes; a line that cannot be parsed gets a usage message; a command the core
refuses (``is_error``) leaves the store exactly as it was and sends nothing.
"""

from __future__ import annotations

import asyncio
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.commandline import PARSERS, UsageError, parse_command
from bot.commands import Command
from bot.dispatcher import TRY_AGAIN
from tests.hardening.cases import CASES
from tests.hardening.world import World, two_communities

NAMES = sorted(PARSERS)
SUBWORDS = ["create", "edit", "cancel", "confirm", "discard", "skip", "move", "info", "ics",
            "list", "going", "maybe", "no", "request", "accept", "decline", "checkin", "rate",
            "end", "round", "status", "stop", "on", "off", "pause", "resume", "add", "learn",
            "remove", "timezone", "capacity", "mentoring", "reset", "ok", "edit", ";", ","]
VALUES = ["1", "2", "3", "4", "5", "6", "7", "0", "-1", "99999999999999999999", "1e9",
          "title=x", 'title="a b"', "when=tomorrow 18:30", 'when="next Tuesday 7pm"',
          "when=yesterday", "duration=2h", "duration=9999w", "capacity=0", "capacity=-3",
          "capacity=none", "every=weekly", "every=FREQ=SECONDLY", "remind=10s", "remind=none",
          "tz=Mars/Base", "tz=Europe/Berlin", "where=@everyone", "description=<!channel>",
          "2026-12-03", "20:00", "met", "Rust", "Europe/Berlin", "2 weeks", "@here", "\x00"]
LINES = st.one_of(
    st.text(max_size=80),
    st.builds(lambda name, words: f"/{name} " + " ".join(words), st.sampled_from(NAMES),
              st.lists(st.one_of(st.sampled_from(SUBWORDS), st.sampled_from(VALUES),
                                 st.text(max_size=12)), max_size=6)),
)
WHO = st.sampled_from([("a", "alice"), ("a", "olga"), ("a", "mia"), ("a", "bob"),
                       ("b", "alice"), ("b", "otto"), ("c", "newcomer")])


@cache
def _seeded() -> tuple[World, object]:
    world, _ = asyncio.run(two_communities())
    return world, world.store.state.copy()


async def _check(world: World, community: str, name: str, line: str) -> None:
    command: Command | None = None
    message = ""
    try:
        command = parse_command(line, world.actor(community, name))
    except UsageError as exc:
        message = exc.message
    if command is None:
        assert message.strip()
        return
    before = world.snapshot()
    sent = len(world.messenger.sent)
    reply = await world.run(command)
    assert reply.text.strip() or reply.cards
    assert reply.text != TRY_AGAIN, f"{line!r} failed inside the core"
    if reply.is_error:
        assert world.snapshot() == before, f"{line!r} was refused but wrote"
        assert len(world.messenger.sent) == sent, f"{line!r} was refused but sent"


@settings(max_examples=CASES)
@given(WHO, LINES)
def test_any_line_from_anyone_is_safe(who: tuple[str, str], line: str) -> None:
    world, seed = _seeded()
    world.store.state = seed.copy()  # type: ignore[attr-defined]
    asyncio.run(_check(world, *who, line))
