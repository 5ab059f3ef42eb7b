"""Health checks behind /healthz: database reachable, background work alive, adapters connected."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

# Checks run concurrently, each bounded, so /healthz answers even when the database hangs.
CHECK_TIMEOUT_SECONDS = 5.0
# The background runner beats every few seconds (bot.runtime.HEARTBEAT_SECONDS); a beat older
# than this means its timer no longer fires.
HEARTBEAT_STALE_SECONDS = 30.0
_MAX_REASON = 200


class DatabaseProbe(Protocol):
    """Something that can tell whether the database answers (storage.health.SqlDatabaseProbe)."""

    async def ping(self) -> None:
        """Return when the database answered; raise otherwise."""
        ...


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One check's verdict and, when it failed, why."""

    ok: bool
    detail: str = "ok"


HealthCheck = Callable[[], Awaitable[CheckResult]]


@dataclass(frozen=True, slots=True)
class HealthReport:
    """Every check's result; healthy when all passed."""

    checks: Mapping[str, CheckResult]

    @property
    def healthy(self) -> bool:
        """Whether every check passed."""
        return all(result.ok for result in self.checks.values())

    def as_json(self) -> dict[str, object]:
        """``{"status": "ok"|"unhealthy", "checks": {name: {"ok", "detail"}}}``."""
        return {
            "status": "ok" if self.healthy else "unhealthy",
            "checks": {
                name: {"ok": result.ok, "detail": result.detail}
                for name, result in self.checks.items()
            },
        }


def _reason(exc: BaseException) -> str:
    first_line = (str(exc).strip().splitlines() or [""])[0]
    text = f"{type(exc).__name__}: {first_line}" if first_line else type(exc).__name__
    return text if len(text) <= _MAX_REASON else text[: _MAX_REASON - 3] + "..."


def database_check(probe: DatabaseProbe) -> HealthCheck:
    """Healthy when the probe's ``SELECT 1`` succeeds."""

    async def check() -> CheckResult:
        try:
            await probe.ping()
        except Exception as exc:
            return CheckResult(False, f"database unreachable: {_reason(exc)}")
        return CheckResult(True)

    return check


def heartbeat_check(
    age: Callable[[], float | None], stale_after: float = HEARTBEAT_STALE_SECONDS
) -> HealthCheck:
    """Healthy when the background runner beat less than ``stale_after`` seconds ago."""

    async def check() -> CheckResult:
        seconds = age()
        if seconds is None:
            return CheckResult(False, "background runner is not running")
        if seconds > stale_after:
            return CheckResult(False, f"background runner last beat {seconds:.0f} s ago")
        return CheckResult(True)

    return check


def adapters_check(connections: Mapping[str, Callable[[], bool]]) -> HealthCheck:
    """Healthy when every platform adapter says it is connected (none configured: healthy)."""

    async def check() -> CheckResult:
        down = []
        for platform, connected in sorted(connections.items()):
            try:
                if not connected():
                    down.append(platform)
            except Exception as exc:
                down.append(f"{platform} ({_reason(exc)})")
        if down:
            return CheckResult(False, f"not connected: {', '.join(down)}")
        return CheckResult(True)

    return check


class HealthMonitor:
    """Runs named checks concurrently, each within ``timeout`` seconds."""

    def __init__(
        self, checks: Mapping[str, HealthCheck], timeout: float = CHECK_TIMEOUT_SECONDS
    ) -> None:
        self._checks = dict(checks)
        self._timeout = timeout

    async def _run(self, check: HealthCheck) -> CheckResult:
        try:
            return await asyncio.wait_for(check(), self._timeout)
        except TimeoutError:
            return CheckResult(False, f"no answer within {self._timeout:g} s")
        except Exception as exc:
            return CheckResult(False, f"check failed: {_reason(exc)}")

    async def report(self) -> HealthReport:
        """Every check's result."""
        names = list(self._checks)
        results = await asyncio.gather(*(self._run(self._checks[name]) for name in names))
        return HealthReport(dict(zip(names, results, strict=True)))
