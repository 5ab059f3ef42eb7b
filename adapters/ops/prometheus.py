"""The metrics port on prometheus-client, in a registry of its own (no global state)."""

from __future__ import annotations

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.gc_collector import GCCollector
from prometheus_client.platform_collector import PlatformCollector
from prometheus_client.process_collector import ProcessCollector

from bot.metrics import CommandOutcome, ReminderOutcome

# Handling a command is a few database round trips; the target p99 is 100 ms.
COMMAND_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
# Waiting for a database turn: none at all when idle; seconds mean the database is the bottleneck.
WAIT_BUCKETS = (0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 15.0)
# A matching round solves an assignment problem over a whole community.
MATCH_ROUND_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)


class PrometheusMetrics:
    """Counters, gauges and histograms named ``mentormeet_*``, plus process and GC metrics."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry if registry is not None else CollectorRegistry()
        ProcessCollector(registry=self.registry)
        PlatformCollector(registry=self.registry)
        GCCollector(registry=self.registry)
        self._commands = Counter(
            "mentormeet_commands", "Commands handled, by command and outcome.",
            ["command", "outcome"], registry=self.registry,
        )
        self._command_seconds = Histogram(
            "mentormeet_command_duration_seconds", "Time to handle one command.",
            ["command"], buckets=COMMAND_BUCKETS, registry=self.registry,
        )
        self._reminders = Counter(
            "mentormeet_reminders", "Due reminders by final outcome (sent, late, missed, failed).",
            ["outcome"], registry=self.registry,
        )
        for outcome in ReminderOutcome:
            self._reminders.labels(outcome.value)  # every outcome is exported, from zero
        self._queue_depth = Gauge(
            "mentormeet_due_queue_depth", "Items that are due and not yet handled, by queue.",
            ["queue"], registry=self.registry,
        )
        self._match_seconds = Histogram(
            "mentormeet_match_round_duration_seconds", "Time to run one matching round.",
            buckets=MATCH_ROUND_BUCKETS, registry=self.registry,
        )
        self._database_wait = Histogram(
            "mentormeet_database_wait_seconds",
            "Time a unit of work waited for its turn on the database (SQLite: the one writer; "
            "PostgreSQL: a pool connection).",
            buckets=WAIT_BUCKETS, registry=self.registry,
        )
        self._connected = Gauge(
            "mentormeet_adapter_connected", "1 while the platform adapter is connected, else 0.",
            ["platform"], registry=self.registry,
        )

    def command_handled(self, command: str, outcome: CommandOutcome, seconds: float) -> None:
        """Count the command under its outcome and observe its duration."""
        self._commands.labels(command, CommandOutcome(outcome).value).inc()
        self._command_seconds.labels(command).observe(max(seconds, 0.0))

    def reminder(self, outcome: ReminderOutcome) -> None:
        """Count one reminder under its final outcome."""
        self._reminders.labels(ReminderOutcome(outcome).value).inc()

    def due_queue_depth(self, queue: str, depth: int) -> None:
        """Set the queue's current depth."""
        self._queue_depth.labels(queue).set(max(depth, 0))

    def match_round(self, seconds: float) -> None:
        """Observe one matching round's duration."""
        self._match_seconds.observe(max(seconds, 0.0))

    def database_wait(self, seconds: float) -> None:
        """Observe how long a unit of work waited for its turn on the database."""
        self._database_wait.observe(max(seconds, 0.0))

    def adapter_connected(self, platform: str, connected: bool) -> None:
        """Set the adapter's connection gauge to 1 or 0."""
        self._connected.labels(platform).set(1 if connected else 0)

    def exposition(self) -> bytes:
        """The registry in the Prometheus text format."""
        return generate_latest(self.registry)
