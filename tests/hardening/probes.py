"""The command lines that name another community's objects by id, and organizer-only lines."""

from __future__ import annotations

from tests.hardening.world import Ids


def foreign_probes(other: Ids) -> list[tuple[str, str]]:
    """(member, command line) pairs that address ``other``'s objects by their ids."""
    return [
        ("alice", f"/meetup info {other.meetup}"),
        ("alice", f"/meetup ics {other.meetup}"),
        ("alice", f"/rsvp {other.meetup} going"),
        ("alice", f"/rsvp {other.meetup} no"),
        ("olga", f"/meetup edit {other.meetup} title=Hijacked"),
        ("olga", f"/meetup cancel {other.meetup}"),
        ("olga", f"/meetup cancel {other.meetup} confirm"),
        ("olga", f"/meetup confirm {other.draft}"),
        ("olga", f"/meetup discard {other.draft}"),
        ("olga", f"/meetup skip {other.series} 2026-12-03"),
        ("olga", f"/meetup move {other.series} 2026-12-03 20:00"),
        ("alice", f"/match request {other.mentor_member} Rust"),
        ("mia", f"/match accept {other.request}"),
        ("mia", f"/match decline {other.request}"),
        ("alice", f"/match cancel {other.request}"),
        ("bob", f"/match checkin {other.pairing} met"),
        ("bob", f"/match rate {other.pairing} 5"),
        ("bob", f"/match end {other.pairing}"),
    ]


def organizer_lines(own: Ids) -> list[str]:
    """Every organizer-only command line, aimed at the caller's own community's objects."""
    return [
        '/meetup create title="Takeover" when="next Monday 19:00"',
        f"/meetup edit {own.meetup} title=Hijacked",
        f"/meetup cancel {own.meetup}",
        f"/meetup cancel {own.meetup} confirm",
        f"/meetup confirm {own.draft}",
        f"/meetup discard {own.draft}",
        f"/meetup skip {own.series} 2026-12-03",
        f"/meetup move {own.series} 2026-12-03 20:00",
        "/match round",
    ]


NOT_FOUND_WORDS = ("no meetup", "can't find", "not found")
ORGANIZER_WORDS = ("organizer",)


def says_not_found(text: str) -> bool:
    """Whether a reply says the object does not exist (here)."""
    lowered = text.lower()
    return any(word in lowered for word in NOT_FOUND_WORDS)


def says_organizers_only(text: str) -> bool:
    """Whether a reply says only organizers may do this."""
    return any(word in text.lower() for word in ORGANIZER_WORDS)
