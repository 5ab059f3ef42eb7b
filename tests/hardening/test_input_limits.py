"""Limits on member input: every free-text field has a size limit the reply states, and caps.

At or under a limit the input is accepted; over it the member is told the limit and nothing
is stored.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from bot.commandline import UsageError
from bot.handlers.profile import MAX_SKILL_NAME
from bot.matching.parsers import MAX_TOPICS
from bot.meetups.config import MeetupConfig
from bot.meetups.drafting import MAX_TITLE
from bot.meetups.options import MAX_VALUE_CHARS
from bot.services import Limits
from bot.settings import load_settings
from tests.hardening.world import World, make_world, populate

LONG = "x" * 5_000


@pytest.fixture
async def world() -> World:
    built, _ = make_world()
    await populate(built, "a")
    return built


async def _refused(world: World, who: str, line: str, *expected: str) -> str:
    before = world.snapshot()
    try:
        reply = await world.say("a", who, line)
    except UsageError as exc:
        text = exc.message
    else:
        assert reply.is_error, f"{line[:60]}: {reply.text}"
        text = reply.text
    assert world.snapshot() == before
    for words in expected:
        assert words in text, text
    assert len(text) < 1_000, "the refusal echoes the whole input"
    return text


@pytest.mark.parametrize("option", ["title", "where", "description"])
async def test_meetup_text_options_over_the_limit_are_refused_with_the_limit(
        world: World, option: str) -> None:
    value = "y" * (MAX_VALUE_CHARS + 1)
    title = "" if option == "title" else "title=T "
    line = f'/meetup create {title}when="next Monday 19:00" {option}="{value}"'
    await _refused(world, "olga", line, str(MAX_VALUE_CHARS))


async def test_meetup_title_limit(world: World) -> None:
    await _refused(world, "olga", f'/meetup create title="{"t" * (MAX_TITLE + 1)}" '
                   'when="next Monday 19:00"', str(MAX_TITLE))
    reply = await world.say("a", "olga", f'/meetup create title="{"t" * (MAX_TITLE - 1)}" '
                            'when="next Monday 19:00"')
    assert not reply.is_error, reply.text


@pytest.mark.parametrize("verb", ["add", "learn", "remove"])
async def test_profile_edit_skill_names_are_limited(world: World, verb: str) -> None:
    await _refused(world, "alice", f"/profile edit {verb} {'s' * (MAX_SKILL_NAME + 1)}",
                   f"at most {MAX_SKILL_NAME} characters")


@pytest.mark.parametrize("line", [f"/profile edit timezone {LONG}", f"/timezone {LONG}",
                                  f"/match {LONG}", f"/mentor on 2 {LONG}",
                                  f'/meetup create title=T when="next Monday 19:00" '
                                  f"tz={LONG[:1999]}"])
async def test_long_unknown_values_are_refused_without_echoing_them_whole(
        world: World, line: str) -> None:
    who = "olga" if line.startswith("/meetup") else "mia" if "mentor" in line else "alice"
    await _refused(world, who, line)


async def test_mentor_topics_are_capped(world: World) -> None:
    topics = ", ".join(f"t{n}" for n in range(MAX_TOPICS + 1))
    await _refused(world, "mia", f"/mentor on 2 {topics}", f"at most {MAX_TOPICS} topics")


async def test_intro_over_the_limit_is_refused_with_the_limit() -> None:
    built, _ = make_world()
    world = replace(built, services=replace(built.services, limits=Limits(intro_max_chars=300)))
    world.dispatcher = type(built.dispatcher)(world.services)
    text = await _refused(world, "alice", "/intro " + "Python " * 60, "300")
    assert "Nothing was saved" in text


async def test_organizers_can_create_only_so_many_meetups_a_day() -> None:
    built, clock = make_world()
    services = replace(built.services, meetups=MeetupConfig(max_created_per_day=3))
    world = replace(built, services=services, dispatcher=type(built.dispatcher)(services))
    line = '/meetup create title=T when="next Monday 19:00"'
    for _ in range(3):
        assert not (await world.say("a", "olga", line)).is_error
    text = await _refused(world, "olga", line, "3 meetups in the last 24 hours")
    assert "try again tomorrow" in text
    assert not (await world.say("a", "otto", line)).is_error  # per organizer
    clock.advance(timedelta(hours=24, seconds=1))
    assert not (await world.say("a", "olga", line)).is_error


def test_the_daily_cap_is_a_setting() -> None:
    settings = load_settings(None, env={"MENTORMEET_MEETUPS_MAX_CREATED_PER_DAY": "5"})
    assert settings.meetups.config().max_created_per_day == 5
