"""Who is asking (workspace, member, org-wide installs) and who organizes (admins, user group)."""

from __future__ import annotations

from adapters.slack.actors import OrganizerCheck, Requester
from adapters.slack.app import web_client
from bot.domain.community import Platform
from tests.adapters.slack.conftest import BOT_TOKEN
from tests.adapters.slack.fake_slack import FakeSlack


def test_slash_command_fields_become_the_actor() -> None:
    requester = Requester.from_command({
        "team_id": "T1", "team_domain": "acme", "user_id": "U1", "user_name": "ana",
        "channel_id": "C1", "response_url": "https://hooks/x", "trigger_id": "t",
        "is_enterprise_install": "false", "enterprise_id": "E1",
    })
    actor = requester.actor(is_organizer=True)
    assert (actor.platform, actor.community_external_id, actor.community_name) == (
        Platform.SLACK, "T1", "acme")
    assert (actor.member_external_id, actor.display_name, actor.is_organizer) == (
        "U1", "ana", True)
    assert (requester.channel_id, requester.response_url, requester.trigger_id) == (
        "C1", "https://hooks/x", "t")


def test_an_org_wide_install_is_one_community_per_enterprise() -> None:
    command = Requester.from_command({"team_id": "T1", "enterprise_id": "E9", "user_id": "U1",
                                      "is_enterprise_install": "true"})
    click = Requester.from_interaction({"team": {"id": "T2"}, "enterprise": {"id": "E9"},
                                        "is_enterprise_install": True, "user": {"id": "U2"}})
    assert (command.community, click.community) == ("E9", "E9")


def test_missing_or_odd_payload_parts_do_not_crash() -> None:
    requester = Requester.from_interaction({"user": "nonsense", "team": None, "channel": 3})
    assert (requester.community, requester.user_id, requester.channel_id) == ("", "", "")
    named = Requester.from_interaction({"user": {"id": "U5", "username": "kim",
                                                 "team_id": "T5"}})
    assert (named.community, named.user_name) == ("T5", "kim")


async def test_answers_are_cached_for_the_ttl_and_failures_are_asked_again(
    fake: FakeSlack,
) -> None:
    now = [0.0]
    check = OrganizerCheck(admins=True, ttl=300, clock=lambda: now[0])
    client = web_client(fake.api_base, BOT_TOKEN)
    fake.fail("users.info", 200, {"ok": False, "error": "ratelimited"}, times=1)
    fake.admins = {"U1"}
    assert await check.is_organizer(client, "T1", "U1") is False  # Slack failed: not known
    assert await check.is_organizer(client, "T1", "U1") is True   # asked again
    assert await check.is_organizer(client, "T1", "U1") is True   # cached
    fake.admins = set()
    now[0] = 299.0
    assert await check.is_organizer(client, "T1", "U1") is True
    now[0] = 301.0
    assert await check.is_organizer(client, "T1", "U1") is False  # expired: asked again
    assert len(fake.called("users.info")) == 3


async def test_a_user_group_by_id_skips_the_lookup_and_a_missing_group_means_nobody(
    fake: FakeSlack,
) -> None:
    fake.usergroups = {"S0CREW": ("crew", ["U3"])}
    client = web_client(fake.api_base, BOT_TOKEN)
    by_id = OrganizerCheck(usergroup="S0CREW", admins=False)
    assert await by_id.is_organizer(client, "T1", "U3") is True
    assert await by_id.is_organizer(client, "T1", "U4") is False
    assert fake.called("usergroups.list") == []
    assert fake.called("users.info") == []
    missing = OrganizerCheck(usergroup="nobody-here", admins=False)
    assert await missing.is_organizer(client, "T1", "U3") is False
    assert await OrganizerCheck(admins=False).is_organizer(client, "T1", "U3") is False
