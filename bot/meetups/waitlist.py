"""RSVP rules: a capacity turns later "going" answers into a waitlist, promoted in order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.meetups.domain import Rsvp, RsvpStatus


@dataclass(frozen=True, slots=True)
class RsvpChange:
    """A member's new answer, their old one, and who moved up from the waitlist because of it."""

    rsvp: Rsvp
    previous: Rsvp | None
    promoted: tuple[Rsvp, ...] = ()

    @property
    def changed(self) -> bool:
        """Whether the stored answer changes."""
        return self.previous is None or self.previous.status is not self.rsvp.status

    @property
    def joined(self) -> bool:
        """Whether the member now has a seat and did not before."""
        return self.rsvp.status is RsvpStatus.GOING and not _going(self.previous)

    @property
    def left(self) -> bool:
        """Whether the member gave up a seat."""
        return _going(self.previous) and self.rsvp.status is not RsvpStatus.GOING


def answer(
    rsvps: Sequence[Rsvp],
    rsvp: Rsvp,
    capacity: int | None,
) -> RsvpChange:
    """Apply one answer (GOING, MAYBE or NO) to the meetup's current answers."""
    if rsvp.status is RsvpStatus.WAITLISTED:
        raise ValueError("members answer going, maybe or no; the waitlist is decided here")
    previous = next((r for r in rsvps if r.member_id == rsvp.member_id), None)
    others = [r for r in rsvps if r.member_id != rsvp.member_id]
    if rsvp.status is RsvpStatus.GOING and previous is not None and previous.status in (
        RsvpStatus.GOING, RsvpStatus.WAITLISTED
    ):
        new = previous  # already has a seat or a place in the queue: keep it
    elif rsvp.status is RsvpStatus.GOING and capacity is not None and sum(
        1 for r in others if r.status is RsvpStatus.GOING
    ) >= capacity:
        new = replace(rsvp, status=RsvpStatus.WAITLISTED)
    elif previous is not None and previous.status is rsvp.status:
        new = previous
    else:
        new = rsvp
    return RsvpChange(new, previous, promotions([*others, new], capacity))


def promotions(rsvps: Sequence[Rsvp], capacity: int | None) -> tuple[Rsvp, ...]:
    """Waitlisted members who now fit, first come first served, as GOING."""
    going = sum(1 for r in rsvps if r.status is RsvpStatus.GOING)
    free = len(rsvps) if capacity is None else max(capacity - going, 0)
    queue = sorted(
        (r for r in rsvps if r.status is RsvpStatus.WAITLISTED),
        key=lambda r: (r.responded_at, r.member_id),
    )
    return tuple(replace(r, status=RsvpStatus.GOING) for r in queue[:free])


def waitlist_position(rsvps: Sequence[Rsvp], member_id: int) -> int | None:
    """1-based place in the queue, or None if not waitlisted."""
    queue = sorted(
        (r for r in rsvps if r.status is RsvpStatus.WAITLISTED),
        key=lambda r: (r.responded_at, r.member_id),
    )
    return next((i for i, r in enumerate(queue, 1) if r.member_id == member_id), None)


def _going(rsvp: Rsvp | None) -> bool:
    return rsvp is not None and rsvp.status is RsvpStatus.GOING

