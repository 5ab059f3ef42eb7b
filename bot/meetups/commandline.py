"""Text syntax of /meetup, /rsvp and /timezone (registered in bot/commandline.py's PARSERS)."""

from __future__ import annotations

import re

from bot.commands import Command
from bot.domain.community import Actor
from bot.errors import UsageError
from bot.meetups.commands import (
    AnswerRsvp,
    CancelMeetup,
    ConfirmMeetup,
    CreateMeetup,
    DiscardMeetup,
    EditMeetup,
    ListMeetups,
    MeetupCalendar,
    MeetupFields,
    MoveSession,
    SetTimezone,
    ShowMeetup,
    SkipSession,
)
from bot.meetups.domain import RsvpStatus
from bot.meetups.durations import DurationError, parse_meetup_duration, parse_offsets
from bot.meetups.options import split_options

OPTIONS_HELP = (
    "  title=\"Rust night\"        what it is (text before the first option works too)\n"
    "  when=\"next Tuesday 7pm\"   in your timezone: 'tomorrow 18:30', 'in 2 hours',\n"
    "                            '2026-12-03 18:30', 'Dec 3 6:30pm CET'\n"
    "  duration=2h               how long (default 2h): 90m, 1h30m\n"
    "  where=\"Room 1\"            a place or a link\n"
    "  capacity=20               seats; later \"going\" answers join a waitlist (none: no limit)\n"
    "  description=\"...\"         more details\n"
    "  every=\"every 2nd Tuesday at 19:00\"   repeat: 'weekly on Thursday', 'every other\n"
    "                            Monday', 'monthly on the 15th', or an RRULE (FREQ=WEEKLY;...)\n"
    "  remind=24h,1h             reminder times before the start (none: no reminders)\n"
    "  tz=Europe/Berlin          the meetup's timezone (default: yours)"
)
CREATE_USAGE = (
    "Create a meetup (organizers only), e.g.\n"
    "  /meetup create title=\"Rust night\" when=\"next Tuesday 7pm\" duration=2h "
    "where=\"Room 1\" capacity=20 remind=24h,1h\n" + OPTIONS_HELP
)
EDIT_USAGE = (
    "Change a meetup (organizers only) with the same options as create, e.g.\n"
    "  /meetup edit 12 when=\"Thursday 19:00\" where=\"Room 2\"\n"
    "  every=none makes a series a single meetup; remind=default uses the community's times."
)
MEETUP_USAGE = (
    "Meetup commands:\n"
    "  /meetup list                       upcoming meetups\n"
    "  /meetup info <id>                  details and who's going\n"
    "  /meetup ics <id>                   a calendar file\n"
    "  /rsvp <id> going|maybe|no          answer (same as the buttons)\n"
    "  /meetup create title=... when=...  (organizers) preview, then confirm\n"
    "  /meetup edit <id> when=... where=...   (organizers)\n"
    "  /meetup cancel <id>                (organizers)\n"
    "  /meetup skip <id> <date>           (organizers) skip one session of a series\n"
    "  /meetup move <id> <date> <new time>    (organizers) move one session\n"
    "  /timezone Europe/Berlin            show times in your zone"
)
RSVP_USAGE = "Answer with /rsvp <meetup id> going|maybe|no, e.g. /rsvp 12 going"
_ANSWERS = {
    "going": RsvpStatus.GOING, "yes": RsvpStatus.GOING, "y": RsvpStatus.GOING,
    "go": RsvpStatus.GOING, "attending": RsvpStatus.GOING,
    "maybe": RsvpStatus.MAYBE, "m": RsvpStatus.MAYBE, "perhaps": RsvpStatus.MAYBE,
    "no": RsvpStatus.NO, "n": RsvpStatus.NO, "not": RsvpStatus.NO, "cant": RsvpStatus.NO,
    "can't": RsvpStatus.NO, "cannot": RsvpStatus.NO, "decline": RsvpStatus.NO,
}


def parse_meetup(rest: str, actor: Actor) -> Command:
    """``/meetup <sub> ...``."""
    sub, _, args = rest.strip().partition(" ")
    sub, args = sub.lower(), args.strip()
    if sub in {"", "help"}:
        raise UsageError(MEETUP_USAGE)
    if sub in {"list", "ls", "upcoming"}:
        return ListMeetups(actor=actor)
    if sub in {"create", "new", "add"}:
        if not args:
            raise UsageError(CREATE_USAGE)
        return CreateMeetup(actor=actor, fields=parse_fields(args, CREATE_USAGE))
    simple = {"info": ShowMeetup, "show": ShowMeetup, "ics": MeetupCalendar,
              "calendar": MeetupCalendar, "confirm": ConfirmMeetup, "discard": DiscardMeetup}
    if sub in simple:
        return simple[sub](actor=actor, meetup_id=_only_id(args, f"/meetup {sub} <id>"))
    if sub == "edit":
        meetup_id, _, options = args.partition(" ")
        fields = parse_fields(options, EDIT_USAGE)
        if fields.is_empty():
            raise UsageError(EDIT_USAGE)
        return EditMeetup(actor=actor, meetup_id=_id(meetup_id, "/meetup edit <id> ..."),
                          fields=fields)
    if sub == "cancel":
        meetup_id, _, word = args.partition(" ")
        if word.strip().lower() not in {"", "confirm"}:
            raise UsageError("Use /meetup cancel <id>, then /meetup cancel <id> confirm.")
        return CancelMeetup(actor=actor, meetup_id=_id(meetup_id, "/meetup cancel <id>"),
                            confirmed=word.strip().lower() == "confirm")
    if sub == "skip":
        meetup_id, _, day = args.partition(" ")
        if not day.strip():
            raise UsageError("Say which session: /meetup skip <id> <date>, e.g. /meetup skip 12 "
                             "2026-12-10")
        return SkipSession(actor=actor, meetup_id=_id(meetup_id, "/meetup skip <id> <date>"),
                           day=_unquote(day))
    if sub == "move":
        return _parse_move(args, actor)
    raise UsageError(f"I don't know /meetup {sub}.\n{MEETUP_USAGE}")


