"""Cards are cut to Discord's embed limits, and every cut is visible."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from adapters.discord.limits import (
    BLANK,
    DESCRIPTION_LIMIT,
    EMBED_TOTAL,
    EMBEDS_PER_MESSAGE,
    FIELD_VALUE_LIMIT,
    FIELDS_PER_EMBED,
    SHORTENED_NOTE,
    TITLE_LIMIT,
    EmbedPlan,
    clip,
    plan_embeds,
)
from adapters.discord.timestamps import field_text, timestamp
from bot.replies import Card, Field


def total(cards: list[EmbedPlan]) -> int:
    return sum(
        len(p.title) + len(p.description) + len(p.footer)
        + sum(len(f.name) + len(f.value) for f in p.fields)
        for p in cards
    )


def test_clip_marks_the_cut() -> None:
    assert clip("short", 10) == "short"
    assert clip("abcdefghij", 5) == "abcd…"
    assert clip("ab   cdef", 4) == "ab…"
    assert clip("anything", 0) == ""


def test_small_card_is_unchanged() -> None:
    card = Card("Profile of alice", "hi", (Field("Languages", "Python", inline=True),), "foot")
    [plan] = plan_embeds((card,))
    assert (plan.title, plan.description, plan.footer) == ("Profile of alice", "hi", "foot")
    assert [(f.name, f.value, f.inline) for f in plan.fields] == [("Languages", "Python", True)]


def test_each_part_is_cut_to_its_own_limit() -> None:
    card = Card("t" * 300, "d" * 5000, (Field("n", "v" * 2000),))
    [plan] = plan_embeds((card,))
    assert len(plan.title) == TITLE_LIMIT
    assert plan.title.endswith("…")
    assert len(plan.description) == DESCRIPTION_LIMIT
    assert plan.description.endswith("…")
    assert len(plan.fields[0].value) == FIELD_VALUE_LIMIT
    assert plan.fields[0].value.endswith("…")
    assert plan.footer.endswith(SHORTENED_NOTE)


def test_more_than_25_fields_are_dropped_with_a_note() -> None:
    card = Card("many", fields=tuple(Field(f"f{i}", "x") for i in range(40)))
    [plan] = plan_embeds((card,))
    assert len(plan.fields) == FIELDS_PER_EMBED
    assert plan.footer == SHORTENED_NOTE


def test_all_embeds_together_stay_within_6000_characters() -> None:
    cards = tuple(
        Card(f"card {n}", "d" * 3000, tuple(Field(f"f{i}", "v" * 900) for i in range(10)))
        for n in range(12)
    )
    plans = plan_embeds(cards)
    assert len(plans) <= EMBEDS_PER_MESSAGE
    assert total(plans) <= EMBED_TOTAL
    assert plans[-1].footer.endswith(SHORTENED_NOTE)


def test_empty_names_and_values_become_blank_not_empty() -> None:
    [plan] = plan_embeds((Card("", fields=(Field("", "  "),)),))
    assert plan.title == BLANK
    assert (plan.fields[0].name, plan.fields[0].value) == (BLANK, BLANK)


def test_field_with_an_instant_becomes_discord_timestamps() -> None:
    when = datetime(2026, 12, 3, 18, 30, tzinfo=UTC)
    berlin = when.astimezone(timezone(timedelta(hours=1)))
    field = Field("When", "Thu 3 Dec 19:30 (Europe/Berlin)", when=berlin)
    assert field_text(field) == "<t:1796322600:F> (<t:1796322600:R>)"
    [plan] = plan_embeds((Card("Meetup", fields=(field,)),))
    assert plan.fields[0].value == "<t:1796322600:F> (<t:1796322600:R>)"
    assert field_text(Field("When", "soon")) == "soon"


def test_naive_instants_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        Field("When", "x", when=datetime(2026, 1, 1))  # noqa: DTZ001
    with pytest.raises(ValueError, match="timezone-aware"):
        timestamp(datetime(2026, 1, 1))  # noqa: DTZ001
