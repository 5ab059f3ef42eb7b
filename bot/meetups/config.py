"""Meetup settings as the core uses them (built from the ``[meetups]`` section)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class MeetupPolicy:
    """How one community runs meetups."""

    channel: str = "meetups"  # where meetups are announced and channel reminders posted
    reminder_offsets: tuple[timedelta, ...] = (timedelta(hours=24), timedelta(hours=1))
    channel_reminders: bool = True  # also post each reminder in the channel
    fallback_to_channel: bool = True  # mention a member in the channel when their DM fails


@dataclass(frozen=True, slots=True)
class MeetupConfig:
    """The default policy, per-community overrides (by platform community id) and planning."""

    default: MeetupPolicy = MeetupPolicy()
    communities: Mapping[str, MeetupPolicy] = field(
        default_factory=lambda: MappingProxyType({})
    )
    plan_ahead: timedelta = timedelta(days=35)  # sessions this far ahead get their reminders
    draft_lifetime: timedelta = timedelta(days=1)  # unconfirmed previews are deleted after this
    max_created_per_day: int = 20  # meetups one organizer may create in any 24 hours

    def policy(self, community_external_id: str) -> MeetupPolicy:
        """The policy of a community."""
        return self.communities.get(community_external_id, self.default)

