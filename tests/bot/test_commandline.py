"""Parsing of typed command lines into commands."""

import pytest

from bot.commandline import UsageError, parse_command
from bot.commands import ConfirmIntro, EditProfile, Forget, ShowHelp, ShowProfile, SubmitIntro
from bot.domain.community import Actor, Platform

ACTOR = Actor(Platform.CONSOLE, "local", "local", "alice", "alice")


def test_intro_keeps_the_whole_text() -> None:
    cmd = parse_command("/intro  I write Go; and Rust ", ACTOR)
    assert cmd == SubmitIntro(actor=ACTOR, text="I write Go; and Rust")


def test_intro_without_text_is_submitted_empty_so_the_handler_explains() -> None:
    assert parse_command("/intro", ACTOR) == SubmitIntro(actor=ACTOR, text="")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("/intro ok", ConfirmIntro(actor=ACTOR)),
        ("/profile", ShowProfile(actor=ACTOR)),
        ("/PROFILE", ShowProfile(actor=ACTOR)),
        ("/forget", Forget(actor=ACTOR)),
        ("/forget confirm", Forget(actor=ACTOR, confirmed=True)),
        ("/forget cancel", Forget(actor=ACTOR, cancelled=True)),
        ("/help", ShowHelp(actor=ACTOR)),
        ("/help profile", ShowHelp(actor=ACTOR, topic="profile")),
    ],
)
def test_simple_commands(line: str, expected: object) -> None:
    assert parse_command(line, ACTOR) == expected


def test_profile_edit_with_several_steps() -> None:
    cmd = parse_command(
        "/profile edit add Rust, Go ; remove Java; learn Elixir; timezone Europe/Berlin; "
        "capacity 3; mentoring on",
        ACTOR,
    )
    assert cmd == EditProfile(
        actor=ACTOR,
        add_skills=("Rust", "Go"),
        add_learning=("Elixir",),
        remove_skills=("Java",),
        timezone="Europe/Berlin",
        mentor_capacity=3,
        mentoring_offer=True,
    )


def test_profile_edit_reset() -> None:
    cmd = parse_command("/profile edit reset", ACTOR)
    assert isinstance(cmd, EditProfile)
    assert cmd.reset


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("hello", "start with '/'"),
        ("/dance", "don't know the command /dance"),
        ("/profile edit", "/profile edit add Rust"),
        ("/profile edit add", "Name at least one skill"),
        ("/profile edit add , ,", "Name at least one skill"),
        ("/profile edit capacity 11", "0 to 10"),
        ("/profile edit capacity -1", "0 to 10"),
        ("/profile edit capacity two", "0 to 10"),
        ("/profile edit mentoring maybe", "mentoring on"),
        ("/profile edit timezone New York", "one timezone name"),
        ("/profile edit fly away", "I don't understand 'fly away'"),
        ("/profile show", "/profile edit"),
        ("/forget now", "/forget confirm"),
    ],
)
def test_usage_errors_say_what_to_type(line: str, fragment: str) -> None:
    with pytest.raises(UsageError) as info:
        parse_command(line, ACTOR)
    assert fragment in info.value.message
