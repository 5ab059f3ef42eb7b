"""``/mentor``: on with capacity and topics, off, pause until a date, resume, ignored requests."""

from __future__ import annotations

from datetime import timedelta

from bot.matching.config import MatchingConfig
from tests.bot.matching.harness import Harness, everything


async def test_on_sets_capacity_and_topics_and_shows_the_status() -> None:
    h = Harness()
    await h.person("rosa", knows="Rust, Go, Python")
    reply = await h.ok("rosa", "/mentor on 3 Rust, Go")
    text = everything(reply)
    assert "You're mentoring" in text
    assert "Mentees: 0 of 3" in text
    assert "Topics: Rust, Go" in text
    profile = everything(await h.ok("rosa", "/profile"))
    assert "Happy to mentor" in profile
    assert "up to 3 mentees" in profile
    await h.person("ana", learns="Python")
    python = await h.ok("ana", "/match")
    assert python.cards == ()  # Python is not one of her topics


async def test_topics_default_to_the_profile_skills_and_all_resets_them() -> None:
    h = Harness()
    await h.person("rosa", knows="Rust, Go")
    status = everything(await h.ok("rosa", "/mentor on"))
    assert "Topics: all your skills: Rust, Go" in status
    assert "Mentees: 0 of 2" in status  # the configured default capacity
    await h.ok("rosa", "/mentor on Rust")
    assert "Topics: Rust" in everything(await h.ok("rosa", "/mentor"))
    await h.ok("rosa", "/mentor on 2")  # a new capacity keeps the topics
    assert "Topics: Rust" in everything(await h.ok("rosa", "/mentor"))
    await h.ok("rosa", "/mentor on all")
    assert "Topics: all your skills" in everything(await h.ok("rosa", "/mentor"))


async def test_topics_without_a_profile_are_enough_and_unknown_topics_are_refused() -> None:
    h = Harness()
    none = await h.say("neo", "/mentor on")
    assert none.is_error
    assert "Introduce yourself first" in none.text
    unknown = await h.say("neo", "/mentor on Rusty Widgets")
    assert unknown.is_error
    assert "Nothing was changed" in unknown.text
    await h.ok("neo", "/mentor on Haskell")
    await h.person("ana", learns="Haskell")
    assert "Neo" in (await h.ok("ana", "/match")).cards[0].title
    skillless = await h.ok("zed", "/profile edit timezone UTC")
    assert not skillless.is_error
    warned = await h.ok("zed", "/mentor on")
    assert "no skills yet" in warned.text


async def test_off_withdraws_open_requests_and_keeps_current_mentorships() -> None:
    h = Harness()
    await h.person("rosa", knows="Rust", mentor=True)
    await h.person("other", knows="Rust", mentor=True)
    await h.person("ana", learns="Rust")
    await h.person("ben", learns="Rust")
    await h.ok("ana", f"/match request {await h.member_id('rosa')}")
    await h.ok("rosa", "/match accept 1")
    await h.ok("ben", f"/match request {await h.member_id('rosa')}")
    reply = await h.ok("rosa", "/mentor off")
    assert "I withdrew 1 open request(s)" in reply.text
    assert "Your 1 current mentorship(s) continue." in reply.text
    told = h.last_dm("ben")
    assert "Rosa has stopped mentoring for now, so I withdrew your request." in told
    assert "Other" in told  # and the next mentor to ask
    assert (await h.ok("ana", "/match status")).cards[0].fields[0].name.startswith("Mentored by")
    again = await h.ok("rosa", "/mentor off")
    assert "weren't offering" in again.text


async def test_pause_until_a_date_then_available_again() -> None:
    h = Harness()
    await h.person("rosa", knows="Rust", mentor=True)
    await h.person("ana", learns="Rust")
    paused = await h.ok("rosa", "/mentor pause 2 weeks")
    assert paused.text.startswith("Paused until Mon 16 Mar 2026, 13:00 (Europe/Berlin).")
    assert (await h.ok("ana", "/match")).cards == ()
    bad = await h.say("rosa", "/mentor pause yesterday")
    assert bad.is_error
    h.clock.advance(timedelta(days=15))
    assert "Rosa" in (await h.ok("ana", "/match")).cards[0].title


async def test_resume_ends_a_pause_now() -> None:
    h = Harness()
    await h.person("rosa", knows="Rust", mentor=True)
    await h.person("ana", learns="Rust")
    assert "not paused" in (await h.ok("rosa", "/mentor resume")).text
    await h.ok("rosa", "/mentor pause 1 month")
    await h.ok("ana", "/match")
    await h.ok("rosa", "/mentor resume")
    assert "Rosa" in h.last_dm("ana")  # she was waiting for a Rust mentor


async def test_ignored_requests_warn_then_pause_the_mentor() -> None:
    h = Harness(MatchingConfig(ignored_requests_threshold=2, request_expiry=timedelta(hours=1)))
    await h.person("rosa", knows="Rust", mentor=True, capacity=5)
    for name in ("ana", "ben"):
        await h.person(name, learns="Rust")
    rosa = await h.member_id("rosa")
    await h.ok("ana", f"/match request {rosa}")
    await h.later(timedelta(hours=2))
    warning = h.last_dm("rosa")
    assert "The mentoring request from Ana expired without an answer" in warning
    assert "If the next one goes unanswered too I'll pause your mentoring" in warning
    assert h.last_dm("ana").startswith("Rosa didn't answer your request in time")
    await h.ok("ben", f"/match request {rosa}")
    await h.later(timedelta(hours=2))
    paused = h.last_dm("rosa")
    assert "so I've paused your mentoring" in paused
    assert "[Resume mentoring → /mentor resume]" in paused
    assert "Paused until you resume" in everything(await h.ok("rosa", "/mentor"))
    assert (await h.ok("ben", "/match")).cards == ()


async def test_an_answer_resets_the_ignored_count() -> None:
    h = Harness(MatchingConfig(ignored_requests_threshold=2, request_expiry=timedelta(hours=1)))
    await h.person("rosa", knows="Rust", mentor=True, capacity=5)
    for name in ("ana", "ben", "cy"):
        await h.person(name, learns="Rust")
    rosa = await h.member_id("rosa")
    await h.ok("ana", f"/match request {rosa}")
    await h.later(timedelta(hours=2))
    await h.ok("ben", f"/match request {rosa}")
    await h.ok("rosa", "/match decline 2")
    await h.ok("cy", f"/match request {rosa}")
    await h.later(timedelta(hours=2))
    assert "If the next one goes unanswered" in h.last_dm("rosa")
    assert "paused" not in h.last_dm("rosa").split("If the next")[0]
