"""Operations adapter: Prometheus metrics and health checks on one small HTTP server."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from adapters.ops.health import (
    DatabaseProbe,
    HealthMonitor,
    adapters_check,
    database_check,
    heartbeat_check,
)
from adapters.ops.prometheus import PrometheusMetrics
from adapters.ops.server import OpsServer, OpsServerError

__all__ = ["OpsServer", "OpsServerError", "PrometheusMetrics", "build_ops_server"]


def build_ops_server(
    metrics: PrometheusMetrics,
    database: DatabaseProbe,
    heartbeat_age: Callable[[], float | None],
    connections: Mapping[str, Callable[[], bool]],
    *,
    host: str,
    port: int,
    secrets: Iterable[str] = (),
) -> OpsServer:
    """The server with the three standard checks; adapter gauges are refreshed on each scrape."""
    health = HealthMonitor(
        {
            "database": database_check(database),
            "background": heartbeat_check(heartbeat_age),
            "adapters": adapters_check(connections),
        }
    )

    def refresh_connections() -> None:
        for platform, connected in connections.items():
            try:
                state = bool(connected())
            except Exception:
                state = False
            metrics.adapter_connected(platform, state)

    return OpsServer(
        metrics, health, host=host, port=port, before_scrape=refresh_connections, secrets=secrets
    )
