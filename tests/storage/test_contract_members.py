"""Storage contract: communities and members, on every backend."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest

from bot.domain.community import Platform
from tests.storage.contract import START, Backend


async def test_community_is_created_once_with_an_aware_utc_timestamp(backend: Backend) -> None:
    async with backend.uow() as uow:
        first = await uow.communities.get_or_create(Platform.DISCORD, "guild-1", "Rustaceans")
        again = await uow.communities.get_or_create(Platform.DISCORD, "guild-1", "Rustaceans")
        await uow.commit()
    assert again == first
    assert (first.platform, first.external_id, first.name) == (
        Platform.DISCORD,
        "guild-1",
        "Rustaceans",
    )
    assert first.created_at == START
    assert first.created_at.utcoffset() == timedelta(0)
    async with backend.uow() as uow:
        assert await uow.communities.get(first.id) == first


async def test_community_identity_is_platform_plus_external_id(backend: Backend) -> None:
    async with backend.uow() as uow:
        discord = await uow.communities.get_or_create(Platform.DISCORD, "T123", "A")
        slack = await uow.communities.get_or_create(Platform.SLACK, "T123", "A")
        other = await uow.communities.get_or_create(Platform.DISCORD, "T124", "A")
        await uow.commit()
    assert len({discord.id, slack.id, other.id}) == 3


async def test_a_renamed_community_keeps_its_id_and_creation_time(backend: Backend) -> None:
    async with backend.uow() as uow:
        old = await uow.communities.get_or_create("slack", "T1", "Old name")  # type: ignore[arg-type]
        await uow.commit()
    backend.clock.advance(timedelta(days=3))
    async with backend.uow() as uow:
        new = await uow.communities.get_or_create(Platform.SLACK, "T1", "New name ✨")
        await uow.commit()
    assert (new.id, new.created_at, new.name) == (old.id, old.created_at, "New name ✨")
    assert new.platform is Platform.SLACK
    async with backend.uow() as uow:
        assert await uow.communities.get(old.id) == new


async def test_unknown_community_is_none(backend: Backend) -> None:
    async with backend.uow() as uow:
        assert await uow.communities.get(4242) is None


@pytest.mark.parametrize(
    ("platform", "external_id", "name"),
    [
        ("irc", "x", "x"),
        (Platform.CONSOLE, "", "x"),
        (Platform.CONSOLE, "   ", "x"),
        (Platform.CONSOLE, "a\x00b", "x"),
        (Platform.CONSOLE, "local", "nul\x00name"),
    ],
)
async def test_bad_community_keys_are_refused(
    backend: Backend, platform: str, external_id: str, name: str
) -> None:
    async with backend.uow() as uow:
        with pytest.raises(ValueError):  # noqa: PT011 - the message varies by field
            await uow.communities.get_or_create(platform, external_id, name)  # type: ignore[arg-type]


async def test_member_display_name_is_refreshed_but_identity_kept(backend: Backend) -> None:
    async with backend.uow() as uow:
        community = await uow.communities.get_or_create(Platform.DISCORD, "g", "G")
        ann = await uow.members.get_or_create(community.id, "u-1", "Ann")
        await uow.commit()
    backend.clock.advance(timedelta(hours=5))
    async with backend.uow() as uow:
        renamed = await uow.members.get_or_create(community.id, "u-1", "Ann 🦀 Lee")
        await uow.commit()
    assert renamed.id == ann.id
    assert renamed.created_at == ann.created_at == START
    assert renamed.created_at.tzinfo is not None
    assert renamed.display_name == "Ann 🦀 Lee"
    async with backend.uow() as uow:
        assert await uow.members.get(community.id, ann.id) == renamed
        assert await uow.members.find(community.id, "u-1") == renamed
        assert await uow.members.find(community.id, "u-2") is None


async def test_members_are_scoped_to_their_community(backend: Backend) -> None:
    async with backend.uow() as uow:
        one = await uow.communities.get_or_create(Platform.DISCORD, "g1", "One")
        two = await uow.communities.get_or_create(Platform.DISCORD, "g2", "Two")
        in_one = await uow.members.get_or_create(one.id, "same-user", "Sam")
        in_two = await uow.members.get_or_create(two.id, "same-user", "Sam")
        await uow.commit()
    assert in_one.id != in_two.id
    assert (in_one.community_id, in_two.community_id) == (one.id, two.id)
    async with backend.uow() as uow:
        assert await uow.members.get(two.id, in_one.id) is None
        assert await uow.members.get(one.id, in_two.id) is None
        assert await uow.members.find(one.id, "same-user") == in_one
        assert await uow.members.delete(two.id, in_one.id) is False
        await uow.commit()
    async with backend.uow() as uow:
        assert await uow.members.get(one.id, in_one.id) == in_one


async def test_member_of_an_unknown_community_is_refused(backend: Backend) -> None:
    async with backend.uow() as uow:
        with pytest.raises(LookupError):
            await uow.members.get_or_create(999, "u", "U")


@pytest.mark.parametrize(("external_id", "name"), [("", "x"), (" \t", "x"), ("u", "bad\x00")])
async def test_bad_member_values_are_refused(backend: Backend, external_id: str, name: str) -> None:
    async with backend.uow() as uow:
        community = await uow.communities.get_or_create(Platform.CONSOLE, "local", "Local")
        with pytest.raises(ValueError):  # noqa: PT011 - the message varies by field
            await uow.members.get_or_create(community.id, external_id, name)


async def test_member_ids_are_not_reused_after_a_delete(backend: Backend) -> None:
    async with backend.uow() as uow:
        community = await uow.communities.get_or_create(Platform.CONSOLE, "local", "Local")
        await uow.members.get_or_create(community.id, "a", "A")
        last = await uow.members.get_or_create(community.id, "b", "B")
        await uow.commit()
    async with backend.uow() as uow:
        assert await uow.members.delete(community.id, last.id) is True
        await uow.commit()
    async with backend.uow() as uow:
        fresh = await uow.members.get_or_create(community.id, "c", "C")
        await uow.commit()
    assert fresh.id > last.id


async def test_created_at_is_always_utc(backend: Backend) -> None:
    async with backend.uow() as uow:
        community = await uow.communities.get_or_create(Platform.CONSOLE, "local", "Local")
        member = await uow.members.get_or_create(community.id, "a", "A")
        await uow.commit()
    for stamp in (community.created_at, member.created_at):
        assert stamp.tzinfo is not None
        assert stamp.astimezone(UTC) == stamp
        assert stamp.utcoffset() == timedelta(0)
