"""Use cases of the meetups feature, by command (merged into bot/dispatcher.py's HANDLERS)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.commands import Command
from bot.meetups.commands import (
    AnswerRsvp,
    CancelMeetup,
    ConfirmMeetup,
    CreateMeetup,
    DiscardMeetup,
    EditMeetup,
    ListMeetups,
    MeetupCalendar,
    MoveSession,
    SetTimezone,
    ShowMeetup,
    SkipSession,
)
from bot.meetups.handlers.browse import list_meetups, meetup_calendar, show_meetup
from bot.meetups.handlers.create import confirm_meetup, create_meetup, discard_meetup
from bot.meetups.handlers.manage import cancel_meetup, edit_meetup, move_session, skip_session
from bot.meetups.handlers.rsvp import answer_rsvp
from bot.meetups.handlers.timezone import set_timezone
from bot.replies import Reply
from bot.services import Services

MEETUP_HANDLERS: dict[type[Command], Callable[[Any, Services], Awaitable[Reply]]] = {
    CreateMeetup: create_meetup,
    ConfirmMeetup: confirm_meetup,
    DiscardMeetup: discard_meetup,
    ListMeetups: list_meetups,
    ShowMeetup: show_meetup,
    MeetupCalendar: meetup_calendar,
    EditMeetup: edit_meetup,
    CancelMeetup: cancel_meetup,
    SkipSession: skip_session,
    MoveSession: move_session,
    AnswerRsvp: answer_rsvp,
    SetTimezone: set_timezone,
}
