"""The [meetups] and [reminders] settings sections."""

from __future__ import annotations

from datetime import timedelta
from types import MappingProxyType
from typing import Any

from pydantic import Field, field_validator, model_validator

from bot.meetups.config import MeetupConfig, MeetupPolicy
from bot.meetups.durations import DurationError, parse_duration, parse_offsets
from bot.reminders.backoff import Backoff
from bot.reminders.config import DispatchConfig
from bot.settings.sections import NAME_RULE, Name, Section

DURATION_RULE = "a duration such as 30s, 10m, 2h or 3d, or a number of seconds"
OFFSETS_RULE = 'times before the start such as "24h,1h" (at most 5, each 1s to 30d), or "none"'


def _duration(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        try:
            return timedelta(seconds=value)
        except OverflowError:
            raise ValueError(f"{value} seconds is far too long") from None
    if isinstance(value, str) and not value.strip().upper().startswith("P"):
        try:
            return parse_duration(value)
        except DurationError as exc:
            raise ValueError(str(exc)) from None
    return value


def _offsets(value: Any) -> Any:
    if value is None:
        return value
    if isinstance(value, list):
        value = ",".join(str(v) for v in value) or "none"
    if isinstance(value, str):
        try:
            parse_offsets(value)
        except DurationError as exc:
            raise ValueError(str(exc)) from None
    return value


class MeetupsCommunitySettings(Section):
    """One community's overrides of [meetups] (keys left out keep the defaults)."""

    channel: Name | None = Field(default=None, description=NAME_RULE)
    reminders: str | None = Field(default=None, description=OFFSETS_RULE)
    channel_reminders: bool | None = Field(default=None, description="true or false")
    fallback_to_channel: bool | None = Field(default=None, description="true or false")

    @field_validator("reminders", mode="before")
    @classmethod
    def _check_offsets(cls, value: Any) -> Any:
        return _offsets(value)


class MeetupsSettings(Section):
    """Meetups: where they are announced, default reminders, planning."""

    channel: Name = Field(default="meetups", description=NAME_RULE)
    reminders: str = Field(default="24h,1h", description=OFFSETS_RULE)
    channel_reminders: bool = Field(default=True, description="true or false")
    fallback_to_channel: bool = Field(default=True, description="true or false")
    plan_ahead: timedelta = Field(
        default=timedelta(days=35), description=f"{DURATION_RULE}; from 1 day to 400 days"
    )
    draft_lifetime: timedelta = Field(
        default=timedelta(days=1), description=f"{DURATION_RULE}; from 10 minutes to 30 days"
    )
    max_created_per_day: int = Field(
        default=20, ge=1, le=1000, description="a whole number from 1 to 1000"
    )
    communities: dict[Name, MeetupsCommunitySettings] = Field(
        default_factory=dict,
        description="[meetups.communities.<community id>] tables with channel, reminders, "
        "channel_reminders, fallback_to_channel",
    )

    @field_validator("reminders", mode="before")
    @classmethod
    def _check_offsets(cls, value: Any) -> Any:
        return _offsets(value)

    @field_validator("plan_ahead", "draft_lifetime", mode="before")
    @classmethod
    def _parse_durations(cls, value: Any) -> Any:
        return _duration(value)

    @model_validator(mode="after")
    def _ranges(self) -> MeetupsSettings:
        if not timedelta(days=1) <= self.plan_ahead <= timedelta(days=400):
            raise ValueError("meetups.plan_ahead must be from 1 day to 400 days")
        if not timedelta(minutes=10) <= self.draft_lifetime <= timedelta(days=30):
            raise ValueError("meetups.draft_lifetime must be from 10 minutes to 30 days")
        return self

    def config(self) -> MeetupConfig:
        """The core's view of these settings."""
        default = MeetupPolicy(
            channel=self.channel,
            reminder_offsets=parse_offsets(self.reminders),
            channel_reminders=self.channel_reminders,
            fallback_to_channel=self.fallback_to_channel,
        )
        overrides = {
            name: MeetupPolicy(
                channel=own.channel or default.channel,
                reminder_offsets=default.reminder_offsets if own.reminders is None
                else parse_offsets(own.reminders),
                channel_reminders=default.channel_reminders if own.channel_reminders is None
                else own.channel_reminders,
                fallback_to_channel=default.fallback_to_channel
                if own.fallback_to_channel is None else own.fallback_to_channel,
            )
            for name, own in self.communities.items()
        }
        return MeetupConfig(default, MappingProxyType(overrides), self.plan_ahead,
                            self.draft_lifetime, max_created_per_day=self.max_created_per_day)


class RemindersSettings(Section):
    """The reminder dispatcher: leases, retries, batching."""

    lease: timedelta = Field(
        default=timedelta(seconds=60), description=f"{DURATION_RULE}; from 1 second to 1 hour"
    )
    max_attempts: int = Field(default=8, ge=1, le=50, description="a whole number from 1 to 50")
    backoff: timedelta = Field(
        default=timedelta(seconds=30), description=f"{DURATION_RULE}; from 1 second to 1 hour"
    )
    backoff_max: timedelta = Field(
        default=timedelta(hours=1), description=f"{DURATION_RULE}; from backoff to 1 day"
    )
    safety_interval: timedelta = Field(
        default=timedelta(seconds=30), description=f"{DURATION_RULE}; from 1 second to 1 hour"
    )
    batch_size: int = Field(default=200, ge=1, le=5000, description="a whole number, 1 to 5000")
    concurrency: int = Field(default=20, ge=1, le=500, description="a whole number, 1 to 500")
    late_after: timedelta = Field(
        default=timedelta(seconds=60), description=f"{DURATION_RULE}; from 1 second to 1 day"
    )
    test_sink: str = Field(
        default="", description="TEST ONLY: a file path, or empty (off)"
    )
    test_sink_delay: float = Field(
        default=0.0, ge=0, le=10, description="TEST ONLY: seconds from 0 to 10"
    )

    @field_validator(
        "lease", "backoff", "backoff_max", "safety_interval", "late_after", mode="before"
    )
    @classmethod
    def _parse_durations(cls, value: Any) -> Any:
        return _duration(value)

    @model_validator(mode="after")
    def _ranges(self) -> RemindersSettings:
        second, hour, day = timedelta(seconds=1), timedelta(hours=1), timedelta(days=1)
        for name, low, high in (
            ("lease", second, hour), ("backoff", second, hour),
            ("safety_interval", second, hour), ("late_after", second, day),
        ):
            if not low <= getattr(self, name) <= high:
                raise ValueError(f"reminders.{name} must be from {low} to {high}")
        if not self.backoff <= self.backoff_max <= day:
            raise ValueError("reminders.backoff_max must be from reminders.backoff to 1 day")
        return self

    def config(self) -> DispatchConfig:
        """The core's view of these settings."""
        return DispatchConfig(
            lease=self.lease,
            max_attempts=self.max_attempts,
            backoff=Backoff(self.backoff, self.backoff_max),
            safety_interval=self.safety_interval,
            batch_size=self.batch_size,
            concurrency=self.concurrency,
            late_after=self.late_after,
        )
