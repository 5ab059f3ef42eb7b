"""The /meetup, /rsvp and /timezone slash commands and the meetup form (see table.py)."""

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
    words,
)

_MEETUP = Option("meetup", "Which meetup (its number)", required=True, suggest=Suggest.MEETUP,
                 max_length=12)
# The key=value options of /meetup create and /meetup edit, quoted as the core expects.
_MEETUP_FIELDS = (
    Option("title", "What it is, e.g. Rust night", max_length=200),
    Option("when", "When, in your timezone: next Tuesday 7pm, 2026-12-03 18:30", max_length=200),
    Option("duration", "How long, e.g. 2h or 90m (default 2h)", max_length=20),
    Option("where", "A place or a link", max_length=500),
    Option("capacity", "Seats; later Going answers join a waitlist (none: no limit)",
           max_length=10),
    Option("description", "More details", max_length=2000),
    Option("every", "Repeat: every 2nd Tuesday at 19:00, weekly on Thursday", max_length=200),
    Option("remind", "Reminders before the start, e.g. 24h,1h (none: no reminders)",
           max_length=50),
    Option("tz", "The meetup's timezone (default: yours)", suggest=Suggest.TIMEZONE,
           max_length=64),
)
_FIELD_PARTS = (
    "title={title:q}", "when={when:q}", "duration={duration:q}", "where={where:q}",
    "capacity={capacity:q}", "description={description:q}", "every={every:q}",
    "remind={remind:q}", "tz={tz:q}",
)



MEETUPS: tuple[SlashCommand, ...] = (
    SlashCommand(
        path=("meetup", "list"),
        description="Upcoming meetups",
        core="meetup",
        line=words("/meetup list"),
    ),
    SlashCommand(
        path=("meetup", "info"),
        description="Details of a meetup and who is going",
        core="meetup",
        line=words("/meetup info", "{meetup}"),
        options=(_MEETUP,),
    ),
    SlashCommand(
        path=("meetup", "ics"),
        description="A calendar file for a meetup",
        core="meetup",
        line=words("/meetup ics", "{meetup}"),
        options=(_MEETUP,),
    ),
    SlashCommand(
        path=("meetup", "create"),
        description="(Organizers) Plan a meetup; you see a preview first (no options: a form)",
        core="meetup",
        line=words("/meetup create", *_FIELD_PARTS),
        options=_MEETUP_FIELDS,
        modal=ModalKind.MEETUP_CREATE,
    ),
    SlashCommand(
        path=("meetup", "confirm"),
        description="(Organizers) Announce a previewed meetup",
        core="meetup",
        line=words("/meetup confirm", "{meetup}"),
        options=(_MEETUP,),
    ),
    SlashCommand(
        path=("meetup", "discard"),
        description="(Organizers) Throw away a preview",
        core="meetup",
        line=words("/meetup discard", "{meetup}"),
        options=(_MEETUP,),
    ),
    SlashCommand(
        path=("meetup", "edit"),
        description="(Organizers) Change a meetup; everyone who answered is told",
        core="meetup",
        line=words("/meetup edit", "{meetup}", *_FIELD_PARTS),
        options=(_MEETUP, *_MEETUP_FIELDS),
    ),
    SlashCommand(
        path=("meetup", "cancel"),
        description="(Organizers) Cancel a meetup (asks first)",
        core="meetup",
        line=words("/meetup cancel", "{meetup}", flag("confirm", "confirm")),
        options=(_MEETUP, Option("confirm", "Cancel without asking again", kind=Kind.BOOLEAN)),
    ),
    SlashCommand(
        path=("meetup", "skip"),
        description="(Organizers) Skip one session of a series",
        core="meetup",
        line=words("/meetup skip", "{meetup}", "{date:q}"),
        options=(_MEETUP, Option("date", "The session's date, e.g. 2026-12-10", required=True,
                                 max_length=100)),
    ),
    SlashCommand(
        path=("meetup", "move"),
        description="(Organizers) Move one session of a series",
        core="meetup",
        line=words("/meetup move", "{meetup}", "date={date:q}", "when={when:q}"),
        options=(
            _MEETUP,
            Option("date", "The session's date, e.g. 2026-12-10", required=True, max_length=100),
            Option("when", "Its new time, e.g. 2026-12-11 19:00", required=True, max_length=100),
        ),
    ),
    SlashCommand(
        path=("rsvp",),
        description="Answer a meetup: going, maybe or no (same as its buttons)",
        core="rsvp",
        line=words("/rsvp", "{meetup}", "{answer}"),
        options=(_MEETUP, Option("answer", "Your answer", required=True,
                                 choices=("going", "maybe", "no"))),
    ),
    SlashCommand(
        path=("timezone",),
        description="Show meeting times in your timezone (no option: show it)",
        core="timezone",
        line=words("/timezone", "{zone}"),
        options=(Option("zone", "e.g. Europe/Berlin", suggest=Suggest.TIMEZONE, max_length=64),),
    ),
)

MEETUP_FORM = Form(
    ModalKind.MEETUP_CREATE,
    "Plan a meetup",
    (
        FormField("title", "What is it?", placeholder="Rust night", required=True),
        FormField("when", "When (your timezone)", placeholder="next Tuesday 7pm",
                  required=True),
        FormField("duration", "How long", placeholder="2h", max_length=20),
        FormField("where", "Where (a place or a link)", placeholder="Café Central",
                  max_length=500),
        FormField("description", "Details", long=True, max_length=2000),
    ),
)
