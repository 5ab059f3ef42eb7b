"""Turns a typed command line ("/profile edit add Rust") into a command, or a usage error."""

from __future__ import annotations

from collections.abc import Callable

from bot.commands import (
    Command,
    ConfirmIntro,
    EditProfile,
    Forget,
    ShowHelp,
    ShowProfile,
    SubmitIntro,
)
from bot.domain.community import Actor
from bot.errors import UsageError
from bot.matching.parsers import parse_match, parse_mentor
from bot.meetups.commandline import parse_meetup, parse_rsvp, parse_timezone

__all__ = ["PARSERS", "UsageError", "parse_command", "parse_edit"]

EDIT_USAGE = (
    "Edit your profile with one or more steps separated by ';':\n"
    "  /profile edit add Rust, Go        (skills you know)\n"
    "  /profile edit learn Elixir        (learning goals)\n"
    "  /profile edit remove Java         (drop a skill the parser got wrong)\n"
    "  /profile edit timezone Europe/Berlin\n"
    "  /profile edit capacity 2          (mentees at once, 0-10)\n"
    "  /profile edit mentoring on|off\n"
    "  /profile edit reset               (forget all your manual edits)"
)


def parse_command(line: str, actor: Actor) -> Command:
    """Parse one command line typed by ``actor``; raises UsageError with a friendly message."""
    stripped = line.strip()
    if not stripped.startswith("/"):
        raise UsageError("Commands start with '/'. Type /help to see what I can do.")
    name, _, rest = stripped[1:].partition(" ")
    parser = PARSERS.get(name.lower())
    if parser is None:
        raise UsageError(f"I don't know the command /{name}. Type /help to see what I can do.")
    return parser(rest.strip(), actor)


def _parse_help(rest: str, actor: Actor) -> Command:
    return ShowHelp(actor=actor, topic=rest)


def _parse_intro(rest: str, actor: Actor) -> Command:
    if rest.lower() in {"ok", "confirm", "looks-right"}:
        return ConfirmIntro(actor=actor)
    return SubmitIntro(actor=actor, text=rest)


def _parse_forget(rest: str, actor: Actor) -> Command:
    word = rest.lower()
    if word == "":
        return Forget(actor=actor)
    if word == "confirm":
        return Forget(actor=actor, confirmed=True)
    if word == "cancel":
        return Forget(actor=actor, cancelled=True)
    raise UsageError("Use /forget to see what would be deleted, then /forget confirm.")


def _parse_profile(rest: str, actor: Actor) -> Command:
    sub, _, args = rest.partition(" ")
    if sub == "":
        return ShowProfile(actor=actor)
    if sub.lower() != "edit":
        raise UsageError("Use /profile to see your profile or /profile edit to change it.")
    if not args.strip():
        raise UsageError(EDIT_USAGE)
    return parse_edit(args, actor)


def parse_edit(args: str, actor: Actor) -> EditProfile:
    """Parse the steps of ``/profile edit``."""
    fields: dict[str, object] = {}
    adds: list[str] = []
    learns: list[str] = []
    removes: list[str] = []
    for step in filter(None, (s.strip() for s in args.split(";"))):
        verb, _, value = step.partition(" ")
        verb = verb.lower()
        value = value.strip()
        if verb == "reset" and not value:
            fields["reset"] = True
        elif verb in {"add", "learn", "remove"}:
            names = _skill_list(value, verb)
            {"add": adds, "learn": learns, "remove": removes}[verb].extend(names)
        elif verb in {"timezone", "tz"}:
            if not value or " " in value:
                raise UsageError(
                    "Give one timezone name, e.g. /profile edit timezone Europe/Berlin"
                )
            fields["timezone"] = value
        elif verb == "capacity":
            fields["mentor_capacity"] = _capacity(value)
        elif verb == "mentoring":
            fields["mentoring_offer"] = _on_off(value)
        else:
            raise UsageError(f"I don't understand '{step}'.\n{EDIT_USAGE}")
    return EditProfile(
        actor=actor,
        add_skills=tuple(adds),
        add_learning=tuple(learns),
        remove_skills=tuple(removes),
        timezone=_opt_str(fields.get("timezone")),
        mentor_capacity=_opt_int(fields.get("mentor_capacity")),
        mentoring_offer=_opt_bool(fields.get("mentoring_offer")),
        reset=bool(fields.get("reset", False)),
    )


def _skill_list(value: str, verb: str) -> list[str]:
    names = [n.strip() for n in value.split(",") if n.strip()]
    if not names:
        raise UsageError(f"Name at least one skill, e.g. /profile edit {verb} Rust, Go")
    return names


def _capacity(value: str) -> int:
    if not value.isdigit() or not 0 <= int(value) <= 10:
        raise UsageError("Capacity is a whole number from 0 to 10, e.g. /profile edit capacity 2")
    return int(value)


def _on_off(value: str) -> bool:
    word = value.lower()
    if word in {"on", "yes", "true"}:
        return True
    if word in {"off", "no", "false"}:
        return False
    raise UsageError("Use /profile edit mentoring on  or  /profile edit mentoring off")


def _opt_str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _opt_int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _opt_bool(value: object) -> bool | None:
    return value if isinstance(value, bool) else None


CommandParser = Callable[[str, Actor], Command]

# command name -> parser of the text after it; each feature adds its own entries here
PARSERS: dict[str, CommandParser] = {
    "help": _parse_help,
    "intro": _parse_intro,
    "profile": _parse_profile,
    "forget": _parse_forget,
    "meetup": parse_meetup,
    "meetups": parse_meetup,
    "rsvp": parse_rsvp,
    "timezone": parse_timezone,
    "mentor": parse_mentor,
    "match": parse_match,
}
