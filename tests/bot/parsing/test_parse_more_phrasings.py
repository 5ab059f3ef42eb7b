"""Phrasings found missing in unseen intros: contact offers, German verb-final learning,
"N years before that", "developer since N years", and places named without a location cue."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.domain.profile import ParsedIntro
from tests.bot.parsing.parsing_helpers import learning_names, skill_names

Parse = Callable[[str], ParsedIntro]


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("Happy to chat about career growth.", []),
        ("Happy to chat about Kubernetes and Terraform.", ["Kubernetes", "Terraform"]),
        ("DMs open if you want to talk about Kubernetes.", ["Kubernetes"]),
        ("My DMs are always open.", []),
        ("Ask me anything about Rust.", ["Rust"]),
        ("Feel free to reach out about Terraform or AWS.", ["Terraform", "Amazon Web Services"]),
        ("Reach out if you need help with React.", ["React"]),
        ("Glad to talk about Postgres tuning.", ["PostgreSQL"]),
    ],
)
def test_invitations_to_get_in_touch_are_offers(
    parse: Parse, text: str, topics: list[str]
) -> None:
    parsed = parse(text)
    assert parsed.mentoring_offer is True
    assert list(parsed.mentoring_topics) == topics
    assert not learning_names(parsed)


@pytest.mark.parametrize(
    "text",
    [
        "Looking for a mentor in Rust, feel free to DM me!",
        "Seeking mentorship on system design. DMs open.",
        "I'd like to talk to a mentor about Rust.",
        "Feel free to reach out and express interest.",
    ],
)
def test_a_mentor_seeker_inviting_contact_offers_nothing(parse: Parse, text: str) -> None:
    assert parse(text).mentoring_offer is not True


@pytest.mark.parametrize(
    ("text", "known", "learning"),
    [
        ("Ich möchte Rust lernen.", set(), {"Rust"}),
        ("Ich will Kotlin lernen.", set(), {"Kotlin"}),
        ("Ich kann Python und möchte Go lernen.", {"Python"}, {"Go"}),
        ("Ich arbeite mit Java, will aber Rust lernen.", {"Java"}, {"Rust"}),
        ("Als Nächstes: Elixir lernen!", set(), {"Elixir"}),
        ("Ich habe Go gelernt.", {"Go"}, set()),
    ],
)
def test_german_verb_final_learning(
    parse: Parse, text: str, known: set[str], learning: set[str]
) -> None:
    parsed = parse(text)
    assert skill_names(parsed) == known
    assert learning_names(parsed) == learning


def test_machine_learning_in_german_is_no_learning_cue(parse: Parse) -> None:
    parsed = parse("Ich nutze Python für Maschinelles Lernen.")
    assert skill_names(parsed) == {"Python", "Machine Learning"}
    assert not learning_names(parsed)


@pytest.mark.parametrize(
    ("text", "skill", "years"),
    [
        ("Was a Java developer for 10 years before that.", "Java", 10),
        ("java developer since 5 years", "Java", 5),
        ("I was a Python dev for 4 years prior to joining.", "Python", 4),
        ("Python engineer for the last 6 years.", "Python", 6),
    ],
)
def test_role_for_n_years(parse: Parse, text: str, skill: str, years: float) -> None:
    parsed = parse(text)
    assert {c.name: c.years for c in parsed.skills}[skill] == years
    assert parsed.years_experience == years


@pytest.mark.parametrize(
    "text",
    ["I moved to Lisbon two years before the pandemic.", "Started Go 3 years before Rust."],
)
def test_years_before_an_event_stay_ignored(parse: Parse, text: str) -> None:
    assert parse(text).years_experience is None


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Backend dev | Berlin | Python", "Europe/Berlin"),
        ("frontend • react • typescript • Lisbon", "Europe/Lisbon"),
        ("Data engineer | São Paulo", "America/Sao_Paulo"),
        ("Flutter dev from Cairo", "Africa/Cairo"),
        ("Backend engineer in Toronto, mostly Go.", "America/Toronto"),
        ("Hello from Lagos! Python dev here.", "Africa/Lagos"),
        ("Desarrollador backend en Buenos Aires.", "America/Argentina/Buenos_Aires"),
        ("Desarrolladora en Bogotá, me encanta React.", "America/Bogota"),
        ("Sviluppatore Python di Milano.", "Europe/Rome"),
        ("Dev Java em Lisboa.", "Europe/Lisbon"),
        ("I'm based in Lisbon. Flutter dev from Cairo.", "Europe/Lisbon"),
        ("I'm based in Lisbon. Python dev", "Europe/Lisbon"),
        ("Engineering manager at a fintech in London.", "Europe/London"),
        ("Based in Lisbon, speaker at meetups in Berlin.", "Europe/Lisbon"),
    ],
)
def test_places_without_a_location_cue(parse: Parse, text: str, zone: str) -> None:
    assert parse(text).timezone == zone


@pytest.mark.parametrize(
    "text",
    [
        "Backend dev in Go and Rust",
        "Java, Indonesia-sized ambitions",
        "Sofia | Backend dev | Python",
        "Python dev from Scratch to production",
        "I ship features from Paris Hilton's favourite app",
        "Rubyist | Go | Berlin-style techno fan",
        "Very interested in Paris as a place to move to",
    ],
)
def test_no_place_from_skills_names_or_words(parse: Parse, text: str) -> None:
    assert parse(text).timezone is None
