"""The dispatcher's replies when a handler fails: certain failure versus an unknown outcome."""

from __future__ import annotations

import logging

import pytest

from bot.commands import ShowHelp
from bot.dispatcher import TRY_AGAIN, UNSURE, Dispatcher
from bot.errors import CommitOutcomeUnknown
from bot.metrics import CommandOutcome, RecordingMetrics
from bot.replies import Reply
from bot.services import Services
from tests.support.actors import actor
from tests.support.core_services import memory_services


async def _reply_when_raising(error: Exception) -> tuple[Reply, RecordingMetrics]:
    metrics = RecordingMetrics()

    async def failing(cmd: object, svc: Services) -> Reply:
        raise error

    dispatcher = Dispatcher(memory_services(metrics), {ShowHelp: failing})
    return await dispatcher.handle(ShowHelp(actor=actor())), metrics


async def test_a_failure_before_commit_says_nothing_was_changed() -> None:
    reply, metrics = await _reply_when_raising(RuntimeError("statement failed"))
    assert reply.is_error
    assert reply.text == TRY_AGAIN
    assert metrics.commands == {("show_help", CommandOutcome.FAILURE): 1}


async def test_a_commit_whose_outcome_is_unknown_does_not_claim_nothing_changed(
        caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, "bot.dispatcher"):
        reply, metrics = await _reply_when_raising(CommitOutcomeUnknown("connection closed"))
    assert reply.is_error
    assert reply.text == UNSURE
    assert "nothing was changed" not in reply.text
    assert "check" in reply.text
    assert metrics.commands == {("show_help", CommandOutcome.FAILURE): 1}
    assert "lost its database connection while committing" in caplog.text
