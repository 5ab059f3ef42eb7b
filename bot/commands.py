"""Commands: what a member asked the bot to do, as plain dataclasses."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.community import Actor


@dataclass(frozen=True, slots=True, kw_only=True)
class Command:
    """Base of every command: who asked."""

    actor: Actor


@dataclass(frozen=True, slots=True, kw_only=True)
class ShowHelp(Command):
    """List what the bot can do."""

    topic: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class SubmitIntro(Command):
    """Parse a free-text introduction and store the profile built from it."""

    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ConfirmIntro(Command):
    """The member says the parsed profile looks right."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ShowProfile(Command):
    """Show the member's own profile."""


@dataclass(frozen=True, slots=True, kw_only=True)
class EditProfile(Command):
    """Explicit edits; each field left empty/None is unchanged."""

    add_skills: tuple[str, ...] = ()
    add_learning: tuple[str, ...] = ()
    remove_skills: tuple[str, ...] = ()
    timezone: str | None = None
    mentor_capacity: int | None = None
    mentoring_offer: bool | None = None
    reset: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Forget(Command):
    """Delete everything about the member in this community (only once confirmed)."""

    confirmed: bool = False
    cancelled: bool = False
