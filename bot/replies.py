"""Platform-neutral reply models that each adapter renders in its own way."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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
    """A named value on a card. ``value`` may contain member text: adapters must neutralize it."""

    name: str
    value: str
    inline: bool = False


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
class Reply:
    """What the core answers to one command."""

    text: str = ""
    cards: tuple[Card, ...] = ()
    buttons: tuple[Button, ...] = ()
    visibility: Visibility = Visibility.PRIVATE
    is_error: bool = False


def error(text: str) -> Reply:
    """A friendly private error reply."""
    return Reply(text=text, is_error=True)
