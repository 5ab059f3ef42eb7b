"""Per-member command rate limiting: an in-process token bucket keyed by (community, member)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from bot.domain.community import Actor

MemberKey = tuple[str, str, str]
"""(platform, platform community id, platform member id)."""

MAX_TRACKED = 10_000  # buckets kept before idle (full) ones are dropped


@dataclass(frozen=True, slots=True)
class RateLimit:
    """How many commands a member may send: ``burst`` at once, refilled at ``per_minute``.

    ``per_minute`` 0 turns limiting off.
    """

    per_minute: float = 0.0
    burst: int = 10

    @property
    def enabled(self) -> bool:
        """Whether any command can be refused."""
        return self.per_minute > 0 and self.burst > 0


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: datetime


class RateLimiter:
    """Token buckets per member; ``take`` spends one token or says how long to wait."""

    def __init__(self, limit: RateLimit | None = None, max_tracked: int = MAX_TRACKED) -> None:
        self.limit = limit or RateLimit()
        self._max_tracked = max_tracked
        self._buckets: dict[MemberKey, _Bucket] = {}

    def take(self, actor: Actor, now: datetime) -> float:
        """Spend a token for ``actor``: 0.0 if allowed, else the seconds until one is free."""
        if not self.limit.enabled:
            return 0.0
        key = (actor.platform.value, actor.community_external_id, actor.member_external_id)
        bucket = self._buckets.get(key)
        if bucket is None:
            self._make_room(now)
            bucket = self._buckets[key] = _Bucket(float(self.limit.burst), now)
        self._refill(bucket, now)
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return 0.0
        return (1.0 - bucket.tokens) * 60.0 / self.limit.per_minute

    def tracked(self) -> int:
        """How many members currently have a bucket (bounded by ``max_tracked``)."""
        return len(self._buckets)

    def _refill(self, bucket: _Bucket, now: datetime) -> None:
        elapsed = max((now - bucket.updated).total_seconds(), 0.0)
        rate = self.limit.per_minute / 60.0
        bucket.tokens = min(float(self.limit.burst), bucket.tokens + elapsed * rate)
        bucket.updated = max(now, bucket.updated)

    def _make_room(self, now: datetime) -> None:
        if len(self._buckets) < self._max_tracked:
            return
        for key, bucket in list(self._buckets.items()):
            self._refill(bucket, now)
            if bucket.tokens >= self.limit.burst:
                del self._buckets[key]
        if len(self._buckets) >= self._max_tracked:
            # Everyone is busy: forget the stalest bucket (it only ever gets more tokens).
            stalest = min(self._buckets, key=lambda k: self._buckets[k].updated)
            del self._buckets[stalest]


def slow_down_message(wait_seconds: float) -> str:
    """The reply to a member who sent commands too fast."""
    seconds = max(1, math.ceil(wait_seconds))
    unit = "second" if seconds == 1 else "seconds"
    return (f"You're sending commands faster than I can take them — slow down, and try again "
            f"in {seconds} {unit}. Nothing was changed.")
