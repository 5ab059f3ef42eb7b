"""Sessions of a series (skips and moves) and the RSVP waitlist rules."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.meetups.domain import Meetup, Rsvp, RsvpStatus
from bot.meetups.waitlist import answer, promotions, waitlist_position

NOW = datetime(2026, 11, 21, 11, 0, tzinfo=UTC)
THU = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)  # Thursday 19:00 Berlin
WEEK = timedelta(weeks=1)


def series(**fields: object) -> Meetup:
    values: dict[str, object] = {
        "id": 7, "community_id": 1, "organizer_id": None, "title": "Go", "starts_at": THU,
        "timezone": "Europe/Berlin", "rrule": "FREQ=WEEKLY;BYDAY=TH", "created_at": NOW,
        "updated_at": NOW,
    } | fields
    return Meetup(**values)  # type: ignore[arg-type]


def test_skips_drop_a_session_and_moves_shift_one() -> None:
    meetup = series().with_skip(THU + WEEK).with_move(THU + 2 * WEEK,
                                                      THU + 2 * WEEK + timedelta(days=1))
    sessions = meetup.occurrences(NOW, THU + 4 * WEEK)
    assert [(s.original, s.starts_at) for s in sessions] == [
        (THU, THU),
        (THU + 2 * WEEK, THU + 2 * WEEK + timedelta(days=1)),
        (THU + 3 * WEEK, THU + 3 * WEEK),
    ]
    assert sessions[1].moved
    assert sessions[1].ends_at == sessions[1].starts_at + timedelta(hours=2)


def test_a_session_moved_into_the_window_from_outside_is_included() -> None:
    meetup = series().with_move(THU + 3 * WEEK, THU + timedelta(days=1))
    found = meetup.occurrences(THU + timedelta(hours=1), THU + 2 * WEEK)
    assert [s.starts_at for s in found] == [THU + timedelta(days=1), THU + WEEK]


def test_moving_a_session_back_to_its_slot_clears_the_move_and_a_skip_clears_a_move() -> None:
    moved = series().with_move(THU, THU + timedelta(hours=1))
    assert moved.with_move(THU, THU).moves == ()
    skipped = moved.with_skip(THU)
    assert skipped.moves == ()
    assert THU in skipped.skipped
    assert skipped.with_move(THU, THU + timedelta(hours=2)).skipped == frozenset()


def test_upcoming_includes_a_running_session_and_the_next_one() -> None:
    meetup = series()
    during = THU + timedelta(hours=1)
    assert [s.starts_at for s in meetup.upcoming(during, 2)] == [THU, THU + WEEK]
    assert meetup.next_occurrence(THU + timedelta(hours=2)).starts_at == THU + WEEK  # type: ignore[union-attr]


def test_a_bounded_series_ends() -> None:
    meetup = series(rrule="FREQ=WEEKLY;COUNT=2")
    assert meetup.next_occurrence(THU + WEEK + timedelta(hours=3)) is None


def test_one_off_meetups_have_one_session() -> None:
    one = series(rrule=None)
    assert [s.starts_at for s in one.occurrences(NOW, THU + 9 * WEEK)] == [THU]
    assert one.next_occurrence(THU + timedelta(hours=2)) is None


def test_finding_a_session_by_its_local_day() -> None:
    meetup = series().with_move(THU + WEEK, THU + WEEK + timedelta(days=1))
    assert meetup.occurrence_on(date(2026, 11, 26), NOW).starts_at == THU  # type: ignore[union-attr]
    by_new_day = meetup.occurrence_on(date(2026, 12, 4), NOW)
    by_old_day = meetup.occurrence_on(date(2026, 12, 3), NOW)
    assert by_new_day == by_old_day
    assert by_new_day is not None
    assert by_new_day.original == THU + WEEK
    assert meetup.occurrence_on(date(2026, 11, 27), NOW) is None
    assert meetup.scheduled_original(THU + WEEK)
    assert not meetup.scheduled_original(THU + timedelta(hours=1))


def answered(member: int, status: RsvpStatus, minute: int) -> Rsvp:
    return Rsvp(1, 7, member, status, NOW + timedelta(minutes=minute))


def test_going_beyond_capacity_joins_the_waitlist_in_order() -> None:
    rsvps = [answered(1, RsvpStatus.GOING, 0), answered(2, RsvpStatus.GOING, 1)]
    late = answer(rsvps, answered(3, RsvpStatus.GOING, 2), capacity=2)
    later = answer([*rsvps, late.rsvp], answered(4, RsvpStatus.GOING, 3), capacity=2)
    assert late.rsvp.status is RsvpStatus.WAITLISTED
    assert not late.joined
    assert waitlist_position([*rsvps, late.rsvp, later.rsvp], 4) == 2


def test_a_goer_leaving_promotes_the_first_in_the_queue() -> None:
    rsvps = [answered(1, RsvpStatus.GOING, 0), answered(2, RsvpStatus.GOING, 1),
             answered(4, RsvpStatus.WAITLISTED, 3), answered(3, RsvpStatus.WAITLISTED, 2)]
    change = answer(rsvps, answered(1, RsvpStatus.NO, 5), capacity=2)
    assert change.left
    assert [(r.member_id, r.status) for r in change.promoted] == [(3, RsvpStatus.GOING)]
    assert change.promoted[0].responded_at == NOW + timedelta(minutes=2)


def test_answering_going_again_keeps_your_seat_or_your_place() -> None:
    rsvps = [answered(1, RsvpStatus.GOING, 0), answered(2, RsvpStatus.WAITLISTED, 1)]
    seat = answer(rsvps, answered(1, RsvpStatus.GOING, 9), capacity=1)
    place = answer(rsvps, answered(2, RsvpStatus.GOING, 9), capacity=1)
    assert seat.rsvp == rsvps[0]
    assert not seat.changed
    assert place.rsvp == rsvps[1]
    assert not place.changed


def test_maybe_and_no_never_take_a_seat() -> None:
    change = answer([], answered(1, RsvpStatus.MAYBE, 0), capacity=1)
    assert change.rsvp.status is RsvpStatus.MAYBE
    assert not change.joined
    with pytest.raises(ValueError, match="waitlist"):
        answer([], answered(1, RsvpStatus.WAITLISTED, 0), capacity=1)


def test_more_seats_or_no_limit_empty_the_queue() -> None:
    rsvps = [answered(1, RsvpStatus.GOING, 0), answered(2, RsvpStatus.WAITLISTED, 1),
             answered(3, RsvpStatus.WAITLISTED, 2)]
    assert [r.member_id for r in promotions(rsvps, 2)] == [2]
    assert [r.member_id for r in promotions(rsvps, None)] == [2, 3]
    assert promotions(rsvps, 1) == ()
