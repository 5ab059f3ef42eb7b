"""The ops HTTP server: /metrics scraped over real HTTP, /healthz status codes and reasons."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families

from adapters.ops import OpsServer, OpsServerError, PrometheusMetrics, build_ops_server
from adapters.ops.health import CheckResult, HealthMonitor
from bot.commands import ShowHelp, ShowProfile, SubmitIntro
from bot.dispatcher import Dispatcher
from storage.engine import create_engine
from storage.health import SqlDatabaseProbe
from tests.support.actors import actor
from tests.support.core_services import memory_services
from tests.support.databases import empty_engine


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def get(server: OpsServer, path: str) -> tuple[int, str, str]:
    """Status, content type and body of GET ``path``."""
    async with aiohttp.ClientSession() as session, session.get(
        f"http://127.0.0.1:{server.port}{path}"
    ) as response:
        return response.status, response.headers["Content-Type"], await response.text()


def counter(exposition: str, name: str, **labels: str) -> float:
    """The value of one sample, 0 when it is not exported yet."""
    for family in text_string_to_metric_families(exposition):
        for sample in family.samples:
            if sample.name == name and sample.labels == labels:
                return sample.value
    return 0.0


@pytest.fixture
async def serve() -> AsyncIterator[Callable[..., OpsServer]]:
    """Start servers on 127.0.0.1 with an ephemeral port; they are stopped afterwards."""
    started: list[OpsServer] = []

    def make(metrics: PrometheusMetrics, health: HealthMonitor, **options: object) -> OpsServer:
        server = OpsServer(metrics, health, host="127.0.0.1", port=0, **options)  # type: ignore[arg-type]
        started.append(server)
        return server

    yield make
    for server in started:
        await server.stop()


async def healthy() -> CheckResult:
    return CheckResult(True)


async def test_metrics_are_scraped_over_http_and_change_after_commands(
    serve: Callable[..., OpsServer],
) -> None:
    metrics = PrometheusMetrics()
    dispatcher = Dispatcher(memory_services(metrics))
    server = serve(metrics, HealthMonitor({"x": healthy}))
    await server.start()
    assert server.port > 0

    status, content_type, before = await get(server, "/metrics")
    assert status == 200
    assert content_type.startswith("text/plain")
    ok = {"command": "submit_intro", "outcome": "ok"}
    assert counter(before, "mentormeet_commands_total", **ok) == 0

    await dispatcher.handle(SubmitIntro(actor=actor("ana"), text="I write Python and Rust"))
    await dispatcher.handle(SubmitIntro(actor=actor("bo"), text="Go and Kubernetes"))
    await dispatcher.handle(ShowProfile(actor=actor("nobody")))
    await dispatcher.handle(ShowHelp(actor=actor("ana")))

    _, _, after = await get(server, "/metrics")
    assert counter(after, "mentormeet_commands_total", **ok) == 2
    assert counter(after, "mentormeet_commands_total",
                   command="show_profile", outcome="user_error") == 1
    assert counter(after, "mentormeet_commands_total", command="show_help", outcome="ok") == 1
    assert counter(after, "mentormeet_command_duration_seconds_count", command="submit_intro") == 2
    assert counter(after, "mentormeet_reminders_total", outcome="missed") == 0


async def test_healthz_is_200_with_every_check_passing(tmp_path: Path) -> None:
    async with empty_engine("sqlite", tmp_path) as engine:
        server = build_ops_server(
            PrometheusMetrics(), SqlDatabaseProbe(engine), lambda: 1.0,
            {"discord": lambda: True}, host="127.0.0.1", port=0,
        )
        await server.start()
        try:
            status, content_type, body = await get(server, "/healthz")
        finally:
            await server.stop()
    assert status == 200
    assert content_type.startswith("application/json")
    assert body == (
        '{"status": "ok", "checks": {"database": {"ok": true, "detail": "ok"}, '
        '"background": {"ok": true, "detail": "ok"}, "adapters": {"ok": true, "detail": "ok"}}}'
    )


async def test_healthz_is_503_with_the_reason_when_the_database_is_unreachable() -> None:
    password = "pw-never-shown-42"
    engine = create_engine(f"postgresql+asyncpg://bob:{password}@127.0.0.1:{closed_port()}/mm")
    server = build_ops_server(
        PrometheusMetrics(), SqlDatabaseProbe(engine), lambda: 1.0, {},
        host="127.0.0.1", port=0, secrets=[password],
    )
    await server.start()
    try:
        status, _, body = await get(server, "/healthz")
    finally:
        await server.stop()
        await engine.dispose()
    assert status == 503
    assert '"status": "unhealthy"' in body
    assert '"database": {"ok": false, "detail": "database unreachable: ' in body
    assert '"background": {"ok": true' in body
    assert password not in body


async def test_healthz_names_a_stopped_runner_and_disconnected_adapters() -> None:
    class Probe:
        async def ping(self) -> None:
            return None

    connected = {"discord": True, "slack": False}
    metrics = PrometheusMetrics()
    server = build_ops_server(
        metrics, Probe(), lambda: None,
        {name: (lambda name=name: connected[name]) for name in connected},
        host="127.0.0.1", port=0,
    )
    await server.start()
    try:
        status, _, body = await get(server, "/healthz")
        _, _, exposition = await get(server, "/metrics")
        connected["slack"] = True
        _, _, later = await get(server, "/metrics")
    finally:
        await server.stop()
    assert status == 503
    assert '"background": {"ok": false, "detail": "background runner is not running"}' in body
    assert '"adapters": {"ok": false, "detail": "not connected: slack"}' in body
    assert counter(exposition, "mentormeet_adapter_connected", platform="discord") == 1
    assert counter(exposition, "mentormeet_adapter_connected", platform="slack") == 0
    assert counter(later, "mentormeet_adapter_connected", platform="slack") == 1


async def test_secrets_in_a_check_reason_are_masked(serve: Callable[..., OpsServer]) -> None:
    async def leaky() -> CheckResult:
        return CheckResult(False, "auth failed with token xoxb-123-secret")

    server = serve(PrometheusMetrics(), HealthMonitor({"slack": leaky}),
                   secrets=["xoxb-123-secret", ""])
    await server.start()
    status, _, body = await get(server, "/healthz")
    assert status == 503
    assert "auth failed with token ***" in body
    assert "xoxb" not in body


async def test_unknown_paths_are_404(serve: Callable[..., OpsServer]) -> None:
    server = serve(PrometheusMetrics(), HealthMonitor({}))
    await server.start()
    status, _, _ = await get(server, "/admin")
    assert status == 404


async def test_a_busy_port_is_a_clear_error_and_stop_is_idempotent(
    serve: Callable[..., OpsServer],
) -> None:
    first = serve(PrometheusMetrics(), HealthMonitor({}))
    await first.start()
    busy = OpsServer(PrometheusMetrics(), HealthMonitor({}), host="127.0.0.1", port=first.port)
    with pytest.raises(OpsServerError, match=f"cannot listen on 127.0.0.1:{first.port}"):
        await busy.start()
    await busy.stop()
    port = first.port
    await first.stop()
    await first.stop()
    with pytest.raises(RuntimeError, match="not running"):
        _ = first.port
    with pytest.raises(aiohttp.ClientConnectionError):
        async with aiohttp.ClientSession() as session:
            await session.get(f"http://127.0.0.1:{port}/metrics")


async def test_health_changes_are_logged_once_not_at_every_probe(
    serve: Callable[..., OpsServer], caplog: pytest.LogCaptureFixture
) -> None:
    state = {"ok": False}

    async def flaky() -> CheckResult:
        return CheckResult(state["ok"], "ok" if state["ok"] else "database unreachable: down")

    server = serve(PrometheusMetrics(), HealthMonitor({"database": flaky}))
    await server.start()
    caplog.set_level("INFO", logger="adapters.ops.server")
    statuses = [(await get(server, "/healthz"))[0] for _ in range(3)]
    state["ok"] = True
    statuses += [(await get(server, "/healthz"))[0] for _ in range(2)]
    assert statuses == [503, 503, 503, 200, 200]
    messages = [r.getMessage() for r in caplog.records if r.name == "adapters.ops.server"]
    assert len(messages) == 2
    assert messages[0].startswith("health check failed: ")
    assert "database unreachable: down" in messages[0]
    assert messages[1] == "health checks pass again"
