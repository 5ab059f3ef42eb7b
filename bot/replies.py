"""Platform-neutral reply models that each adapter renders in its own way."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.text import neutralize_mentions


class Visibility(StrEnum):
    """Who sees a reply."""

    PRIVATE = "private"  # only the member who asked (ephemeral on Discord/Slack)
    PUBLIC = "public"  # the channel the command came from


class ButtonStyle(StrEnum):
    """How prominent a button is."""

    PRIMARY = "primary"
    SECONDARY = "secondary"
    DANGER = "danger"


@dataclass(frozen=True, slots=True)
class Field:
    """A named value on a card. ``value`` may contain member text: adapters must neutralize it.

    ``when`` (aware) is the instant the value describes, e.g. a meetup's start: platforms that
    can show an instant in each reader's own timezone (Discord timestamps) render it instead of
    ``value``; the others show ``value``.
    """

    name: str
    value: str
    inline: bool = False
    when: datetime | None = None

    def __post_init__(self) -> None:
        if self.when is not None and self.when.tzinfo is None:
            raise ValueError("Field.when must be timezone-aware")


@dataclass(frozen=True, slots=True)
class Button:
    """An action; ``command`` is the command line the button stands for (stable across restarts)."""

    label: str
    command: str
    style: ButtonStyle = ButtonStyle.SECONDARY


@dataclass(frozen=True, slots=True)
class Card:
    """A titled block with fields (an embed on Discord, sections on Slack)."""

    title: str
    description: str = ""
    fields: tuple[Field, ...] = ()
    footer: str = ""


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file sent with a reply (e.g. an .ics calendar)."""

    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True, slots=True)
class Reply:
    """What the core answers to one command.

    ``mentions`` are member platform ids the adapter should mention (ping) with the message,
    in its own syntax; ``text`` names them in plain words for platforms that cannot.
    """

    text: str = ""
    cards: tuple[Card, ...] = ()
    buttons: tuple[Button, ...] = ()
    visibility: Visibility = Visibility.PRIVATE
    is_error: bool = False
    attachments: tuple[Attachment, ...] = ()
    mentions: tuple[str, ...] = ()


def error(text: str) -> Reply:
    """A friendly private error reply; member text quoted in it cannot ping anyone."""
    return Reply(text=neutralize_mentions(text), is_error=True)
