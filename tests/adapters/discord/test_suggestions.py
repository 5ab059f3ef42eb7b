"""Autocomplete candidates: skills from the taxonomy, comma lists, timezones."""

import pytest

from adapters.discord.suggestions import CHOICE_LIMIT, MAX_CHOICES, Suggestions, timezones
from bot.taxonomy import Taxonomy


@pytest.fixture(scope="module")
def suggestions() -> Suggestions:
    return Suggestions(Taxonomy.load())


def test_prefix_matches_come_first(suggestions: Suggestions) -> None:
    found = suggestions.skills("pyth")
    assert found[0] == "Python"
    assert len(found) <= MAX_CHOICES


def test_aliases_suggest_the_canonical_skill(suggestions: Suggestions) -> None:
    assert "PostgreSQL" in suggestions.skills("postgres")
    assert "Kubernetes" in suggestions.skills("k8s")


def test_typos_get_fuzzy_suggestions(suggestions: Suggestions) -> None:
    assert "Kubernetes" in suggestions.skills("kubernets")


def test_empty_input_offers_some_skills(suggestions: Suggestions) -> None:
    assert len(suggestions.skills("")) == MAX_CHOICES


def test_lists_complete_the_last_item_and_skip_repeats(suggestions: Suggestions) -> None:
    found = suggestions.skill_list("Rust,  Go, pyth")
    assert found[0] == "Rust, Go, Python"
    assert all(f.startswith("Rust, Go, ") for f in found)
    assert "Rust, Go, Go" not in suggestions.skill_list("Rust, Go, G")
    assert all(len(f) <= CHOICE_LIMIT for f in suggestions.skill_list("x" * 95 + ", py"))


def test_timezones_by_city_and_fuzzy() -> None:
    assert timezones("berl")[0] == "Europe/Berlin"
    assert "America/New_York" in timezones("new york")
    assert "Europe/Berlin" in timezones("Berln")
    assert timezones("")[0] == "UTC"
    assert timezones("zzzzqqq") == []
