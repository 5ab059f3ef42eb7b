"""``/match round``: organizers only; the optimal plan becomes requests and a public summary."""

from __future__ import annotations

from bot.replies import Visibility
from tests.bot.matching.harness import Harness


async def test_only_organizers_may_run_a_round() -> None:
    h = Harness()
    reply = await h.say("ana", "/match round")
    assert reply.is_error
    assert "Only organizers can run a matching round" in reply.text


async def test_a_round_matches_waiting_mentees_optimally_and_posts_a_summary() -> None:
    h = Harness()
    # Greedy would give "wide" (fits both Go and Rust learners) to whoever comes first;
    # the optimum gives the Go learner the Go-only mentor and "wide" to the Rust learner.
    await h.person("wide", knows="Go, Rust", mentor=True, capacity=1)
    await h.person("gopher", knows="Go", zone="America/New_York", mentor=True, capacity=2)
    await h.person("gary", learns="Go")
    await h.person("rita", learns="Rust")
    await h.person("hana", learns="Haskell")
    await h.person("busy", learns="Go")
    for member in ("gary", "rita", "hana", "busy"):
        await h.ok(member, "/match")
    # busy is asking gopher already: not in the round, and one of gopher's two slots is spoken for
    await h.ok("busy", f"/match request {await h.member_id('gopher')}")
    reply = await h.ok("org", "/match round", organizer=True)
    assert reply.visibility is Visibility.PUBLIC
    lines = reply.text.splitlines()
    assert lines[0].startswith("Matching round #1: 2 of 3 waiting mentees matched (total score ")
    assert lines[1:] == [
        "Not matched this time:",
        "• Hana — no mentor offers Haskell or anything related yet",
    ]
    assert h.last_dm("gary").startswith("In this matching round you were matched with Gopher")
    assert h.last_dm("rita").startswith("In this matching round you were matched with Wide")
    assert "This matching round I couldn't find you a mentor" in h.last_dm("hana")
    wide_dm = h.dms("wide")[-1]
    assert wide_dm.text.startswith("Rita would like you as their mentor.")
    await h.ok("wide", f"/match accept {wide_dm.buttons[0].command.split()[-1]}")
    assert h.last_dm("rita").startswith("Good news: Wide accepted")


async def test_a_round_with_nobody_waiting_says_so() -> None:
    h = Harness()
    reply = await h.ok("org", "/match round", organizer=True)
    assert "Nobody is waiting for a mentor right now" in reply.text
