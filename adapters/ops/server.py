"""One small aiohttp server for operators: GET /metrics and GET /healthz."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST

from adapters.ops.health import HealthMonitor
from adapters.ops.prometheus import PrometheusMetrics

log = logging.getLogger(__name__)


class OpsServerError(RuntimeError):
    """The server could not listen where it was told to."""


class OpsServer:
    """Serves the metrics registry and the health report until stopped."""

    def __init__(
        self,
        metrics: PrometheusMetrics,
        health: HealthMonitor,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        before_scrape: Callable[[], None] | None = None,
        secrets: Iterable[str] = (),
    ) -> None:
        self._metrics = metrics
        self._health = health
        self._host = host
        self._port = port
        self._before_scrape = before_scrape
        self._secrets = sorted({s for s in secrets if s}, key=len, reverse=True)
        self._runner: web.AppRunner | None = None
        self._last_problem: str | None = None

    def _app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/metrics", self._serve_metrics)
        app.router.add_get("/healthz", self._serve_health)
        return app

    async def _serve_metrics(self, _request: web.Request) -> web.Response:
        if self._before_scrape is not None:
            try:
                self._before_scrape()
            except Exception:
                log.exception("refreshing metrics before a scrape failed")
        response = web.Response(body=self._metrics.exposition())
        response.headers["Content-Type"] = CONTENT_TYPE_LATEST
        return response

    async def _serve_health(self, _request: web.Request) -> web.Response:
        report = await self._health.report()
        text = self._redact(json.dumps(report.as_json(), ensure_ascii=False))
        problem = None if report.healthy else text
        if problem != self._last_problem:  # log changes only: probes come every few seconds
            if problem is None:
                log.info("health checks pass again")
            else:
                log.warning("health check failed: %s", problem)
            self._last_problem = problem
        return web.Response(
            text=text,
            status=200 if report.healthy else 503,
            content_type="application/json",
        )

    def _redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "***")
        return text

    async def start(self) -> None:
        """Listen on the configured address; raise OpsServerError when that is impossible."""
        if self._runner is not None:
            raise RuntimeError("the ops server is already running")
        runner = web.AppRunner(self._app(), access_log=None)
        await runner.setup()
        try:
            await web.TCPSite(runner, self._host, self._port).start()
        except OSError as exc:
            await runner.cleanup()
            raise OpsServerError(
                f"ops: cannot listen on {self._host}:{self._port} ({exc.strerror or exc}); "
                "change ops.host / ops.port or set ops.enabled = false"
            ) from exc
        self._runner = runner
        log.info("ops server listening on http://%s:%d (/metrics, /healthz)", self._host, self.port)

    @property
    def port(self) -> int:
        """The port actually bound (useful with port 0)."""
        if self._runner is None or not self._runner.addresses:
            raise RuntimeError("the ops server is not running")
        address = self._runner.addresses[0]
        return int(address[1])

    async def stop(self) -> None:
        """Stop listening (idempotent)."""
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()
