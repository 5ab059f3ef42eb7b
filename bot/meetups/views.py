"""Meetup cards and messages; times are shown in the reader's zone (channels: the meetup's)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.meetups import recurrence
from bot.meetups.domain import Meetup, MeetupStatus, Occurrence, RsvpCounts, RsvpStatus
from bot.meetups.durations import describe_lead, format_duration, format_offsets
from bot.meetups.when import zone_info
from bot.replies import Button, ButtonStyle, Card, Field, Reply, Visibility
from bot.text import neutralize_mentions, shorten

ANSWER_WORDS = {
    RsvpStatus.GOING: "going", RsvpStatus.WAITLISTED: "on the waitlist",
    RsvpStatus.MAYBE: "maybe", RsvpStatus.NO: "can't go",
}
_TEXT_LIMIT = 1000


def safe(text: str, limit: int = _TEXT_LIMIT) -> str:
    """Member text made safe to echo: mentions defused, length capped."""
    return neutralize_mentions(shorten(text, limit))


def zone_label(moment: datetime, zone: str) -> str:
    """The zone's abbreviation at that moment, e.g. "CET", "UTC-03"."""
    name = moment.astimezone(zone_info(zone)).tzname() or ""
    return name if name[:1].isalpha() else f"UTC{name}"


def when_text(start: datetime, zone: str, end: datetime | None = None) -> str:
    """ "Tue 24 Nov 2026, 19:00–21:00 CET (Europe/Berlin)" in ``zone``."""
    local = start.astimezone(zone_info(zone))
    text = f"{local:%a} {local.day} {local:%b %Y}, {local:%H:%M}"
    if end is not None:
        local_end = end.astimezone(zone_info(zone))
        if local_end.date() == local.date():
            text += f"–{local_end:%H:%M}"
        else:
            text += f" – {local_end:%a} {local_end.day} {local_end:%b}, {local_end:%H:%M}"
    text += f" {zone_label(start, zone)}"
    return text if zone == "UTC" else f"{text} ({zone})"


def lead_text(start: datetime, now: datetime) -> str:
    """ "in 1 hour" style, or "now" once started."""
    return describe_lead(start - now) if start > now else "now"


def rsvp_buttons(meetup_id: int) -> tuple[Button, ...]:
    """Going / Maybe / Can't go, plus the calendar file."""
    return (
        Button("Going", f"/rsvp {meetup_id} going", ButtonStyle.PRIMARY),
        Button("Maybe", f"/rsvp {meetup_id} maybe"),
        Button("Can't go", f"/rsvp {meetup_id} no"),
        Button("Add to calendar", f"/meetup ics {meetup_id}"),
    )


def counts_text(meetup: Meetup, counts: RsvpCounts) -> str:
    """ "5/20 going · 2 on the waitlist · 3 maybe · 1 can't go"."""
    going = f"{counts.going}/{meetup.capacity}" if meetup.capacity else str(counts.going)
    parts = [f"{going} going"]
    if counts.waitlisted:
        parts.append(f"{counts.waitlisted} on the waitlist")
    if counts.maybe:
        parts.append(f"{counts.maybe} maybe")
    if counts.no:
        parts.append(f"{counts.no} can't go")
    return " · ".join(parts)


def meetup_card(
    meetup: Meetup,
    counts: RsvpCounts,
    zone: str,
    now: datetime,
    answer: str | None = None,
) -> Card:
    """The meetup's card with times in ``zone``."""
    fields: list[Field] = []
    upcoming = meetup.upcoming(now, 4)
    if meetup.status is MeetupStatus.CANCELLED:
        fields.append(Field("Status", "Cancelled"))
    if upcoming:
        first = upcoming[0]
        note = " (moved)" if first.moved else ""
        fields.append(Field("When", when_text(first.starts_at, zone, first.ends_at) + note,
                            when=first.starts_at))
    else:
        fields.append(Field("When", "over (last: " + when_text(meetup.starts_at, zone) + ")"))
    if meetup.rrule is not None:
        later = "; ".join(when_text(o.starts_at, zone) for o in upcoming[1:4])
        fields.append(Field("Repeats", recurrence.describe(meetup.rrule)
                            + (f"\nthen {later}" if later else "")))
    fields.append(Field("Duration", format_duration(meetup.duration), inline=True))
    if meetup.location:
        fields.append(Field("Where", safe(meetup.location), inline=True))
    fields.append(Field("Answers", counts_text(meetup, counts)))
    if answer:
        fields.append(Field("You", answer))
    return Card(
        title=f"#{meetup.id} {safe(meetup.title, 200)}",
        description=safe(meetup.description),
        fields=tuple(fields),
        footer=f"Meetup #{meetup.id} · times in {zone}",
    )


def announcement(meetup: Meetup, counts: RsvpCounts, now: datetime) -> Reply:
    """The channel card: times in the meetup's zone, RSVP buttons."""
    cancelled = meetup.status is MeetupStatus.CANCELLED
    text = ("❌ Cancelled: " if cancelled else "📅 ") + safe(meetup.title, 200)
    return Reply(
        text=text,
        cards=(meetup_card(meetup, counts, meetup.zone, now),),
        buttons=() if cancelled else rsvp_buttons(meetup.id),
        visibility=Visibility.PUBLIC,
    )


def preview(meetup: Meetup, zone: str, now: datetime, offsets: tuple[timedelta, ...],
            channel: str, notes: tuple[str, ...] = ()) -> Reply:
    """What the organizer confirms: times in their zone and in UTC, and what happens next."""
    card = meetup_card(meetup, RsvpCounts(), zone, now)
    first = meetup.next_occurrence(now)
    extra = []
    if first is not None and zone != "UTC":
        extra.append(Field("In UTC", when_text(first.starts_at, "UTC", first.ends_at)))
    extra.append(Field("Capacity", str(meetup.capacity) if meetup.capacity else "no limit",
                       inline=True))
    extra.append(Field("Reminders", _offsets_text(offsets), inline=True))
    card = Card(card.title, card.description, card.fields[:-1] + tuple(extra), card.footer)
    text = f"Preview — confirm to announce it in #{channel}."
    if notes:
        text += "\n" + "\n".join(f"Note: {n}" for n in notes)
    return Reply(
        text=text,
        cards=(card,),
        buttons=(
            Button("Confirm", f"/meetup confirm {meetup.id}", ButtonStyle.PRIMARY),
            Button("Cancel", f"/meetup discard {meetup.id}", ButtonStyle.DANGER),
        ),
    )


def _offsets_text(offsets: tuple[timedelta, ...]) -> str:
    if not offsets:
        return "none"
    return ", ".join(format_offsets((o,)) for o in offsets) + " before, to everyone going"


def reminder_text(meetup: Meetup, start: datetime, zone: str, now: datetime) -> str:
    """ "⏰ Rust night starts in 1 hour — Tue 24 Nov 2026, 19:00–21:00 CET · Room 1"."""
    text = (f"⏰ Reminder: {safe(meetup.title, 200)} starts {lead_text(start, now)} — "
            f"{when_text(start, zone, start + meetup.duration)}")
    return text + (f" · {safe(meetup.location, 300)}" if meetup.location else "")


def session_text(session: Occurrence | None, zone: str) -> str:
    """A session's time, or "no further sessions"."""
    return "no further sessions" if session is None else when_text(session.starts_at, zone)


def parse_stamp(value: str) -> datetime:
    """A payload timestamp (ISO 8601) as an aware UTC datetime."""
    return datetime.fromisoformat(value).astimezone(UTC)
