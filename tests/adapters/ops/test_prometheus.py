"""PrometheusMetrics: the metrics port in a registry of its own, in the text exposition format."""

from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families

from adapters.ops.prometheus import PrometheusMetrics
from bot.metrics import CommandOutcome, ReminderOutcome


def samples(metrics: PrometheusMetrics) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of the exposition, keyed by name and sorted labels."""
    found = {}
    for family in text_string_to_metric_families(metrics.exposition().decode()):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


def test_commands_are_counted_by_name_and_outcome_with_a_latency_histogram() -> None:
    metrics = PrometheusMetrics()
    metrics.command_handled("submit_intro", CommandOutcome.OK, 0.004)
    metrics.command_handled("submit_intro", CommandOutcome.OK, 0.2)
    metrics.command_handled("submit_intro", CommandOutcome.FAILURE, 0.03)
    metrics.command_handled("rsvp", CommandOutcome.USER_ERROR, -1.0)  # a clock hiccup clamps to 0
    found = samples(metrics)
    ok = (("command", "submit_intro"), ("outcome", "ok"))
    assert found[("mentormeet_commands_total", ok)] == 2
    failure = (("command", "submit_intro"), ("outcome", "failure"))
    assert found[("mentormeet_commands_total", failure)] == 1
    intro = (("command", "submit_intro"),)
    assert found[("mentormeet_command_duration_seconds_count", intro)] == 3
    assert found[("mentormeet_command_duration_seconds_bucket", (*intro, ("le", "0.005")))] == 1
    assert found[("mentormeet_command_duration_seconds_bucket", (*intro, ("le", "0.1")))] == 2
    assert found[("mentormeet_command_duration_seconds_sum", (("command", "rsvp"),))] == 0


def test_every_reminder_outcome_is_exported_from_zero() -> None:
    metrics = PrometheusMetrics()
    metrics.reminder(ReminderOutcome.LATE)
    metrics.reminder(ReminderOutcome.LATE)
    found = samples(metrics)
    values = {o.value: found[("mentormeet_reminders_total", (("outcome", o.value),))]
              for o in ReminderOutcome}
    assert values == {"sent": 0, "late": 2, "missed": 0, "failed": 0}


def test_gauges_and_the_match_round_histogram() -> None:
    metrics = PrometheusMetrics()
    metrics.due_queue_depth("reminders", 7)
    metrics.due_queue_depth("reminders", 2)
    metrics.due_queue_depth("checkins", -3)
    metrics.match_round(0.7)
    metrics.adapter_connected("discord", True)
    metrics.adapter_connected("slack", True)
    metrics.adapter_connected("slack", False)
    found = samples(metrics)
    assert found[("mentormeet_due_queue_depth", (("queue", "reminders"),))] == 2
    assert found[("mentormeet_due_queue_depth", (("queue", "checkins"),))] == 0
    assert found[("mentormeet_match_round_duration_seconds_count", ())] == 1
    assert found[("mentormeet_match_round_duration_seconds_bucket", (("le", "0.5"),))] == 0
    assert found[("mentormeet_match_round_duration_seconds_bucket", (("le", "1.0"),))] == 1
    assert found[("mentormeet_adapter_connected", (("platform", "discord"),))] == 1
    assert found[("mentormeet_adapter_connected", (("platform", "slack"),))] == 0


def test_registries_are_independent_and_carry_process_metrics() -> None:
    first, second = PrometheusMetrics(), PrometheusMetrics()
    first.command_handled("show_help", CommandOutcome.OK, 0.01)
    assert ("mentormeet_commands_total", (("command", "show_help"), ("outcome", "ok"))) in samples(
        first
    )
    assert not any(name == "mentormeet_commands_total" for name, _ in samples(second))
    assert any(name == "process_resident_memory_bytes" for name, _ in samples(second))


def test_database_waits_are_a_histogram() -> None:
    metrics = PrometheusMetrics()
    for seconds in (0.0, 0.003, 0.3, -1.0):
        metrics.database_wait(seconds)
    found = samples(metrics)
    assert found[("mentormeet_database_wait_seconds_count", ())] == 4
    assert found[("mentormeet_database_wait_seconds_bucket", (("le", "0.0005"),))] == 2
    assert found[("mentormeet_database_wait_seconds_bucket", (("le", "0.005"),))] == 3
    assert found[("mentormeet_database_wait_seconds_bucket", (("le", "0.25"),))] == 3
    assert found[("mentormeet_database_wait_seconds_bucket", (("le", "0.5"),))] == 4
