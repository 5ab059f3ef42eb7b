"""Round 3 phrasings: offers stated after their topic, "switching to X", first-person career
totals, durations and role nouns as context, proficiency levels, field leads."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.domain.profile import ParsedIntro, Seniority
from tests.bot.parsing.parsing_helpers import learning_names, skill_names

Parse = Callable[[str], ParsedIntro]


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("Android dev. If you ever need help with Kotlin, ping me.", ("Kotlin",)),
        ("If you have questions about Rust or Go, feel free to DM.", ("Rust", "Go")),
        ("if anyone needs advice on Terraform, hit me up", ("Terraform",)),
    ],
)
def test_offer_stated_after_its_topic(parse: Parse, text: str, topics: tuple[str, ...]) -> None:
    parsed = parse(text)
    assert parsed.mentoring_offer is True
    assert parsed.mentoring_topics == topics


@pytest.mark.parametrize(
    "text",
    [
        "if anyone has tips on Rust, let me know!",  # a request
        "If you need help with Python, I'm not the right person.",  # no invitation
        "If you need help with Python, read the docs.",
    ],
)
def test_if_you_need_help_without_invitation_is_no_offer(parse: Parse, text: str) -> None:
    assert parse(text).mentoring_offer is not True


@pytest.mark.parametrize(
    ("text", "known", "learning"),
    [
        ("PHP for years. Now switching to Python.", {"PHP"}, {"Python"}),
        ("Unity dev, now moving to Unreal and C++.", {"Unity"}, {"Unreal Engine", "C++"}),
        ("Transitioning from PHP to Go.", {"PHP"}, {"Go"}),
        ("Pivoting into data engineering with Python.", set(), {"Data Engineering", "Python"}),
        ("After switching to Go I never looked back.", {"Go"}, set()),
        ("Switched to Rust last year.", {"Rust"}, set()),
    ],
)
def test_switching_to_is_learning(
    parse: Parse, text: str, known: set[str], learning: set[str]
) -> None:
    parsed = parse(text)
    assert skill_names(parsed) == known
    assert learning_names(parsed) == learning


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("I worked as a developer for 5 years, mostly PHP.", 5),
        ("I was a backend engineer for 7 years before moving into management.", 7),
        ("I programmed professionally for 12 years.", 12),
    ],
)
def test_first_person_past_career_total(parse: Parse, text: str, years: float) -> None:
    assert parse(text).years_experience == years


def test_years_after_closing_parenthesis_belong_to_the_skill(parse: Parse) -> None:
    parsed = parse("Game dev (Unity + C#) for 5 years.")
    assert {c.name: c.years for c in parsed.skills}["C#"] == 5
    assert parsed.years_experience == 5


def test_duration_after_a_short_name_is_context(parse: Parse) -> None:
    parsed = parse("Embedded engineer: C for 10 years.")
    assert {c.name: c.years for c in parsed.skills} == {"C": 10}
    assert not skill_names(parse("I go for 5 years straight."))


@pytest.mark.parametrize(
    ("text", "known"),
    [
        ("hi, react dev from NYC 👋", {"React"}),
        ("hello, Swift developer here", {"Swift"}),
        ("Hi Julia, how are you?", set()),
        ("DMs open for Go questions!", {"Go"}),
    ],
)
def test_role_noun_after_greeting_and_questions_are_context(
    parse: Parse, text: str, known: set[str]
) -> None:
    assert skill_names(parse(text)) == known


def test_proficiency_levels(parse: Parse) -> None:
    parsed = parse("Skills: Python (advanced), Go (intermediate), Rust (beginner).")
    assert skill_names(parsed) == {"Python", "Go"}
    assert learning_names(parsed) == {"Rust"}


@pytest.mark.parametrize(
    "text", ["Mobile lead. Swift 7 years.", "QA lead at a bank, Selenium and Cypress."]
)
def test_field_lead_is_lead(parse: Parse, text: str) -> None:
    assert parse(text).seniority is Seniority.LEAD


@pytest.mark.parametrize(
    ("text", "known", "learning"),
    [
        ("On call: Prometheus, Grafana, PagerDuty.", {"Prometheus", "Grafana", "PagerDuty"}, set()),
        ("QA, Cypress daily. Learning k6 for load testing.", {"Cypress"}, {"k6"}),
        ("Python für Maschinelles Lernen", {"Python", "Machine Learning"}, set()),
    ],
)
def test_round3_taxonomy_additions(
    parse: Parse, text: str, known: set[str], learning: set[str]
) -> None:
    parsed = parse(text)
    assert skill_names(parsed) == known
    assert learning_names(parsed) == learning


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Bash and Linux for 10 years.", {"Bash": 10, "Linux": 10}),
        ("Python, Django and PostgreSQL (5 yrs).", {"Python": 5, "Django": 5, "PostgreSQL": 5}),
        ("Swift 7 years, Kotlin 4 years.", {"Swift": 7, "Kotlin": 4}),
    ],
)
def test_years_after_a_list_cover_the_list(parse: Parse, text: str, years: dict[str, float]
                                           ) -> None:
    assert {c.name: c.years for c in parse(text).skills} == years


def test_years_copied_along_a_list_do_not_override_learning(parse: Parse) -> None:
    parsed = parse("Learning Go, Python for 5 years.")
    assert learning_names(parsed) == {"Go"}
    assert {c.name: c.years for c in parsed.skills} == {"Python": 5}


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Backend engineer, Berlin.", "Europe/Berlin"),
        ("Product manager, 8 years in SaaS. London.", "Europe/London"),
        ("Hey. Berlin is great", None),
        ("I love Paris.", None),
    ],
)
def test_known_city_ending_a_sentence_as_an_item(parse: Parse, text: str, zone: str | None
                                                 ) -> None:
    assert parse(text).timezone == zone


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Product manager, 8 years in B2B SaaS.", 8),
        ("6 years in e-commerce, mostly Magento.", 6),
        ("Former nurse, 5 years in healthcare.", None),
    ],
)
def test_years_in_a_tech_sector_are_career_years(parse: Parse, text: str, years: float | None
                                                 ) -> None:
    assert parse(text).years_experience == years


@pytest.mark.parametrize(
    ("text", "known", "learning"),
    [
        ("Python - advanced, Go - intermediate, Rust - beginner.", {"Python", "Go"}, {"Rust"}),
        ("TypeScript (expert), Python (basic), Elixir (just started).",
         {"TypeScript", "Python"}, {"Elixir"}),
        ("Go: advanced, Rust: beginner", {"Go"}, {"Rust"}),
        ("Our Kotlin-learning group meets weekly.", {"Kotlin"}, set()),
    ],
)
def test_levels_after_a_dash_or_colon(
    parse: Parse, text: str, known: set[str], learning: set[str]
) -> None:
    parsed = parse(text)
    assert skill_names(parsed) == known
    assert learning_names(parsed) == learning


@pytest.mark.parametrize(
    ("text", "skill", "years"),
    [("Unity dev since 2017.", "Unity", 9), ("Java developer since 2015, Berlin", "Java", 11),
     ("Java since 2015.", "Java", 11)],
)
def test_role_or_name_since_a_year(parse: Parse, text: str, skill: str, years: float) -> None:
    parsed = parse(text)
    assert {c.name: c.years for c in parsed.skills}[skill] == years
    assert parsed.years_experience == years


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Day job is Java/Spring at a bank in Frankfurt.", "Europe/Berlin"),
        ("Flutter dev, Hong Kong.", "Asia/Hong_Kong"),
        ("Backend dev | Kuala Lumpur | Go", "Asia/Kuala_Lumpur"),
        ("Working in Denver now.", "America/Denver"),
    ],
)
def test_more_well_known_cities(parse: Parse, text: str, zone: str) -> None:
    assert parse(text).timezone == zone


@pytest.mark.parametrize(
    ("text", "known"),
    [
        ("Go is my daily driver.", {"Go"}),
        ("Swift is my main language.", {"Swift"}),
        ("Spring is my favourite season.", set()),
        ("Ruby is my daughter.", set()),
    ],
)
def test_name_is_my_daily_driver(parse: Parse, text: str, known: set[str]) -> None:
    assert skill_names(parse(text)) == known
