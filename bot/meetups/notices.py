"""Notices to members about a change: what changed (stored with the delivery) and its text."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from bot.meetups import recurrence
from bot.meetups.domain import Meetup
from bot.meetups.views import parse_stamp, safe, when_text
from bot.replies import Button, Reply

CHANGED = "changed"
CANCELLED = "cancelled"
SKIPPED = "skipped"
MOVED = "moved"
PROMOTED = "promoted"


def change_payload(old: Meetup, new: Meetup, now: datetime) -> dict[str, str] | None:
    """What changed for attendees between two versions (time, place, title, length, repeat)."""
    payload: dict[str, str] = {"type": CHANGED}
    before, after = old.next_occurrence(now), new.next_occurrence(now)
    if before is not None and after is not None and (
        before.starts_at != after.starts_at or before.ends_at != after.ends_at
    ):
        payload |= {"start_old": before.starts_at.isoformat(),
                    "start_new": after.starts_at.isoformat(),
                    "end_new": after.ends_at.isoformat()}
    for name, first, second in (
        ("where", old.location, new.location),
        ("title", old.title, new.title),
        ("repeats", _repeats(old), _repeats(new)),
    ):
        if first != second:
            payload |= {f"{name}_old": first, f"{name}_new": second}
    return payload if len(payload) > 1 else None


def session_payload(
    kind: str, start: datetime, new_start: datetime | None = None
) -> dict[str, str]:
    """A skip, move, cancellation or promotion concerning the session starting at ``start``."""
    payload = {"type": kind, "start": start.isoformat()}
    if new_start is not None:
        payload["start_new"] = new_start.isoformat()
    return payload


def notice_reply(meetup: Meetup, payload: Mapping[str, str], zone: str) -> Reply:
    """The DM a member receives for a notice, times in their zone."""
    title = safe(meetup.title, 200)
    kind = payload.get("type", "")
    if kind == CHANGED:
        text = f"✏️ {title} has changed:\n" + "\n".join(_changes(payload, zone))
    elif kind == CANCELLED:
        what = "The whole series" if meetup.is_recurring else "It"
        text = (f"❌ {title} on {when_text(parse_stamp(payload['start']), zone)} is cancelled. "
                f"{what} will not take place.")
    elif kind == SKIPPED:
        text = (f"⏭ {title} on {when_text(parse_stamp(payload['start']), zone)} is skipped; "
                "the series goes on after that.")
    elif kind == MOVED:
        text = (f"🔀 {title}: the session of {when_text(parse_stamp(payload['start']), zone)} "
                f"moves to {when_text(parse_stamp(payload['start_new']), zone)}.")
    elif kind == PROMOTED:
        text = (f"🎉 A seat opened up: you're now going to {title} "
                f"({when_text(parse_stamp(payload['start']), zone)}). "
                f"Can't make it? Tap Can't go so the next person gets the seat.")
    else:
        text = f"{title} was updated."
    buttons = () if kind == CANCELLED else (
        Button("Details", f"/meetup info {meetup.id}"),
        Button("Can't go", f"/rsvp {meetup.id} no"),
    )
    return Reply(text=text, buttons=buttons)


def _changes(payload: Mapping[str, str], zone: str) -> list[str]:
    lines = []
    if "start_new" in payload:
        end = parse_stamp(payload["end_new"]) if "end_new" in payload else None
        lines.append(f"• When: {when_text(parse_stamp(payload['start_old']), zone)} → "
                     f"{when_text(parse_stamp(payload['start_new']), zone, end)}")
    for name, label in (("where", "Where"), ("title", "Title"), ("repeats", "Repeats")):
        if f"{name}_new" in payload:
            old = safe(payload[f"{name}_old"], 300) or "—"
            new = safe(payload[f"{name}_new"], 300) or "—"
            lines.append(f"• {label}: {old} → {new}")
    return lines


def _repeats(meetup: Meetup) -> str:
    return "" if meetup.rrule is None else recurrence.describe(meetup.rrule)
