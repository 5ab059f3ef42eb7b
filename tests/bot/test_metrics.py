"""The metrics port: command names, the fakes, and what the dispatcher reports per command."""

from __future__ import annotations

import pytest

from bot.commands import ConfirmIntro, EditProfile, ShowHelp, ShowProfile, SubmitIntro
from bot.dispatcher import Dispatcher
from bot.metrics import (
    CommandOutcome,
    Metrics,
    NullMetrics,
    RecordingMetrics,
    ReminderOutcome,
    command_name,
)
from bot.replies import Reply, error
from bot.services import Services
from tests.support.actors import actor
from tests.support.core_services import memory_services


class HTTPProbeCommand:
    pass


@pytest.mark.parametrize(
    ("command_type", "name"),
    [
        (SubmitIntro, "submit_intro"),
        (ConfirmIntro, "confirm_intro"),
        (EditProfile, "edit_profile"),
        (ShowHelp, "show_help"),
        (HTTPProbeCommand, "http_probe_command"),
    ],
)
def test_command_names_are_snake_case(command_type: type, name: str) -> None:
    assert command_name(command_type) == name


def test_services_report_nowhere_by_default() -> None:
    services = memory_services()
    assert isinstance(Services(
        uow=services.uow, taxonomy=services.taxonomy, parser=services.parser,
        clock=services.clock, messenger=services.messenger,
    ).metrics, NullMetrics)


@pytest.mark.parametrize("metrics", [NullMetrics(), RecordingMetrics()])
def test_implementations_accept_every_report(metrics: Metrics) -> None:
    metrics.command_handled("show_help", CommandOutcome.OK, 0.01)
    metrics.reminder(ReminderOutcome.LATE)
    metrics.due_queue_depth("reminders", 3)
    metrics.match_round(1.5)
    metrics.adapter_connected("discord", False)
    metrics.database_wait(0.002)


def test_recording_metrics_keeps_counts_and_latest_values() -> None:
    metrics = RecordingMetrics()
    metrics.command_handled("show_help", CommandOutcome.OK, 0.01)
    metrics.command_handled("show_help", CommandOutcome.OK, 0.02)
    metrics.reminder(ReminderOutcome.SENT)
    metrics.reminder(ReminderOutcome.MISSED)
    metrics.reminder(ReminderOutcome.SENT)
    metrics.due_queue_depth("reminders", 5)
    metrics.due_queue_depth("reminders", 2)
    metrics.match_round(0.5)
    metrics.adapter_connected("slack", True)
    metrics.adapter_connected("slack", False)
    assert metrics.commands == {("show_help", CommandOutcome.OK): 2}
    assert metrics.durations == [("show_help", 0.01), ("show_help", 0.02)]
    assert metrics.reminders == {ReminderOutcome.SENT: 2, ReminderOutcome.MISSED: 1}
    assert metrics.queue_depths == {"reminders": 2}
    assert metrics.match_rounds == [0.5]
    assert metrics.connections == {"slack": False}


async def test_dispatcher_counts_each_command_by_outcome_with_its_latency() -> None:
    metrics = RecordingMetrics()
    dispatcher = Dispatcher(memory_services(metrics))
    await dispatcher.handle(ShowHelp(actor=actor()))
    await dispatcher.handle(SubmitIntro(actor=actor(), text="I write Python and Go"))
    await dispatcher.handle(SubmitIntro(actor=actor(), text="x" * 5000))  # over the limit
    await dispatcher.handle(ShowProfile(actor=actor("nobody")))
    assert metrics.commands == {
        ("show_help", CommandOutcome.OK): 1,
        ("submit_intro", CommandOutcome.OK): 1,
        ("submit_intro", CommandOutcome.USER_ERROR): 1,
        ("show_profile", CommandOutcome.USER_ERROR): 1,
    }
    assert [name for name, _ in metrics.durations] == [
        "show_help", "submit_intro", "submit_intro", "show_profile"
    ]
    assert all(seconds >= 0 for _, seconds in metrics.durations)


async def test_a_failing_handler_counts_as_failure_and_still_replies() -> None:
    metrics = RecordingMetrics()

    async def broken(cmd: object, svc: Services) -> Reply:
        raise RuntimeError("database on fire")

    async def refuses(cmd: object, svc: Services) -> Reply:
        return error("not allowed")

    dispatcher = Dispatcher(memory_services(metrics), {ShowHelp: broken, ShowProfile: refuses})
    reply = await dispatcher.handle(ShowHelp(actor=actor()))
    assert reply.is_error
    assert "try again" in reply.text
    await dispatcher.handle(ShowProfile(actor=actor()))
    await dispatcher.handle(ConfirmIntro(actor=actor()))  # no handler registered
    assert metrics.commands == {
        ("show_help", CommandOutcome.FAILURE): 1,
        ("show_profile", CommandOutcome.USER_ERROR): 1,
        ("confirm_intro", CommandOutcome.USER_ERROR): 1,
    }
