"""Isolation and authorization probes through the Slack adapter (signed HTTP, fake Web API)."""

from __future__ import annotations

from bot.dispatcher import Dispatcher
from bot.domain.community import Platform
from bot.services import Services
from tests.adapters.slack.conftest import (  # noqa: F401  (fixtures used by name)
    dispatcher,
    fake,
    http_settings,
    services,
    serving,
    taxonomy,
)
from tests.adapters.slack.fake_slack import FakeSlack
from tests.adapters.slack.slack_requests import Member
from tests.hardening.probes import says_not_found, says_organizers_only
from tests.support.meetups import seed_meetup

ALICE = Member("U1", "alice")


async def _answers(slack_api: FakeSlack, core: Dispatcher,
                   lines: list[str]) -> list[str]:
    texts: list[str] = []
    async with serving(http_settings(slack_api), core) as (slack, _):
        for number, line in enumerate(lines):
            name, _, text = line.partition(" ")
            url = slack_api.response_url(f"r{number}")
            await slack.command(name, text, ALICE, url)
            call = await slack_api.wait_for_call("response_url")
            blocks = call.params["blocks"]
            texts.append(" ".join(str(b.get("text", {}).get("text", "")) for b in blocks))
            slack_api.calls.clear()
    return texts


async def test_another_workspaces_meetup_is_not_found_from_slack(
        fake: FakeSlack, dispatcher: Dispatcher, services: Services) -> None:  # noqa: F811
    _, _, other = await seed_meetup(services.uow, "zed", platform=Platform.SLACK,
                                    community_id="T-OTHER")
    lines = [f"/meetup info {other.id}", f"/rsvp {other.id} going", f"/meetup ics {other.id}"]
    for text in await _answers(fake, dispatcher, lines):
        assert says_not_found(text), text
    async with services.uow() as uow:
        assert await uow.meetups.rsvps.for_meetup(other.community_id, other.id) == []


async def test_a_member_cannot_run_organizer_actions_from_slack(
        fake: FakeSlack, dispatcher: Dispatcher, services: Services) -> None:  # noqa: F811
    _, _, own = await seed_meetup(services.uow, "olga", platform=Platform.SLACK,
                                  community_id="T1")
    lines = [f"/meetup cancel {own.id} confirm", f"/meetup edit {own.id} title=Hijacked",
             "/match round"]
    for text in await _answers(fake, dispatcher, lines):
        assert says_organizers_only(text), text
    async with services.uow() as uow:
        stored = await uow.meetups.events.get(own.community_id, own.id)
    assert stored is not None
    assert (stored.status, stored.title) == (own.status, own.title)
