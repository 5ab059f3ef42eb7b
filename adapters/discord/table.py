"""Every slash command the bot offers, as data: adding a core command is one entry here
(features with many commands keep theirs in table_<feature>.py)."""

from __future__ import annotations

from adapters.discord.spec import (
    Form,
    FormField,
    Kind,
    ModalKind,
    Option,
    SlashCommand,
    Suggest,
    flag,
    steps,
    words,
)
from adapters.discord.table_matching import MATCHING
from adapters.discord.table_meetups import MEETUP_FORM, MEETUPS

# Descriptions of the command groups (a group is the first word of a multi-word command).
GROUPS: dict[str, str] = {
    "profile": "Your skill profile",
    "meetup": "Meetups: list, details, calendar; organizers create and change them",
    "mentor": "Offer mentoring: on, off, pause",
    "match": "Find a mentor, ask them, check in, rate",
}

_SKILLS_HINT = "comma-separated, e.g. Rust, Go"

COMMANDS: tuple[SlashCommand, ...] = (
    SlashCommand(
        path=("intro",),
        description="Introduce yourself in your own words; I build your skill profile",
        core="intro",
        line=words("/intro", "{text}"),
        options=(
            Option("text", "Your introduction (leave out to write it in a form)", max_length=6000),
        ),
        modal=ModalKind.INTRO,
    ),
    SlashCommand(
        path=("profile", "show"),
        description="Show your profile",
        core="profile",
        line=words("/profile"),
    ),
    SlashCommand(
        path=("profile", "edit"),
        description="Add or remove skills, set your timezone or mentoring (no options: a form)",
        core="profile",
        line=steps(
            "/profile edit",
            "add {add}",
            "learn {learn}",
            "remove {remove}",
            "timezone {timezone}",
            "capacity {capacity}",
            "mentoring {mentoring}",
            flag("reset", "reset"),
        ),
        options=(
            Option("add", f"Skills you know, {_SKILLS_HINT}", suggest=Suggest.SKILLS),
            Option("learn", f"Skills you are learning, {_SKILLS_HINT}", suggest=Suggest.SKILLS),
            Option("remove", f"Skills to drop, {_SKILLS_HINT}", suggest=Suggest.SKILLS),
            Option("timezone", "Your timezone, e.g. Europe/Berlin", suggest=Suggest.TIMEZONE),
            Option("capacity", "Mentees at once", kind=Kind.INTEGER, min_value=0, max_value=10),
            Option("mentoring", "Offer mentoring?", choices=("on", "off")),
            Option("reset", "Forget all your manual edits first", kind=Kind.BOOLEAN),
        ),
        modal=ModalKind.PROFILE_EDIT,
    ),
    SlashCommand(
        path=("forget",),
        description="Delete everything about you in this community (asks first)",
        core="forget",
        line=words("/forget"),
    ),
    SlashCommand(
        path=("help",),
        description="What I can do",
        core="help",
        line=words("/help", "{topic}"),
        options=(Option("topic", "A command to explain, e.g. profile", max_length=100),),
    ),
    *MATCHING,
    *MEETUPS,
)

# The forms commands open when used without options; field names are the commands' option names.
FORMS: dict[ModalKind, Form] = {
    ModalKind.INTRO: Form(
        ModalKind.INTRO,
        "Your introduction",
        (
            FormField(
                "text",
                "Introduce yourself in your own words",
                placeholder="Backend engineer, 8 years of Python and Postgres, learning Rust, "
                "happy to mentor on system design",
                long=True,
                required=True,
                max_length=4000,
            ),
        ),
    ),
    ModalKind.PROFILE_EDIT: Form(
        ModalKind.PROFILE_EDIT,
        "Edit your profile",
        (
            FormField("add", "Skills you know", placeholder="Rust, Go"),
            FormField("learn", "Skills you are learning", placeholder="Elixir"),
            FormField("remove", "Skills to drop", placeholder="Java"),
            FormField("timezone", "Your timezone", placeholder="Europe/Berlin", max_length=64),
            FormField("capacity", "Mentees at once (0-10)", placeholder="2", max_length=2),
        ),
    ),
    ModalKind.MEETUP_CREATE: MEETUP_FORM,
}
