"""Storage contract of meetups and RSVPs, on memory, SQLite and PostgreSQL."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, timedelta, timezone

import pytest

from bot.domain.community import Platform
from bot.domain.profile import ParsedIntro, Profile, ProfileEdits
from bot.meetups.domain import Contact, MeetupStatus, Move, Rsvp, RsvpCounts, RsvpStatus
from storage.tables_meetups import deliveries, rsvps
from tests.storage.contract import Backend
from tests.support.meetups import T0, meetup_for, reminder, rsvp, seed_meetup


async def test_a_meetup_round_trips_with_skips_moves_and_offsets(backend: Backend) -> None:
    community, (ann,), _ = await seed_meetup(backend.uow, "ann")
    kolkata = timezone(timedelta(hours=5, minutes=30))
    start = (T0 + timedelta(days=2)).astimezone(kolkata)
    series = meetup_for(
        community, ann, title="Go 🐹 « night »", description="Line 1\nLine 2", starts_at=start,
        rrule="FREQ=WEEKLY;BYDAY=TH", capacity=20,
        reminder_offsets=(timedelta(hours=24), timedelta(seconds=10)),
        skipped=frozenset({T0 + timedelta(days=9)}),
        moves=(Move(T0 + timedelta(days=16), T0 + timedelta(days=17)),),
        channel="events", announcement_id="msg-1", revision=3,
    )
    async with backend.uow() as uow:
        stored = await uow.meetups.events.add(series)
        await uow.commit()
    assert stored.id > 0
    async with backend.uow() as uow:
        loaded = await uow.meetups.events.get(community.id, stored.id)
    assert loaded == replace(series, id=stored.id, starts_at=start.astimezone(UTC))
    assert loaded is not None
    assert loaded.starts_at.tzinfo is UTC


async def test_save_replaces_fields_and_exceptions(backend: Backend) -> None:
    community, _, meetup = await seed_meetup(backend.uow, "ann", rrule="FREQ=WEEKLY")
    changed = replace(
        meetup, title="New", location="", capacity=None, reminder_offsets=(),
        skipped=frozenset({meetup.starts_at + timedelta(weeks=1)}), status=MeetupStatus.CANCELLED,
        updated_at=T0 + timedelta(hours=1),
    )
    async with backend.uow() as uow:
        await uow.meetups.events.save(changed)
        await uow.commit()
    async with backend.uow() as uow:
        assert await uow.meetups.events.get(community.id, meetup.id) == changed
        await uow.meetups.events.save(replace(changed, skipped=frozenset()))
        await uow.commit()
    async with backend.uow() as uow:
        found = await uow.meetups.events.get(community.id, meetup.id)
    assert found is not None
    assert found.skipped == frozenset()
    assert found.reminder_offsets == ()


async def test_meetups_are_scoped_by_community(backend: Backend) -> None:
    community, (ann,), meetup = await seed_meetup(backend.uow, "ann")
    other, _, foreign = await seed_meetup(backend.uow, "zed", platform=Platform.SLACK,
                                          community_id="other")
    async with backend.uow() as uow:
        assert await uow.meetups.events.get(other.id, meetup.id) is None
        assert await uow.meetups.events.get(community.id, foreign.id) is None
        assert [m.id for m in await uow.meetups.events.find(
            community.id, tuple(MeetupStatus))] == [meetup.id]
        with pytest.raises(LookupError):
            await uow.meetups.events.save(replace(meetup, community_id=other.id))
        with pytest.raises(LookupError):
            await uow.meetups.events.add(meetup_for(other, ann))


async def test_find_filters_by_status_and_orders_by_start(backend: Backend) -> None:
    community, (ann,), first = await seed_meetup(backend.uow, "ann",
                                                 starts_at=T0 + timedelta(days=5))
    async with backend.uow() as uow:
        early = await uow.meetups.events.add(meetup_for(community, ann, starts_at=T0))
        draft = await uow.meetups.events.add(meetup_for(community, ann,
                                                        status=MeetupStatus.DRAFT))
        await uow.commit()
    async with backend.uow() as uow:
        scheduled = await uow.meetups.events.find(community.id, [MeetupStatus.SCHEDULED])
        drafts = await uow.meetups.events.find(community.id, [MeetupStatus.DRAFT])
        ids = await uow.meetups.events.community_ids(MeetupStatus.DRAFT)
    assert [m.id for m in scheduled] == [early.id, first.id]
    assert [m.id for m in drafts] == [draft.id]
    assert ids == [community.id]


async def test_rsvps_upsert_list_count_and_check_their_targets(backend: Backend) -> None:
    community, (ann, bob, cat), meetup = await seed_meetup(backend.uow, "ann", "bob", "cat")
    await rsvp(backend.uow, meetup, bob, RsvpStatus.GOING, T0 + timedelta(minutes=2))
    await rsvp(backend.uow, meetup, ann, RsvpStatus.WAITLISTED, T0 + timedelta(minutes=1))
    await rsvp(backend.uow, meetup, cat, RsvpStatus.MAYBE, T0)
    await rsvp(backend.uow, meetup, ann, RsvpStatus.NO, T0 + timedelta(minutes=3))
    async with backend.uow() as uow:
        listed = await uow.meetups.rsvps.for_meetup(community.id, meetup.id)
        counts = await uow.meetups.rsvps.counts(community.id, [meetup.id, 999])
        one = await uow.meetups.rsvps.get(community.id, meetup.id, ann.id)
        with pytest.raises(LookupError):
            await uow.meetups.rsvps.put(replace(listed[0], meetup_id=999))
        with pytest.raises(LookupError):
            await uow.meetups.rsvps.put(replace(listed[0], member_id=999_999))
    assert [(r.member_id, r.status) for r in listed] == [
        (cat.id, RsvpStatus.MAYBE), (bob.id, RsvpStatus.GOING), (ann.id, RsvpStatus.NO)
    ]
    assert counts == {meetup.id: RsvpCounts(going=1, maybe=1, no=1)}
    assert one is not None
    assert one.responded_at == T0 + timedelta(minutes=3)


async def test_contacts_carry_the_profile_timezone_edit_first(backend: Backend) -> None:
    community, (ann, bob), _ = await seed_meetup(backend.uow, "ann", "bob")
    async with backend.uow() as uow:
        parsed = ParsedIntro(timezone="Asia/Tokyo")
        await uow.profiles.save(Profile(community.id, ann.id, "", parsed,
                                        ProfileEdits(timezone="Europe/Berlin"), T0, T0))
        await uow.profiles.save(Profile(community.id, bob.id, "", parsed, ProfileEdits(), T0, T0))
        await uow.commit()
    async with backend.uow() as uow:
        found = await uow.meetups.rsvps.contacts(community.id, [ann.id, bob.id, 999_999])
        foreign = await uow.meetups.rsvps.contacts(community.id + 1000, [ann.id])
    assert found == {
        ann.id: Contact(ann.id, "ann", "Ann", "Europe/Berlin"),
        bob.id: Contact(bob.id, "bob", "Bob", "Asia/Tokyo"),
    }
    assert foreign == {}


async def test_deleting_a_member_erases_their_rsvps_and_deliveries(backend: Backend) -> None:
    community, (ann, bob), meetup = await seed_meetup(backend.uow, "ann", "bob")
    for member in (ann, bob):
        await rsvp(backend.uow, meetup, member)
    async with backend.uow() as uow:
        await uow.meetups.deliveries.add([reminder(meetup, ann), reminder(meetup, bob)])
        await uow.commit()
    async with backend.uow() as uow:
        assert await uow.members.delete(community.id, ann.id)
        await uow.commit()
    async with backend.uow() as uow:
        left = await uow.meetups.rsvps.for_meetup(community.id, meetup.id)
        owed = await uow.meetups.deliveries.for_meetup(community.id, meetup.id)
        kept = await uow.meetups.events.get(community.id, meetup.id)
    assert [r.member_id for r in left] == [bob.id]
    assert [d.member_id for d in owed] == [bob.id]
    assert kept is not None
    assert kept.organizer_id is None
    if backend.engine is not None:
        assert await backend.count(rsvps, attendee_id=ann.id) == 0
        assert await backend.count(deliveries, recipient_member_id=ann.id) == 0


async def test_deleting_a_meetup_deletes_its_rsvps_and_deliveries(backend: Backend) -> None:
    community, (ann,), meetup = await seed_meetup(backend.uow, "ann")
    await rsvp(backend.uow, meetup, ann)
    async with backend.uow() as uow:
        await uow.meetups.deliveries.add([reminder(meetup, ann)])
        await uow.commit()
    async with backend.uow() as uow:
        assert await uow.meetups.events.delete(community.id, meetup.id) is True
        assert await uow.meetups.events.delete(community.id, meetup.id) is False
        await uow.commit()
    async with backend.uow() as uow:
        assert await uow.meetups.events.get(community.id, meetup.id) is None
        assert await uow.meetups.rsvps.for_meetup(community.id, meetup.id) == []
        assert await uow.meetups.deliveries.for_meetup(community.id, meetup.id) == []


async def test_naive_times_and_nul_text_are_refused(backend: Backend) -> None:
    community, (ann,), meetup = await seed_meetup(backend.uow, "ann")
    async with backend.uow() as uow:
        with pytest.raises(ValueError, match="timezone-aware"):
            await uow.meetups.events.add(
                meetup_for(community, ann, starts_at=T0.replace(tzinfo=None))
            )
        with pytest.raises(ValueError, match="NUL"):
            await uow.meetups.events.save(replace(meetup, title="a\x00b"))
        with pytest.raises(ValueError, match="title"):
            await uow.meetups.events.save(replace(meetup, title="  "))


async def test_uncommitted_meetup_work_is_rolled_back(backend: Backend) -> None:
    community, (ann,), meetup = await seed_meetup(backend.uow, "ann")
    async with backend.uow() as uow:
        await uow.meetups.events.save(replace(meetup, title="Changed"))
        await uow.meetups.rsvps.put(Rsvp(community.id, meetup.id, ann.id, RsvpStatus.GOING, T0))
    async with backend.uow() as uow:
        found = await uow.meetups.events.get(community.id, meetup.id)
        assert found is not None
        assert found.title == meetup.title
        assert await uow.meetups.rsvps.for_meetup(community.id, meetup.id) == []



async def test_the_export_holds_meetups_rsvps_and_deliveries_of_one_community(
    backend: Backend,
) -> None:
    community, (ann,), meetup = await seed_meetup(backend.uow, "ann", capacity=3,
                                                  reminder_offsets=(timedelta(hours=1),))
    await seed_meetup(backend.uow, "zed", platform=Platform.SLACK, community_id="other")
    await rsvp(backend.uow, meetup, ann)
    async with backend.uow() as uow:
        await uow.meetups.deliveries.add([reminder(meetup, ann)])
        await uow.commit()
    async with backend.uow() as uow:
        sections = await uow.meetups.export_for_community(community.id)
    json.dumps(sections)
    (exported,) = sections["meetups"]
    assert exported["id"] == meetup.id
    assert exported["duration_seconds"] == 7200
    assert exported["reminder_offsets_seconds"] == [3600]
    assert exported["starts_at"] == meetup.starts_at.isoformat()
    assert [r["member_id"] for r in sections["rsvps"]] == [ann.id]
    (owed,) = sections["deliveries"]
    assert owed["member_id"] == ann.id
    assert owed["offset"] == 3600
    assert owed["status"] == "pending"
