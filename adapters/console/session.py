"""One console community: turns `<member> /command` into core commands and prints replies."""

from __future__ import annotations

from collections.abc import Callable, Collection

from adapters.console.render import render
from bot.commandline import UsageError, parse_command
from bot.dispatcher import Dispatcher
from bot.domain.community import Actor, Platform
from bot.replies import Reply, error


class ConsoleSession:
    """The console's local community, shared by every member typing in it."""

    def __init__(
        self,
        dispatcher: Dispatcher,
        community: str,
        organizers: Collection[str] = (),
        out: Callable[[str], None] = print,
    ) -> None:
        self._dispatcher = dispatcher
        self._community = community
        self._organizers = frozenset(o.lower() for o in organizers)
        self._out = out

    def actor(self, member: str) -> Actor:
        """The actor for a console member name."""
        return Actor(
            platform=Platform.CONSOLE,
            community_external_id=self._community,
            community_name=self._community,
            member_external_id=member,
            display_name=member,
            is_organizer=member.lower() in self._organizers,
        )

    async def handle_line(self, member: str, line: str) -> Reply:
        """Run one command line typed by ``member`` and print the reply."""
        try:
            command = parse_command(line, self.actor(member))
        except UsageError as exc:
            reply = error(exc.message)
        else:
            reply = await self._dispatcher.handle(command)
        for text in render(reply, member):
            self._out(text)
        return reply
