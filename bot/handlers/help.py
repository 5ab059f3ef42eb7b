"""Use case: tell the member what the bot can do."""

from __future__ import annotations

from bot.commandline import EDIT_USAGE
from bot.commands import ShowHelp
from bot.replies import Card, Field, Reply
from bot.services import Services

_COMMANDS = (
    ("/intro <text>", "Introduce yourself in your own words; I build your skill profile."),
    ("/profile", "Show your profile."),
    ("/profile edit …", "Add or remove skills, set your timezone or mentoring capacity."),
    ("/forget", "Delete everything about you in this community."),
    ("/help", "This list."),
)


async def show_help(cmd: ShowHelp, svc: Services) -> Reply:
    """List the commands, or explain /profile edit."""
    if cmd.topic.strip().lstrip("/").lower() in {"profile", "profile edit", "edit"}:
        return Reply(text=EDIT_USAGE)
    card = Card(
        title="What I can do",
        fields=tuple(Field(name, text) for name, text in _COMMANDS),
    )
    return Reply(cards=(card,))
