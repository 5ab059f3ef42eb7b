"""Submitting an intro: parse, store, reply with a card; bad input stores nothing."""

import pytest

from bot.commands import ConfirmIntro, ShowProfile, SubmitIntro
from bot.dispatcher import Dispatcher
from bot.domain.profile import Seniority
from bot.replies import Reply
from bot.services import Services
from tests.support.actors import actor

INTRO = (
    "Senior backend engineer, 8 years of Python, Postgres and Kafka. Learning Rust. "
    "Happy to mentor on system design. Based in Berlin."
)


def _fields(reply: Reply) -> dict[str, str]:
    return {f.name: f.value for card in reply.cards for f in card.fields}


async def _stored(services: Services, name: str = "alice"):  # type: ignore[no-untyped-def]
    async with services.uow() as uow:
        who = actor(name)
        community = await uow.communities.get_or_create(
            who.platform, who.community_external_id, who.community_name
        )
        member = await uow.members.find(community.id, who.member_external_id)
        return None if member is None else await uow.profiles.get(community.id, member.id)


async def test_intro_is_parsed_stored_and_shown(dispatcher: Dispatcher, services: Services) -> None:
    reply = await dispatcher.handle(SubmitIntro(actor=actor(), text=INTRO))
    assert not reply.is_error
    fields = _fields(reply)
    shown = " ".join(fields.values())
    for name in ("Python", "PostgreSQL", "Kafka"):  # "Kafka" also matches "Apache Kafka"
        assert name in shown
    assert "Rust" in fields["Learning"]
    assert fields["Timezone"] == "Europe/Berlin"
    assert [b.command for b in reply.buttons] == ["/intro ok", "/profile edit"]
    profile = await _stored(services)
    assert profile is not None
    assert profile.raw_intro == INTRO
    assert {s.skill_id for s in profile.skills} >= {"python", "postgresql", "kafka"}
    assert [s.name for s in profile.learning] == ["Rust"]
    assert profile.parsed.seniority is Seniority.SENIOR
    assert profile.parsed.years_experience == 8
    assert profile.mentoring_offer is True
    assert profile.created_at.tzinfo is not None


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        ("   \n\t  ", "empty"),
        ("x" * 2001, "limit is 2,000"),
        ("abc\x00\x01\x02def", "binary"),
        ("".join(chr(i) for i in range(1, 32)) * 3, "binary"),
    ],
)
async def test_bad_intro_gets_a_friendly_error_and_stores_nothing(
    dispatcher: Dispatcher, services: Services, text: str, fragment: str
) -> None:
    reply = await dispatcher.handle(SubmitIntro(actor=actor(), text=text))
    assert reply.is_error
    assert fragment in reply.text
    assert await _stored(services) is None


async def test_second_intro_updates_the_same_profile(
    dispatcher: Dispatcher, services: Services
) -> None:
    await dispatcher.handle(SubmitIntro(actor=actor(), text="I write Go and Python"))
    first = await _stored(services)
    reply = await dispatcher.handle(SubmitIntro(actor=actor(), text="Mostly Java and Kotlin now"))
    second = await _stored(services)
    assert "Updated" in reply.text
    assert first is not None
    assert second is not None
    assert second.created_at == first.created_at
    assert {s.name for s in second.skills} == {"Java", "Kotlin"}


async def test_member_text_in_the_card_cannot_ping(dispatcher: Dispatcher) -> None:
    who = actor("@everyone")
    reply = await dispatcher.handle(SubmitIntro(actor=who, text="@here I write Python @everyone"))
    rendered = " ".join([c.title for c in reply.cards] + list(_fields(reply).values()))
    assert "@everyone" not in rendered
    assert "@here" not in rendered


async def test_confirm_and_show_need_a_profile(dispatcher: Dispatcher) -> None:
    assert (await dispatcher.handle(ConfirmIntro(actor=actor()))).is_error
    assert (await dispatcher.handle(ShowProfile(actor=actor()))).is_error
    await dispatcher.handle(SubmitIntro(actor=actor(), text="I write Python"))
    assert not (await dispatcher.handle(ConfirmIntro(actor=actor()))).is_error
    shown = await dispatcher.handle(ShowProfile(actor=actor()))
    assert "Python" in " ".join(_fields(shown).values())


async def test_profiles_are_scoped_to_the_community(dispatcher: Dispatcher) -> None:
    await dispatcher.handle(SubmitIntro(actor=actor("alice", "guild-1"), text="I write Python"))
    other = await dispatcher.handle(ShowProfile(actor=actor("alice", "guild-2")))
    assert other.is_error


async def test_the_card_explains_each_skill_on_its_own_line(dispatcher: Dispatcher) -> None:
    reply = await dispatcher.handle(SubmitIntro(actor=actor(), text=INTRO))
    why = _fields(reply)["Why I think so"].splitlines()
    assert len(why) >= 3
    assert any(line.startswith("Python ← “") and "8 years of Python" in line for line in why)
