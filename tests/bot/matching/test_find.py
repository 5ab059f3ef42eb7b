"""``/match``: explained suggestions, exclusions, determinism, and "nobody fits yet"."""

from __future__ import annotations

from datetime import timedelta

from tests.bot.matching.harness import Harness, everything


async def community() -> Harness:
    h = Harness()
    await h.person("ana", learns="Rust, Kubernetes")
    await h.person("rusty", knows="Rust", mentor=True)  # exact Rust, same zone
    await h.person("dockerdan", knows="Docker", zone="America/New_York", mentor=True)
    await h.person("kube", knows="Kubernetes, Rust", zone="Asia/Tokyo", mentor=True)
    await h.person("quiet", knows="Rust, Kubernetes")  # knows it all, doesn't mentor
    return h


async def test_suggestions_are_ranked_with_reasons_and_ask_buttons() -> None:
    h = await community()
    reply = await h.ok("ana", "/match")
    assert reply.text == "Mentors for Rust, Kubernetes, best first:"
    titles = [card.title.split(" · ")[0] for card in reply.cards]
    assert titles == ["1. Kube", "2. Rusty", "3. Dockerdan"]
    kube = reply.cards[0].description
    assert "• Knows Rust, which you want to learn" in kube
    assert "• Knows Kubernetes, which you want to learn" in kube
    assert "• 6 h of shared waking hours (Europe/Berlin / Asia/Tokyo)" in kube
    assert "• 2 of 2 mentee slots free" in kube
    assert "Knows Docker, related to your goal Kubernetes" in reply.cards[2].description
    kube_id = await h.member_id("kube")
    assert reply.buttons[0].command == f"/match request {kube_id}"
    assert "quiet" not in everything(reply).lower()


async def test_the_same_data_gives_the_same_answer_and_ties_go_to_the_older_member() -> None:
    h = Harness()
    await h.person("ana", learns="Go")
    for name in ("zed", "amy", "bob"):  # identical mentors, created in this order
        await h.person(name, knows="Go", mentor=True)
    first = await h.ok("ana", "/match")
    again = await h.ok("ana", "/match")
    assert first == again
    assert [c.title.split(" · ")[0] for c in first.cards] == ["1. Zed", "2. Amy", "3. Bob"]


async def test_a_topic_narrows_the_search() -> None:
    h = await community()
    reply = await h.ok("ana", "/match kubernetes")
    assert reply.text == "Mentors for Kubernetes, best first:"
    assert [c.title.split(" · ")[0] for c in reply.cards] == ["1. Kube", "2. Dockerdan"]
    kube_id = await h.member_id("kube")
    assert reply.buttons[0].command == f"/match request {kube_id} kubernetes"
    unknown = await h.say("ana", "/match cobolt")
    assert unknown.is_error
    assert "I don't know the topic 'cobolt'" in unknown.text


async def test_self_paused_full_and_stopped_mentors_are_left_out() -> None:
    h = Harness()
    await h.person("ana", knows="Go", learns="Rust", mentor=True)
    await h.person("paused", knows="Rust", mentor=True)
    await h.person("full", knows="Rust", mentor=True, capacity=1)
    await h.person("stopped", knows="Rust", mentor=True)
    await h.person("open", knows="Rust", mentor=True)
    await h.person("ben", learns="Rust")
    await h.ok("paused", "/mentor pause 2 weeks")
    await h.ok("stopped", "/mentor off")
    await h.ok("ben", f"/match request {await h.member_id('full')}")
    await h.ok("full", "/match accept 1")
    reply = await h.ok("ana", "/match")
    assert [c.title.split(" · ")[0] for c in reply.cards] == ["1. Open"]
    await h.ok("ana", "/match rust")  # asking about her own skill never suggests herself
    go = await h.say("ben", "/match go")
    assert "Ana" in go.cards[0].title


async def test_previous_partners_decliners_and_lapsed_requests_are_left_out() -> None:
    h = Harness()
    await h.person("ana", learns="Rust")
    for name in ("old", "nope", "slow", "fresh"):
        await h.person(name, knows="Rust", mentor=True)
    await h.ok("ana", f"/match request {await h.member_id('old')}")
    await h.ok("old", "/match accept 1")
    await h.ok("ana", "/match end 1")
    await h.ok("ana", f"/match request {await h.member_id('nope')}")
    await h.ok("nope", "/match decline 2")
    await h.ok("ana", f"/match request {await h.member_id('slow')}")
    await h.later(timedelta(days=4))
    reply = await h.ok("ana", "/match")
    assert [c.title.split(" · ")[0] for c in reply.cards] == ["1. Fresh"]


async def test_nobody_fits_says_why_and_what_would_help_then_keeps_the_promise() -> None:
    h = Harness()
    await h.person("ana", learns="Haskell")
    await h.person("busy", knows="Haskell", mentor=True)
    await h.ok("busy", "/mentor pause 1 week")
    reply = await h.ok("ana", "/match")
    assert reply.cards == ()
    assert "the only mentor who knows Haskell is paused or has no free slot right now" in reply.text
    assert "I'll message you as soon as a mentor for Haskell is available." in reply.text
    assert "What would help:" in reply.text
    assert h.dms("ana") == []
    await h.person("newbie", knows="Haskell", mentor=True)  # joins: the sweep notices
    await h.later(timedelta(minutes=1))
    told = h.last_dm("ana")
    assert told.startswith("Good news: a mentor for Haskell is available now.")
    assert "Newbie" in told
    await h.later(timedelta(minutes=1))
    assert len(h.dms("ana")) == 1  # told once


async def test_a_mentor_turning_on_tells_waiting_mentees_at_once() -> None:
    h = Harness()
    await h.person("ana", learns="Elixir")
    reply = await h.ok("ana", "/match")
    assert "nobody here offers mentoring in Elixir or anything related yet" in reply.text
    await h.person("eli", knows="Python")
    await h.ok("eli", "/mentor on Elixir")
    assert "Eli" in h.last_dm("ana")


async def test_no_learning_goals_is_a_friendly_error() -> None:
    h = Harness()
    await h.person("ana", knows="Go")
    reply = await h.say("ana", "/match")
    assert reply.is_error
    assert "/profile edit learn Rust" in reply.text
    newcomer = await h.say("zoe", "/match")
    assert newcomer.is_error


async def test_status_and_stop() -> None:
    h = await community()
    await h.ok("ana", "/match")
    await h.ok("ana", f"/match request {await h.member_id('rusty')}")
    status = everything(await h.ok("ana", "/match status"))
    assert "Request #1 to Rusty" in status
    assert "[Cancel #1 → /match cancel 1]" in status
    assert "Looking for a mentor: Yes" in status
    mentor_view = everything(await h.ok("rusty", "/match status"))
    assert "Request #1 from Ana" in mentor_view
    assert "[Accept → /match accept 1]" in mentor_view
    stopped = await h.ok("ana", "/match stop")
    assert "won't be included in matching rounds" in stopped.text
    assert "Looking for a mentor: No" in everything(await h.ok("ana", "/match status"))
    assert "nothing changed" in (await h.ok("ana", "/match stop")).text
