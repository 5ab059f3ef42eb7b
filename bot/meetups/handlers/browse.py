"""Use cases: list upcoming meetups, show one, and give its calendar file."""

from __future__ import annotations

from bot.meetups.commands import ListMeetups, MeetupCalendar, ShowMeetup
from bot.meetups.domain import Meetup, MeetupStatus, RsvpCounts
from bot.meetups.ics import CONTENT_TYPE, calendar, filename_for
from bot.meetups.service import member_zone, not_found, visible_meetup
from bot.meetups.views import (
    ANSWER_WORDS,
    counts_text,
    meetup_card,
    rsvp_buttons,
    safe,
    when_text,
)
from bot.meetups.waitlist import waitlist_position
from bot.replies import Attachment, Button, Card, Field, Reply
from bot.services import Services, known_member

LIST_LIMIT = 20
_NONE_YET = "No upcoming meetups yet. Organizers create one with /meetup create."


async def list_meetups(cmd: ListMeetups, svc: Services) -> Reply:
    """Upcoming meetups (and the member's own unconfirmed previews), soonest first."""
    now = svc.clock.now()
    async with svc.uow(read_only=True) as uow:
        community, member = await known_member(uow, cmd.actor)
        if community is None:
            return Reply(text=_NONE_YET)
        member_id = member.id if member is not None else None
        zone = await member_zone(uow, community.id, member_id) if member_id else "UTC"
        found = await uow.meetups.events.find(
            community.id, (MeetupStatus.SCHEDULED, MeetupStatus.DRAFT)
        )
        mine = [m for m in found
                if m.status is MeetupStatus.SCHEDULED or m.organizer_id == member_id]
        pairs = [(m, s) for m in mine if (s := m.next_occurrence(now)) is not None]
        upcoming = sorted(pairs, key=lambda pair: (pair[1].starts_at, pair[0].id))[:LIST_LIMIT]
        counts = await uow.meetups.rsvps.counts(community.id, [m.id for m, _ in upcoming])
        answers = {}
        if member_id is not None:
            for meetup, _ in upcoming:
                rsvp = await uow.meetups.rsvps.get(community.id, meetup.id, member_id)
                if rsvp is not None:
                    answers[meetup.id] = ANSWER_WORDS[rsvp.status]
    if not upcoming:
        return Reply(text=_NONE_YET)
    fields = []
    for meetup, session in upcoming:
        parts = [when_text(session.starts_at, zone)]
        if meetup.location:
            parts.append(safe(meetup.location, 200))
        parts.append(counts_text(meetup, counts.get(meetup.id, RsvpCounts())))
        if meetup.status is MeetupStatus.DRAFT:
            parts.append(f"preview: /meetup confirm {meetup.id}")
        elif meetup.id in answers:
            parts.append(f"you: {answers[meetup.id]}")
        fields.append(Field(f"#{meetup.id} {safe(meetup.title, 200)}", " · ".join(parts)))
    card = Card(title="Upcoming meetups", fields=tuple(fields),
                footer=f"Times in {zone} · /meetup info <id> for details")
    return Reply(cards=(card,))


async def show_meetup(cmd: ShowMeetup, svc: Services) -> Reply:
    """One meetup's card in the member's zone, with their answer and RSVP buttons."""
    now = svc.clock.now()
    async with svc.uow(read_only=True) as uow:
        community, member = await known_member(uow, cmd.actor)
        if community is None:
            return not_found(cmd.meetup_id)
        member_id = member.id if member is not None else None
        meetup = await visible_meetup(uow, community, cmd.meetup_id, member_id)
        if meetup is None:
            return not_found(cmd.meetup_id)
        zone = await member_zone(uow, community.id, member_id) if member_id else "UTC"
        rsvps = await uow.meetups.rsvps.for_meetup(community.id, meetup.id)
        counts = (await uow.meetups.rsvps.counts(community.id, [meetup.id])).get(meetup.id)
    mine = next((r for r in rsvps if r.member_id == member_id), None)
    answer = None
    if mine is not None:
        answer = ANSWER_WORDS[mine.status]
        position = waitlist_position(rsvps, mine.member_id)
        if position is not None:
            answer += f" (#{position})"
    card = meetup_card(meetup, counts or RsvpCounts(), zone, now, answer)
    buttons = _buttons(meetup)
    return Reply(cards=(card,), buttons=buttons)


async def meetup_calendar(cmd: MeetupCalendar, svc: Services) -> Reply:
    """The meetup (with every session of a series) as an .ics attachment."""
    now = svc.clock.now()
    async with svc.uow(read_only=True) as uow:
        community, member = await known_member(uow, cmd.actor)
        if community is None:
            return not_found(cmd.meetup_id)
        member_id = member.id if member is not None else None
        meetup = await visible_meetup(uow, community, cmd.meetup_id, member_id)
    if meetup is None or meetup.status is MeetupStatus.DRAFT:
        return not_found(cmd.meetup_id)
    data = calendar([meetup], community.name, now)
    attachment = Attachment(filename_for(meetup), CONTENT_TYPE, data)
    return Reply(text=f"Calendar file for {safe(meetup.title, 200)} (#{meetup.id}).",
                 attachments=(attachment,))


def _buttons(meetup: Meetup) -> tuple[Button, ...]:
    if meetup.status is MeetupStatus.SCHEDULED:
        return rsvp_buttons(meetup.id)
    if meetup.status is MeetupStatus.DRAFT:
        return (Button("Confirm", f"/meetup confirm {meetup.id}"),
                Button("Cancel", f"/meetup discard {meetup.id}"))
    return ()
