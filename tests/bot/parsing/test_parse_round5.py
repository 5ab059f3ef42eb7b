"""Round 5 of the parser, case by case: people's and companies' names that are skill names, a
compound name that names a second skill, Pascal, "Rust-curious", and asks for mentoring in open
source."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.domain.profile import ParsedIntro
from tests.bot.parsing.parsing_helpers import learning_names, skill_names

Parse = Callable[[str], ParsedIntro]


@pytest.mark.parametrize(
    ("text", "name", "kept"),
    [
        ("Hi, I'm Julia, a product designer. Figma all day.", "The Julia Language", {"Figma"}),
        ("Hey! Ruby here 👋 frontend dev, Vue and TypeScript", "Ruby", {"Vue.js", "TypeScript"}),
        ("Crystal (she/her), QA engineer. Cypress, Playwright.", "Crystal",
         {"Cypress", "Playwright"}),
        ("Hi, I'm Ada 🙂 junior frontend developer. HTML, CSS, JavaScript.", "Ada",
         {"HTML", "CSS", "JavaScript"}),
        ("Hi! I work at Spark Labs as a data engineer. Airflow, dbt, Snowflake.", "Apache Spark",
         {"Apache Airflow", "dbt", "Snowflake"}),
        ("Backend dev, Elixir/Phoenix and some Erlang. 6 years.\nBest,\nEmber", "Ember",
         {"Elixir", "Phoenix", "Erlang"}),
    ],
)
def test_a_persons_or_companys_name_is_no_skill(
    parse: Parse, text: str, name: str, kept: set[str]
) -> None:
    known = skill_names(parse(text))
    assert name not in known
    assert kept <= known


def test_a_name_and_the_skill_in_one_intro(parse: Parse) -> None:
    # a guard: the veto drops the name, not the later mention of the language
    parsed = parse("I'm Ruby, and yes, I write Ruby for a living. Rails + Postgres, 5 years.")
    assert {"Ruby", "Rails", "PostgreSQL"} <= skill_names(parsed)


def test_ruby_on_rails_names_ruby_and_keeps_its_years_on_rails(parse: Parse) -> None:
    parsed = parse("Ruby on Rails dev for 6 years, now picking up Elixir.")
    assert {"Ruby", "Rails"} <= skill_names(parsed)
    assert {c.name: c.years for c in parsed.skills}["Rails"] == 6
    assert "Ruby" in learning_names(parse("Learning Ruby on Rails this summer"))


def test_django_rest_framework_names_django(parse: Parse) -> None:
    assert {"Django REST", "Django"} <= skill_names(parse("Django REST framework at work, 3 yrs"))


def test_pascal_is_a_language_next_to_delphi_and_a_name_in_a_greeting(parse: Parse) -> None:
    assert {"Pascal", "Delphi"} <= skill_names(
        parse("Started with Turbo Pascal, then Delphi/Pascal for 15 years, now C#.")
    )
    assert "Pascal" not in skill_names(
        parse("My name is Pascal, I'm a mobile developer from Lyon. Kotlin on Android.")
    )


@pytest.mark.parametrize(
    ("text", "learning", "known"),
    [
        ("I'm Julia-curious! Mostly a MATLAB person.", "The Julia Language", {"MATLAB"}),
        ("Python dev, Rust-curious", "Rust", {"Python"}),
    ],
)
def test_a_curious_suffix_is_a_learning_goal(
    parse: Parse, text: str, learning: str, known: set[str]
) -> None:
    parsed = parse(text)
    assert learning in learning_names(parsed)
    assert skill_names(parsed) == known


@pytest.mark.parametrize(
    "text",
    [
        "Can someone mentor me on open source contributions? I know Python.",
        "Looking for a mentor to help me get into open source.",
    ],
)
def test_asking_for_help_with_open_source_is_a_learning_goal(parse: Parse, text: str) -> None:
    # a guard: asks were already read this way before round 5
    parsed = parse(text)
    assert "Open Source" in learning_names(parsed)
    assert "Open Source" not in skill_names(parsed)
    assert parsed.mentoring_offer is False
