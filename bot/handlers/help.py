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
    ("/meetup list", "Upcoming meetups; /meetup info <id> for one, /meetup ics <id> for a "
                     "calendar file. /meetup help lists every meetup command."),
    ("/rsvp <id> going|maybe|no", "Answer a meetup; a full one puts you on its waitlist."),
    ("/timezone <Area/City>", "The timezone I show meetup times in, e.g. Europe/Berlin."),
    ("/meetup create …", "Organizers: create a meetup (preview first), edit, cancel, skip or "
                         "move sessions."),
    ("/match [topic]", "Mentors who fit your learning goals, with reasons; ask one with a "
                       "button. /match status, /match help for the rest."),
    ("/mentor on [capacity] [topics]", "Offer mentoring (/mentor off, /mentor pause 2 weeks)."),
    ("/match round", "Organizers: match every waiting mentee at once."),
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
