"""The [limits] settings section: per-member command rate limits."""

from __future__ import annotations

from pydantic import Field

from bot.limits import RateLimit
from bot.settings.sections import Section


class LimitsSettings(Section):
    """How fast one member may send commands (per community, in this process)."""

    commands_per_minute: float = Field(
        default=60.0, ge=0, le=10_000, allow_inf_nan=False,
        description="commands per minute from 0 (no limit) to 10000",
    )
    command_burst: int = Field(
        default=30, ge=1, le=1000, description="a whole number from 1 to 1000",
    )

    def rate_limit(self) -> RateLimit:
        """The core's view of these settings."""
        return RateLimit(per_minute=self.commands_per_minute, burst=self.command_burst)
