"""The request flow: ask, accept (pairing, introductions), decline, cancel, one open request."""

from __future__ import annotations

from datetime import timedelta

from bot.matching.config import MatchingConfig
from tests.bot.matching.harness import Harness, everything


async def pair_up() -> Harness:
    h = Harness()
    await h.person("rosa", knows="Rust, Go", mentor=True, capacity=1)
    await h.person("otto", knows="Rust", zone="America/New_York", mentor=True)
    await h.person("ana", learns="Rust")
    await h.ok("ana", "/match")
    return h


async def test_asking_sends_the_mentor_the_mentees_card_and_two_buttons() -> None:
    h = await pair_up()
    reply = await h.ok("ana", f"/match request {await h.member_id('rosa')}")
    assert reply.text == (
        "I've asked Rosa (request #1). They have 3 days to answer, and I'll tell you either way."
    )
    dm = h.dms("rosa")[-1]
    assert dm.text.startswith("Ana would like you as their mentor. Please answer by ")
    assert dm.cards[0].title == "Ana (request #1)"
    assert "Learning: Rust" in everything(dm)
    assert dm.cards[1].title == "Why I suggested you"
    assert "• Knows Rust, a learning goal" in dm.cards[1].description
    assert [b.command for b in dm.buttons] == ["/match accept 1", "/match decline 1"]


async def test_accepting_pairs_them_introduces_both_and_plans_a_checkin() -> None:
    h = await pair_up()
    await h.ok("ana", f"/match request {await h.member_id('rosa')}")
    reply = await h.ok("rosa", "/match accept 1")
    assert reply.text == "You're now mentoring Ana 🎉 I've introduced you both by DM."
    assert h.last_dm("ana").startswith("Good news: Rosa accepted — meet your mentor!")
    assert "I'll check in with you both in 2 weeks." in h.last_dm("ana")
    assert "Your mentor Rosa" in h.last_dm("ana")
    assert h.last_dm("rosa").startswith("Meet your mentee Ana!")
    assert "Mentees: 1 of 1" in everything(await h.ok("rosa", "/mentor"))
    again = await h.say("rosa", "/match accept 1")
    assert again.is_error
    assert "was already accepted" in again.text
    # Full now: she is no longer suggested to others.
    await h.person("ben", learns="Rust")
    assert [c.title.split(" · ")[0] for c in (await h.ok("ben", "/match")).cards] == ["1. Otto"]


async def test_declining_tells_the_mentee_kindly_and_offers_the_next_match() -> None:
    h = await pair_up()
    await h.ok("ana", f"/match request {await h.member_id('rosa')}")
    reply = await h.ok("rosa", "/match decline 1")
    assert "I've let Ana know kindly" in reply.text
    told = h.dms("ana")[-1]
    assert told.text.startswith("Rosa can't take on a mentee right now — no hard feelings")
    assert told.cards[0].title.startswith("1. Otto")
    assert told.buttons[0].command == f"/match request {await h.member_id('otto')}"
    assert "Rosa" not in everything(await h.ok("ana", "/match"))


async def test_one_open_request_at_a_time_and_withdrawing_it() -> None:
    h = await pair_up()
    rosa, otto = await h.member_id("rosa"), await h.member_id("otto")
    await h.ok("ana", f"/match request {rosa}")
    second = await h.say("ana", f"/match request {otto}")
    assert second.is_error
    assert "You already asked Rosa (request #1)" in second.text
    assert "/match cancel 1" in second.text
    withdrawn = await h.ok("ana", "/match cancel 1")
    assert withdrawn.text.startswith("Withdrawn: your request to Rosa.")
    assert "Ana withdrew their mentoring request #1" in h.last_dm("rosa")
    late = await h.say("rosa", "/match accept 1")
    assert late.is_error
    assert "was withdrawn" in late.text
    await h.ok("ana", f"/match request {otto}")
    again = await h.say("ana", f"/match request {rosa}")
    assert again.is_error


async def test_more_open_requests_when_configured_and_the_rest_withdrawn_on_accept() -> None:
    h = Harness(MatchingConfig(open_requests_per_mentee=2))
    await h.person("rosa", knows="Rust", mentor=True)
    await h.person("otto", knows="Rust", mentor=True)
    await h.person("ana", learns="Rust")
    await h.ok("ana", f"/match request {await h.member_id('rosa')}")
    await h.ok("ana", f"/match request {await h.member_id('otto')}")
    await h.ok("otto", "/match accept 2")
    assert "Ana found a mentor, so their request #1 to you is withdrawn" in h.last_dm("rosa")
    assert (await h.say("rosa", "/match accept 1")).is_error


async def test_asking_someone_who_cannot_take_you_is_explained() -> None:
    h = await pair_up()
    await h.person("nomentor", knows="Rust")
    await h.person("pythonista", knows="Python", mentor=True)
    cases = {
        "/match request 999": "I can't find that mentor here",
        f"/match request {await h.member_id('ana')}": "can't be your own mentor",
        f"/match request {await h.member_id('nomentor')}": "isn't offering mentoring",
        f"/match request {await h.member_id('pythonista')}": "doesn't mentor on anything",
    }
    for line, message in cases.items():
        reply = await h.say("ana", line)
        assert reply.is_error, line
        assert message in reply.text, (line, reply.text)
    await h.ok("otto", "/mentor pause 1 week")
    paused = await h.say("ana", f"/match request {await h.member_id('otto')}")
    assert "taking a break" in paused.text


async def test_only_the_mentor_can_answer_and_an_expired_request_cannot_be_accepted() -> None:
    h = await pair_up()
    await h.ok("ana", f"/match request {await h.member_id('rosa')}")
    stranger = await h.say("otto", "/match accept 1")
    assert stranger.is_error
    assert "can't find that request" in stranger.text
    assert (await h.say("otto", "/match cancel 1")).is_error
    h.clock.advance(timedelta(days=4))  # the sweep has not run yet
    late = await h.say("rosa", "/match accept 1")
    assert late.is_error
    assert "had expired" in late.text
    assert "Rosa didn't answer your request in time" in h.last_dm("ana")


async def test_a_full_mentor_keeps_the_request_open_and_can_raise_capacity() -> None:
    h = await pair_up()
    await h.person("ben", learns="Rust")
    rosa = await h.member_id("rosa")
    await h.ok("ana", f"/match request {rosa}")
    await h.ok("ben", f"/match request {rosa}")
    await h.ok("rosa", "/match accept 1")
    full = await h.say("rosa", "/match accept 2")
    assert full.is_error
    assert "no free mentee slot (1 of 1 taken)" in full.text
    assert "/mentor on 2" in full.text
    await h.ok("rosa", "/mentor on 2")
    await h.ok("rosa", "/match accept 2")
    assert "Mentees: 2 of 2" in everything(await h.ok("rosa", "/mentor"))
