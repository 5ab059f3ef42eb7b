"""Learning goals, negations and mentoring offers, each scoped to its clause."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.domain.profile import ParsedIntro
from bot.parsing.cues import CueKind, find_cues
from bot.parsing.intro_parser import IntroParser
from tests.bot.parsing.parsing_helpers import learning_names, skill_names

Parse = Callable[[str], ParsedIntro]


@pytest.mark.parametrize(
    ("text", "learning"),
    [
        ("I'm learning Rust.", {"Rust"}),
        ("I want to get into Rust.", {"Rust"}),
        ("Currently exploring k8s and Terraform.", {"Kubernetes", "Terraform"}),
        ("🌱 I’m currently learning Elixir", {"Elixir"}),
        ("🌱 Elixir and Haskell", {"Elixir", "Haskell"}),
        ("Picking up TypeScript these days.", {"TypeScript"}),
        ("Getting started with Svelte.", {"Svelte"}),
        ("I'm new to Haskell.", {"Haskell"}),
        ("I would like to learn Scala.", {"Scala"}),
        ("Hoping to learn Kotlin this year.", {"Kotlin"}),
        ("Studying Elixir at night.", {"Elixir"}),
        ("I'd love to dive into Rust.", {"Rust"}),
        ("Planning to pick up Kubernetes.", {"Kubernetes"}),
        ("TypeScript (currently learning) is fun.", {"TypeScript"}),
        ("Elixir (currently learning) is fun.", {"Elixir"}),
        ("I want to get into Go.", {"Go"}),
        ("Rust (learning), Python at work.", {"Rust"}),
        (
            "Currently learning:\n- TypeScript\n- Kubernetes\n\nI use Java.",
            {"TypeScript", "Kubernetes"},
        ),
    ],
)
def test_learning_cues(parse: Parse, text: str, learning: set[str]) -> None:
    parsed = parse(text)
    assert learning_names(parsed) == learning
    assert not learning & skill_names(parsed)


def test_learning_scope_ends_at_the_clause(parse: Parse) -> None:
    parsed = parse("Learning Rust and Go, but I use Python daily.")
    assert learning_names(parsed) == {"Rust", "Go"}
    assert skill_names(parsed) == {"Python"}


@pytest.mark.parametrize(
    "text",
    [
        "I'm learning Rust. I also use Python every day.",
        "I'm learning Rust; Python is my daily driver.",
        "Learning Rust, and I've shipped Python for years.",
    ],
)
def test_skills_after_the_learning_clause_are_known(parse: Parse, text: str) -> None:
    parsed = parse(text)
    assert "Rust" in learning_names(parsed)
    assert "Python" in skill_names(parsed)


def test_known_wins_over_learning(parse: Parse) -> None:
    parsed = parse("I write Rust at work. I'm learning more Rust on weekends.")
    assert skill_names(parsed) == {"Rust"}
    assert learning_names(parsed) == set()


@pytest.mark.parametrize(
    "text",
    [
        "I spent the next four years learning Python and Docker.",
        "After learning Python I moved to backend work with Docker.",
        "I learned Python and Docker at my first job.",
    ],
)
def test_past_learning_counts_as_known(parse: Parse, text: str) -> None:
    parsed = parse(text)
    assert {"Python", "Docker"} <= skill_names(parsed)
    assert learning_names(parsed) == set()


@pytest.mark.parametrize(
    "text",
    [
        "I work on machine learning with PyTorch.",
        "Deep learning with PyTorch is my job.",
        "We built a learning platform on PyTorch.",
    ],
)
def test_learning_as_a_noun_is_not_a_cue(parse: Parse, text: str) -> None:
    parsed = parse(text)
    assert "PyTorch" in skill_names(parsed)
    assert "PyTorch" not in learning_names(parsed)


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("I've never used Java.", "Java"),
        ("No experience with Scala.", "Scala"),
        ("I'm not familiar with Haskell.", "Haskell"),
        ("Haven't touched Perl in my life.", "Perl"),
        ("I don't know PHP.", "PHP"),
        ("I have zero experience with Kotlin.", "Kotlin"),
        ("Never worked with Elixir.", "Elixir"),
    ],
)
def test_negated_skills_are_neither_known_nor_learning(
    parse: Parse, text: str, negated: str
) -> None:
    parsed = parse(text + " I write Python.")
    assert negated not in skill_names(parsed) | learning_names(parsed)
    assert "Python" in skill_names(parsed)
    assert any(negated in note for note in parsed.notes)


def test_negation_scope_ends_at_but(parse: Parse) -> None:
    parsed = parse("Never used Java, but I know Kotlin well.")
    assert skill_names(parsed) == {"Kotlin"}


def test_negations_about_other_people_do_not_count(parse: Parse) -> None:
    parsed = parse("I taught students who didn't know Git how to use Git and Docker.")
    assert {"Git", "Docker"} <= skill_names(parsed)


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("Happy to mentor folks on Django or Postgres.", ["Django", "PostgreSQL"]),
        ("💬 Ask me about React and Node.js", ["React", "Node.js"]),
        ("I can help with Kubernetes and Terraform.", ["Kubernetes", "Terraform"]),
        ("Happy to help with anything Python.", ["Python"]),
        ("Open to mentoring. I mostly write Go.", []),
        ("I mentor juniors in Java.", ["Java"]),
        ("I love mentoring people who are new to Python.", ["Python"]),
        ("I'm happy to mentor.", []),
    ],
)
def test_mentoring_offers(parse: Parse, text: str, topics: list[str]) -> None:
    parsed = parse(text)
    assert parsed.mentoring_offer is True
    assert list(parsed.mentoring_topics) == topics
    assert set(topics) <= skill_names(parsed)
    assert "mentoring_offer" in parsed.evidence


@pytest.mark.parametrize(
    "text",
    [
        "Looking for a mentor to grow my Rust skills.",
        "I need a mentor!",
        "I want a mentor who knows distributed systems.",
        "Seeking mentorship in data engineering.",
    ],
)
def test_looking_for_a_mentor_is_no_offer(parse: Parse, text: str) -> None:
    parsed = parse(text)
    assert parsed.mentoring_offer is False


def test_a_mentor_seeker_learns_the_topic(parse: Parse) -> None:
    parsed = parse("Looking for a mentor in Rust.")
    assert learning_names(parsed) == {"Rust"}


def test_an_offer_wins_over_seeking(parse: Parse) -> None:
    parsed = parse("I'd like a mentor for Rust, and I'm happy to mentor others in Python.")
    assert parsed.mentoring_offer is True
    assert parsed.mentoring_topics == ("Python",)


@pytest.mark.parametrize(
    "text",
    [
        "I write Python.",
        "Camaraderie is built upon mentoring, training and learning.",
        "I help make sure the servers stay up.",
        "Can someone help me with Rust?",
    ],
)
def test_no_offer_when_nothing_offers(parse: Parse, text: str) -> None:
    assert parse(text).mentoring_offer is not True


def test_cues_are_found_with_their_scope(parser: IntroParser) -> None:
    text = "I'm learning Rust, but I never used Java. Ask me about Go."
    low = text.lower()
    cues = find_cues(text, low, parser._scanner.scan(text).triggers)
    kinds = [c.kind for c in cues]
    assert kinds == [CueKind.LEARNING, CueKind.NEGATION, CueKind.OFFER]
    learning = cues[0]
    assert text[learning.end:learning.scope_end].strip() == "Rust"
    assert cues[2].phrase == "Ask me about"


@pytest.mark.parametrize(
    ("text", "learning"),
    [
        ("Backend con Java, aprendiendo Kotlin.", {"Kotlin"}),
        ("Estoy aprendiendo Scala y Rust.", {"Scala", "Rust"}),
        ("Quiero aprender TypeScript.", {"TypeScript"}),
        ("Trabalho com React. Estou aprendendo Flutter.", {"Flutter"}),
        ("En ce moment j'apprends Rust.", {"Rust"}),
        ("Je suis en train d'apprendre JavaScript et React.", {"JavaScript", "React"}),
        ("Ich lerne Rust in meiner Freizeit.", {"Rust"}),
        ("Angular im Job, lerne gerade Svelte.", {"Svelte"}),
        ("Zurzeit lerne ich Elixir.", {"Elixir"}),
        ("Lavoro con Angular. Sto imparando Rust.", {"Rust"}),
        ("Now I study Kotlin.", {"Kotlin"}),
    ],
)
def test_learning_cues_in_other_languages(parse: Parse, text: str, learning: set[str]) -> None:
    parsed = parse(text)
    assert learning_names(parsed) == learning
    assert not learning & skill_names(parsed)


def test_skills_before_a_foreign_learning_cue_stay_known(parse: Parse) -> None:
    parsed = parse("Soy desarrollador con 5 años de experiencia en Java, aprendiendo Kotlin.")
    assert skill_names(parsed) == {"Java"}
    assert learning_names(parsed) == {"Kotlin"}


@pytest.mark.parametrize(
    "text",
    [
        "Hola, soy estudiante, busco mentor para Python.",
        "Estou procurando um mentor de Java.",
        "Je cherche un mentor en Rust.",
    ],
)
def test_asking_for_a_mentor_in_other_languages(parse: Parse, text: str) -> None:
    assert parse(text).mentoring_offer is False


@pytest.mark.parametrize(
    "text",
    [
        "Desenvolvedor Java. Posso ajudar quem está começando.",
        "Backend con Go, puedo ayudar con Kubernetes.",
        "Développeur Python, je peux aider sur Django.",
        "Helfe gerne bei Fragen zu Python.",
    ],
)
def test_offers_in_other_languages(parse: Parse, text: str) -> None:
    assert parse(text).mentoring_offer is True
