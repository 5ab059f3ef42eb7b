"""Check-ins after the first period, "not working", and ratings that nudge future rankings."""

from __future__ import annotations

from datetime import timedelta

from tests.bot.matching.harness import Harness, everything


async def paired() -> Harness:
    h = Harness()
    await h.person("rosa", knows="Rust", mentor=True, capacity=1)
    await h.person("ana", learns="Rust")
    await h.ok("ana", f"/match request {await h.member_id('rosa')}")
    await h.ok("rosa", "/match accept 1")
    return h


async def test_both_are_asked_did_you_meet_after_the_first_period() -> None:
    h = await paired()
    before = len(h.dms("ana"))
    await h.later(timedelta(days=13))
    assert len(h.dms("ana")) == before
    await h.later(timedelta(days=2))
    for member, partner in (("ana", "Rosa"), ("rosa", "Ana")):
        dm = h.dms(member)[-1]
        assert dm.text.startswith(f"Checking in: did you and {partner} meet?")
        assert [b.command for b in dm.buttons] == [
            "/match checkin 1 met", "/match checkin 1 scheduled", "/match checkin 1 notyet",
            "/match checkin 1 notworking",
        ]
    await h.later(timedelta(days=20))
    assert len(h.dms("ana")) == before + 1  # asked once until someone answers


async def test_met_asks_the_mentee_for_a_rating_once_they_met() -> None:
    h = await paired()
    early = await h.say("ana", "/match rate 1 5")
    assert early.is_error
    assert "once you've met" in early.text
    reply = await h.ok("ana", "/match checkin 1 met")
    assert [b.command for b in reply.buttons] == [f"/match rate 1 {n}" for n in range(1, 6)]
    assert (await h.say("rosa", "/match rate 1 5")).is_error  # only the mentee rates
    assert "You rated it 4/5" in (await h.ok("ana", "/match rate 1 4")).text
    await h.ok("ana", "/match rate 1 5")  # a second rating replaces the first
    assert "Rating: 5.0/5 from 1" in everything(await h.ok("rosa", "/mentor"))


async def test_scheduled_and_not_yet_ask_again_later() -> None:
    h = await paired()
    await h.later(timedelta(days=15))
    asked = len(h.dms("ana"))
    reply = await h.ok("ana", "/match checkin 1 notyet")
    assert "I'll check in again in 2 weeks" in reply.text
    await h.ok("rosa", "/match checkin 1 scheduled")
    await h.later(timedelta(days=10))
    assert len(h.dms("ana")) == asked
    await h.later(timedelta(days=5))
    assert h.last_dm("ana").startswith("Checking in")
    assert len(h.dms("ana")) == asked + 1


async def test_not_working_ends_politely_and_frees_the_slot() -> None:
    h = await paired()
    reply = await h.ok("ana", "/match checkin 1 notworking")
    assert "I've closed your mentorship with Rosa" in reply.text
    assert reply.buttons[0].command == "/match"
    told = h.last_dm("rosa")
    assert "Ana felt your mentorship wasn't working out" in told
    assert "Your mentee slot is free again." in told
    assert "Mentees: 0 of 1" in everything(await h.ok("rosa", "/mentor"))
    ended = await h.ok("ana", "/match checkin 1 met")
    assert "already ended" in ended.text
    await h.later(timedelta(days=30))
    assert not h.last_dm("ana").startswith("Checking in")
    await h.person("ben", learns="Rust")
    assert "Rosa" in (await h.ok("ben", "/match")).cards[0].title


async def test_the_mentor_can_end_it_too_and_strangers_cannot() -> None:
    h = await paired()
    await h.person("eve", learns="Rust")
    assert (await h.say("eve", "/match end 1")).is_error
    reply = await h.ok("rosa", "/match end 1")
    assert "Your mentee slot is free again." in reply.text
    assert "Want to find another mentor?" in h.last_dm("ana")


async def test_ratings_lightly_raise_or_lower_future_rankings() -> None:
    h = Harness()
    await h.person("good", knows="Rust", mentor=True, capacity=3)
    await h.person("meh", knows="Rust", mentor=True, capacity=3)
    for n, (mentee, mentor, stars) in enumerate(
        (("a1", "good", 5), ("a2", "meh", 1)), start=1
    ):
        await h.person(mentee, learns="Rust")
        await h.ok(mentee, f"/match request {await h.member_id(mentor)}")
        await h.ok(mentor, f"/match accept {n}")
        await h.ok(mentee, f"/match checkin {n} met")
        await h.ok(mentee, f"/match rate {n} {stars}")
    await h.person("newbie", learns="Rust")
    reply = await h.ok("newbie", "/match")
    assert [c.title.split(" · ")[0] for c in reply.cards] == ["1. Good", "2. Meh"]
    good = float(reply.cards[0].title.split("score ")[1])
    meh = float(reply.cards[1].title.split("score ")[1])
    assert 0 < good - meh < 10
    assert "• Rated 5.0/5 by 1 mentee" in reply.cards[0].description
