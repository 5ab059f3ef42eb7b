"""Cards, buttons and wording of matching's replies and direct messages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from bot.domain.profile import Profile
from bot.matching.domain import CheckinAnswer
from bot.matching.overlap import zone
from bot.matching.ranking import Suggestion
from bot.replies import Button, ButtonStyle, Card, Field
from bot.text import neutralize_mentions, shorten
from bot.views.profile_card import experience_text

_LIST_LIMIT = 8
_FIELD_LIMIT = 900


def name_of(display_name: str) -> str:
    """A member's name, safe to echo."""
    return neutralize_mentions(shorten(display_name, 80))


def when(moment: datetime, timezone: str | None = None) -> str:
    """A moment as people read it, in their zone when known (else UTC)."""
    tz = zone(timezone)
    local = moment.astimezone(tz) if tz is not None else moment
    label = timezone if tz is not None else "UTC"
    return f"{local:%a %d %b %Y, %H:%M} ({label})"


def span(delta: timedelta) -> str:
    """A duration in the largest sensible unit: "2 weeks", "1.5 days", "45 seconds"."""
    seconds = delta.total_seconds()
    for unit, size in (("week", 604800), ("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size and (unit != "week" or seconds % size == 0):
            break
    else:
        unit, size = "second", 1
    amount = f"{seconds / size:.1f}".rstrip("0").rstrip(".")
    return f"{amount} {unit}{'' if amount == '1' else 's'}"


def _names(names: Sequence[str]) -> str:
    shown = list(names[:_LIST_LIMIT])
    more = len(names) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def person_card(title: str, profile: Profile | None, extra: Sequence[Field] = ()) -> Card:
    """A compact card of a member: skills, learning goals, experience and time zone."""
    fields: list[Field] = []
    if profile is not None:
        skills = _names([c.name for c in profile.skills])
        learning = _names([c.name for c in profile.learning])
        fields.append(Field("Knows", shorten(skills or "Not said", _FIELD_LIMIT)))
        fields.append(Field("Learning", shorten(learning or "Not said", _FIELD_LIMIT)))
        fields.append(Field("Experience", experience_text(profile), inline=True))
        fields.append(Field("Timezone", profile.timezone or "Not said", inline=True))
    else:
        fields.append(Field("Profile", "No introduction yet"))
    return Card(title=title, fields=(*fields, *extra))


def reasons_text(reasons: Sequence[str]) -> str:
    """Reasons as a bulleted list."""
    return "\n".join(f"• {reason}" for reason in reasons)


def suggestion_card(rank: int, name: str, suggestion: Suggestion) -> Card:
    """One suggested mentor with their score and reasons."""
    return Card(
        title=f"{rank}. {name} · score {suggestion.score:.0f}",
        description=reasons_text(suggestion.reasons),
    )


def request_button(member_id: int, name: str, topic: str | None) -> Button:
    """The button that asks a suggested mentor."""
    command = f"/match request {member_id}" + (f" {topic}" if topic else "")
    return Button(f"Ask {name}", command, ButtonStyle.PRIMARY)


def answer_buttons(request_id: int) -> tuple[Button, ...]:
    """Accept / Decline for a mentor."""
    return (
        Button("Accept", f"/match accept {request_id}", ButtonStyle.PRIMARY),
        Button("Decline", f"/match decline {request_id}", ButtonStyle.SECONDARY),
    )


CHECKIN_LABELS = {
    CheckinAnswer.MET: ("We met", "met"),
    CheckinAnswer.SCHEDULED: ("It's scheduled", "scheduled"),
    CheckinAnswer.NOT_YET: ("Not yet", "notyet"),
    CheckinAnswer.NOT_WORKING: ("It's not working", "notworking"),
}


def checkin_buttons(pairing_id: int) -> tuple[Button, ...]:
    """The "Did you meet?" answers."""
    return tuple(
        Button(label, f"/match checkin {pairing_id} {word}",
               ButtonStyle.DANGER if answer is CheckinAnswer.NOT_WORKING
               else ButtonStyle.SECONDARY)
        for answer, (label, word) in CHECKIN_LABELS.items()
    )


def rating_buttons(pairing_id: int) -> tuple[Button, ...]:
    """1–5 stars for the mentor."""
    return tuple(
        Button("★" * stars, f"/match rate {pairing_id} {stars}") for stars in range(1, 6)
    )
