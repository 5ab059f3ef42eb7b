"""Queued direct messages: sent after commit, retried after a transient failure, and a request
that cannot reach its mentor is closed and the mentee offered others."""

from __future__ import annotations

from datetime import timedelta

from bot.matching.delivery import MAX_ATTEMPTS, deliver, retry_delay
from tests.bot.matching.harness import Harness


async def test_a_transient_failure_is_retried_with_back_off() -> None:
    h = Harness()
    await h.person("rosa", knows="Rust", mentor=True)
    await h.person("ana", learns="Rust")
    h.messenger.transient_failures.add("rosa")
    await h.ok("ana", f"/match request {await h.member_id('rosa')}")
    assert h.dms("rosa") == []
    h.messenger.transient_failures.clear()
    assert await deliver(h.svc) == 0  # not due yet
    h.clock.advance(retry_delay(1))
    assert await deliver(h.svc) == 1
    assert h.dms("rosa")[0].text.startswith("Ana would like you as their mentor")
    assert await deliver(h.svc) == 0  # sent once


async def test_a_request_the_mentor_cannot_receive_is_closed_without_blame() -> None:
    h = Harness()
    await h.person("rosa", knows="Rust", mentor=True)
    await h.person("otto", knows="Rust", mentor=True)
    await h.person("ana", learns="Rust")
    h.messenger.permanent_failures.add("rosa")
    await h.ok("ana", f"/match request {await h.member_id('rosa')}")
    told = h.last_dm("ana")
    assert "I couldn't reach Rosa by direct message" in told
    assert "Otto" in told
    status = await h.ok("ana", "/match status")
    assert "Request #1" not in str(status.cards)
    assert "could not be delivered" in (await h.say("rosa", "/match accept 1")).text


async def test_too_many_transient_failures_give_up() -> None:
    h = Harness()
    await h.person("rosa", knows="Rust", mentor=True)
    await h.person("ana", learns="Rust")
    h.messenger.transient_failures.add("rosa")
    await h.ok("ana", f"/match request {await h.member_id('rosa')}")
    for attempt in range(1, MAX_ATTEMPTS + 1):
        h.clock.advance(retry_delay(attempt) + timedelta(seconds=1))
        await deliver(h.svc)
    assert "I couldn't reach Rosa" in h.last_dm("ana")
    h.messenger.transient_failures.clear()
    h.clock.advance(timedelta(days=1))
    assert await deliver(h.svc) == 0
    assert h.dms("rosa") == []
