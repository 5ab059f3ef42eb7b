"""The vocabulary of the slash-command table: options, how their values become a command line."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

Values = Mapping[str, object]
LineBuilder = Callable[[Values], str]

_PLACEHOLDER = re.compile(r"\{(\w+)(:q)?\}")  # {name} as typed, {name:q} quoted


class Kind(StrEnum):
    """The Discord type of an option."""

    TEXT = "text"
    INTEGER = "integer"
    BOOLEAN = "boolean"


class Suggest(StrEnum):
    """Where autocomplete suggestions for an option come from."""

    SKILL = "skill"  # one skill from the taxonomy
    SKILLS = "skills"  # a comma-separated list of skills; the last one is completed
    TIMEZONE = "timezone"  # an IANA timezone name
    MEETUP = "meetup"  # an upcoming meetup of the community


class ModalKind(StrEnum):
    """Modals a command opens when it is used without options."""

    INTRO = "intro"
    PROFILE_EDIT = "profile-edit"
    MEETUP_CREATE = "meetup-create"


@dataclass(frozen=True, slots=True)
class Option:
    """One slash-command option."""

    name: str
    description: str
    kind: Kind = Kind.TEXT
    required: bool = False
    choices: tuple[str, ...] = ()
    suggest: Suggest | None = None
    min_value: int | None = None
    max_value: int | None = None
    max_length: int | None = None


@dataclass(frozen=True, slots=True)
class SlashCommand:
    """A slash command (``path`` is e.g. ("profile", "edit")) and the command line it stands for.

    ``core`` names the entry of ``bot.commandline.PARSERS`` the line is parsed by; ``public`` says
    whether the answer is usually public, which decides how a slow answer's placeholder is shown.
    """

    path: tuple[str, ...]
    description: str
    core: str
    line: LineBuilder
    options: tuple[Option, ...] = ()
    modal: ModalKind | None = None
    public: bool = False

    @property
    def qualified_name(self) -> str:
        """The name members type, e.g. "profile edit"."""
        return " ".join(self.path)


def _present(value: object) -> bool:
    return value is not None and value is not False and str(value).strip() != ""


def _text(value: object) -> str:
    return "" if value is True else str(value).strip()


@dataclass(frozen=True, slots=True)
class Part:
    """A piece of a command line; it is left out unless every option it ``requires`` has a value."""

    template: str
    requires: tuple[str, ...]

    def render(self, values: Values) -> str | None:
        """The piece with the option values filled in, or None when one is missing."""
        if not all(_present(values.get(name)) for name in self.requires):
            return None

        def fill(match: re.Match[str]) -> str:
            text = _text(values.get(match[1]))
            return _quoted(text) if match[2] else text

        return _PLACEHOLDER.sub(fill, self.template).strip()


def _quoted(text: str) -> str:
    """``text`` in double quotes, with backslashes and quotes escaped (key="value" options)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def part(template: str) -> Part:
    """A piece that needs every option named in its ``{placeholders}``."""
    return Part(template, tuple(name for name, _ in _PLACEHOLDER.findall(template)))


def flag(option: str, text: str) -> Part:
    """A fixed piece included when the boolean ``option`` is true."""
    return Part(text, (option,))


def _parts(pieces: tuple[str | Part, ...]) -> tuple[Part, ...]:
    return tuple(p if isinstance(p, Part) else part(p) for p in pieces)


def words(head: str, *pieces: str | Part) -> LineBuilder:
    """``head`` followed by the present pieces, separated by spaces."""
    parts = _parts(pieces)

    def build(values: Values) -> str:
        rendered = (p.render(values) for p in parts)
        return " ".join([head, *(r for r in rendered if r)])

    return build


def steps(head: str, *pieces: str | Part) -> LineBuilder:
    """``head`` followed by the present pieces, separated by "; " (as /profile edit takes them)."""
    parts = _parts(pieces)

    def build(values: Values) -> str:
        rendered = [r for r in (p.render(values) for p in parts) if r]
        return f"{head} {'; '.join(rendered)}" if rendered else head

    return build


@dataclass(frozen=True, slots=True)
class FormField:
    """A text input; ``name`` is the slash-command option it stands for."""

    name: str
    label: str
    placeholder: str = ""
    long: bool = False
    required: bool = False
    max_length: int = 200


@dataclass(frozen=True, slots=True)
class Form:
    """A modal of up to five text inputs."""

    kind: ModalKind
    title: str
    fields: tuple[FormField, ...]