def parse_rsvp(rest: str, actor: Actor) -> Command:
    """``/rsvp <id> going|maybe|no``."""
    meetup_id, _, answer = rest.strip().partition(" ")
    status = _ANSWERS.get(answer.strip().lower().replace("’", "'"))
    if not meetup_id or status is None:
        raise UsageError(RSVP_USAGE)
    return AnswerRsvp(actor=actor, meetup_id=_id(meetup_id, "/rsvp <id> going"), answer=status)


def parse_timezone(rest: str, actor: Actor) -> Command:
    """``/timezone [Area/City]``."""
    zone = rest.strip()
    if " " in zone and "/" not in zone:
        raise UsageError("Give one timezone name, e.g. /timezone Europe/Berlin")
    return SetTimezone(actor=actor, zone=zone or None)


def parse_fields(text: str, usage: str) -> MeetupFields:
    """The options of create/edit, with durations, offsets and capacity checked."""
    options = split_options(text, usage)
    try:
        duration = parse_meetup_duration(options["duration"]) if "duration" in options else None
        remind_text = options.get("remind")
        remind_default = remind_text is not None and remind_text.lower() == "default"
        remind = parse_offsets(remind_text) if remind_text and not remind_default else None
    except DurationError as exc:
        raise UsageError(str(exc)) from None
    if remind_text is not None and not remind_text.strip():
        remind = ()
    return MeetupFields(
        title=options.get("title"),
        when=options.get("when"),
        duration=duration,
        location=options.get("location"),
        capacity=_capacity(options["capacity"]) if "capacity" in options else None,
        description=options.get("description"),
        every=options.get("every"),
        remind=remind,
        remind_default=remind_default,
        timezone=options.get("timezone"),
    )


def _parse_move(args: str, actor: Actor) -> Command:
    usage = ("Move one session: /meetup move <id> <date> <new time>, e.g. "
             "/meetup move 12 2026-12-10 2026-12-11 19:00  (or date=\"Dec 10\" "
             "when=\"Dec 11 7pm\")")
    meetup_id, _, rest = args.partition(" ")
    rest = rest.strip()
    if "=" in rest:
        options = {k.lower(): v for k, v in _keyed(rest, usage).items()}
        day, when = options.get("date", ""), options.get("when", "")
    else:
        match = re.match(r"^(\"[^\"]+\"|'[^']+'|\S+)\s+(.+)$", rest)
        day, when = (match.group(1), match.group(2)) if match else ("", "")
    if not day.strip() or not when.strip():
        raise UsageError(usage)
    return MoveSession(actor=actor, meetup_id=_id(meetup_id, usage), day=_unquote(day),
                       when=_unquote(when))


def _keyed(text: str, usage: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in re.finditer(r"(date|when|to)\s*=\s*(\"[^\"]*\"|'[^']*'|\S+(?:\s+(?!\w+=)\S+)*)",
                             text, re.I):
        key = "when" if match.group(1).lower() == "to" else match.group(1).lower()
        found[key] = _unquote(match.group(2))
    if not found:
        raise UsageError(usage)
    return found


def _capacity(value: str) -> int:
    word = value.strip().lower()
    if word in {"none", "no", "unlimited", "off", "0", "-"}:
        return 0
    if not word.isdigit() or not 1 <= int(word) <= 100_000:
        raise UsageError("capacity is a whole number of seats from 1 to 100000, or none.")
    return int(word)


def _id(text: str, usage: str) -> int:
    cleaned = text.strip().lstrip("#")
    if not cleaned.isdigit() or not 0 < int(cleaned) < 2**31:
        raise UsageError(f"'{text.strip()}' is not a meetup number. Use {usage}; "
                         "/meetup list shows the numbers.")
    return int(cleaned)


def _only_id(text: str, usage: str) -> int:
    if len(text.split()) != 1:
        raise UsageError(f"Use {usage}; /meetup list shows the numbers.")
    return _id(text, usage)


def _unquote(text: str) -> str:
    stripped = text.strip()
    if len(stripped) >= 2 and stripped[0] == stripped[-1] and stripped[0] in "\"'":
        return stripped[1:-1].strip()
    return stripped
