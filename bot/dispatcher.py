"""Routes each command to its handler and turns unexpected failures into a friendly reply."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from bot.commands import (
    Command,
    ConfirmIntro,
    EditProfile,
    Forget,
    ShowHelp,
    ShowProfile,
    SubmitIntro,
)
from bot.errors import CommitOutcomeUnknown
from bot.handlers.forget import forget
from bot.handlers.help import show_help
from bot.handlers.intro import confirm_intro, submit_intro
from bot.handlers.profile import edit_profile, show_profile
from bot.limits import slow_down_message
from bot.logcontext import community_label, log_context
from bot.matching.handlers import MATCHING_HANDLERS
from bot.meetups.handlers import MEETUP_HANDLERS
from bot.metrics import CommandOutcome, command_name
from bot.replies import Reply, error
from bot.services import Services

log = logging.getLogger(__name__)

Handler = Callable[[Any, Services], Awaitable[Reply]]

HANDLERS: dict[type[Command], Handler] = {
    ShowHelp: show_help,
    SubmitIntro: submit_intro,
    ConfirmIntro: confirm_intro,
    ShowProfile: show_profile,
    EditProfile: edit_profile,
    Forget: forget,
    **MEETUP_HANDLERS,
    **MATCHING_HANDLERS,
}

TRY_AGAIN = (
    "Something went wrong on my side and nothing was changed. Please try again in a moment."
)
UNSURE = (
    "I lost my connection to the database just as I was saving that, so I can't tell whether it "
    "went through. Please check (with /profile, /match status or /meetup list) before trying "
    "again."
)


class Dispatcher:
    """Runs commands against the services."""

    def __init__(self, services: Services, handlers: dict[type[Command], Handler] | None = None):
        self.services = services
        self._handlers = dict(HANDLERS if handlers is None else handlers)

    async def handle(self, command: Command) -> Reply:
        """Run the handler for ``command``; never raises for a handler failure.

        Each command is timed and counted by outcome in ``services.metrics``, and everything
        logged while it runs carries its community, member and command name.
        """
        name = command_name(type(command))
        actor = command.actor
        community = community_label(actor.platform, actor.community_external_id)
        started = time.perf_counter()
        with log_context(community=community, member=actor.member_external_id, command=name):
            wait = self.services.rate_limiter.take(actor, self.services.clock.now())
            if wait > 0:
                reply, outcome = error(slow_down_message(wait)), CommandOutcome.USER_ERROR
            else:
                reply, outcome = await self._run(command)
            elapsed = time.perf_counter() - started
            self.services.metrics.command_handled(name, outcome, elapsed)
            log.debug("command %s: %s in %.1f ms", name, outcome.value, elapsed * 1000)
        return reply

    async def _run(self, command: Command) -> tuple[Reply, CommandOutcome]:
        handler = self._handlers.get(type(command))
        if handler is None:
            return error("That command is not available here."), CommandOutcome.USER_ERROR
        try:
            reply = await handler(command, self.services)
        except CommitOutcomeUnknown:
            log.exception("command %s lost its database connection while committing",
                          type(command).__name__)
            return error(UNSURE), CommandOutcome.FAILURE
        except Exception:
            log.exception("command %s failed", type(command).__name__)
            return error(TRY_AGAIN), CommandOutcome.FAILURE
        return reply, CommandOutcome.USER_ERROR if reply.is_error else CommandOutcome.OK
