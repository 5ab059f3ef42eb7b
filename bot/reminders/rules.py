"""What every deliveries storage backend checks before writing (shared by memory and SQL)."""

from __future__ import annotations

from dataclasses import replace

from bot.reminders.domain import PlannedDelivery
from bot.storage_rules import aware_utc, storable_text


def storable_delivery(plan: PlannedDelivery) -> PlannedDelivery:
    """The planned delivery with UTC times, after checking its text fits a database."""
    for text, what in ((plan.topic, "topic"), (plan.channel or "", "channel")):
        storable_text(text, what)
    for key, value in plan.payload.items():
        storable_text(key, "payload key")
        storable_text(value, "payload value")
    return replace(
        plan,
        occurrence_start=aware_utc(plan.occurrence_start, "occurrence_start"),
        due_at=aware_utc(plan.due_at, "due_at"),
        expires_at=aware_utc(plan.expires_at, "expires_at"),
        payload=dict(plan.payload),
    )
