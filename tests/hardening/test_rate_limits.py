"""Per-member command rate limits: the token bucket, its settings and the dispatcher's refusal."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.bootstrap import build_services
from bot.clock import FakeClock
from bot.commands import ShowHelp, SubmitIntro
from bot.dispatcher import Dispatcher
from bot.domain.community import Platform
from bot.limits import RateLimit, RateLimiter, slow_down_message
from bot.memory import make_memory_uow_factory
from bot.metrics import CommandOutcome, RecordingMetrics
from bot.outbox import RecordingMessenger
from bot.settings import SettingsError, load_settings
from tests.support.actors import actor
from tests.support.core_services import memory_services

T0 = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def test_a_burst_is_allowed_then_the_wait_is_told() -> None:
    limiter = RateLimiter(RateLimit(per_minute=6, burst=3))
    assert [limiter.take(actor(), T0) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limiter.take(actor(), T0) == pytest.approx(10.0)  # one token per 10 s
    assert limiter.take(actor(), T0 + timedelta(seconds=4)) == pytest.approx(6.0)
    assert limiter.take(actor(), T0 + timedelta(seconds=10)) == 0.0


def test_buckets_are_per_member_and_per_community() -> None:
    limiter = RateLimiter(RateLimit(per_minute=1, burst=1))
    assert limiter.take(actor("alice", "guild-1"), T0) == 0.0
    assert limiter.take(actor("alice", "guild-1"), T0) > 0
    assert limiter.take(actor("bob", "guild-1"), T0) == 0.0
    assert limiter.take(actor("alice", "guild-2"), T0) == 0.0
    slack = replace(actor("alice", "guild-1"), platform=Platform.SLACK)
    assert limiter.take(slack, T0) == 0.0


def test_refill_never_exceeds_the_burst_and_a_clock_going_back_is_harmless() -> None:
    limiter = RateLimiter(RateLimit(per_minute=60, burst=2))
    limiter.take(actor(), T0)
    later = T0 + timedelta(days=3)
    assert [limiter.take(actor(), later) for _ in range(3)][:2] == [0.0, 0.0]
    assert limiter.take(actor(), later - timedelta(hours=1)) > 0


def test_off_by_default_and_with_zero_rate() -> None:
    for limiter in (RateLimiter(), RateLimiter(RateLimit(per_minute=0, burst=5))):
        assert all(limiter.take(actor(), T0) == 0.0 for _ in range(1000))
        assert limiter.tracked() == 0


def test_memory_is_bounded() -> None:
    limiter = RateLimiter(RateLimit(per_minute=1, burst=1), max_tracked=50)
    for number in range(500):
        limiter.take(actor(f"m{number}"), T0)
    assert limiter.tracked() <= 50


def test_the_message_rounds_up_and_says_nothing_changed() -> None:
    assert "try again in 1 second." in slow_down_message(0.2)
    assert "try again in 11 seconds" in slow_down_message(10.01)
    assert "Nothing was changed" in slow_down_message(3)


async def test_the_dispatcher_refuses_with_a_friendly_reply_and_counts_a_user_error() -> None:
    metrics = RecordingMetrics()
    clock = FakeClock(T0)
    services = replace(memory_services(metrics), clock=clock,
                       rate_limiter=RateLimiter(RateLimit(per_minute=2, burst=2)))
    dispatcher = Dispatcher(services)
    for _ in range(2):
        assert not (await dispatcher.handle(ShowHelp(actor=actor()))).is_error
    refused = await dispatcher.handle(SubmitIntro(actor=actor(), text="I write Python"))
    assert refused.is_error
    assert "slow down" in refused.text
    assert "30 seconds" in refused.text
    assert metrics.commands[("submit_intro", CommandOutcome.USER_ERROR)] == 1
    async with services.uow() as uow:  # the refused intro was not stored
        community = await uow.communities.find(Platform.DISCORD, "guild-1")
        member = community and await uow.members.find(community.id, "id-alice")
        assert community is None or member is None
    assert not (await dispatcher.handle(ShowHelp(actor=actor("bob")))).is_error
    clock.advance(timedelta(seconds=30))
    assert not (await dispatcher.handle(ShowHelp(actor=actor()))).is_error


def test_settings_configure_the_limiter() -> None:
    settings = load_settings(None, env={"MENTORMEET_LIMITS_COMMANDS_PER_MINUTE": "12",
                                        "MENTORMEET_LIMITS_COMMAND_BURST": "4"})
    assert settings.limits.rate_limit() == RateLimit(per_minute=12, burst=4)
    assert load_settings(None, env={}).limits.rate_limit().enabled


@pytest.mark.parametrize(("key", "value"), [("COMMANDS_PER_MINUTE", "-1"),
                                            ("COMMANDS_PER_MINUTE", "nan"),
                                            ("COMMAND_BURST", "0"), ("COMMAND_BURST", "lots")])
def test_bad_limit_settings_are_clear_errors(key: str, value: str) -> None:
    with pytest.raises(SettingsError, match=key.lower()):
        load_settings(None, env={f"MENTORMEET_LIMITS_{key}": value})


async def test_the_composition_root_wires_the_configured_limiter() -> None:
    settings = load_settings(None, env={"MENTORMEET_LIMITS_COMMANDS_PER_MINUTE": "1",
                                        "MENTORMEET_LIMITS_COMMAND_BURST": "1"})
    clock = FakeClock(T0)
    services = build_services(settings, make_memory_uow_factory(clock), RecordingMessenger(),
                              clock=clock)
    dispatcher = Dispatcher(services)
    assert not (await dispatcher.handle(ShowHelp(actor=actor()))).is_error
    assert "slow down" in (await dispatcher.handle(ShowHelp(actor=actor()))).text
