"""Years of experience and seniority."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.domain.profile import ParsedIntro, Seniority

Parse = Callable[[str], ParsedIntro]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("I have 8 years of experience.", 8),
        ("10+ years in the industry.", 10),
        ("Over a decade of backend work.", 10),
        ("I've been coding for over a decade.", 10),
        ("Two decades of experience.", 20),
        ("I've been programming since 2015.", 11),
        ("Developer since 2015.", 11),
        ("Seven companies in eight years.", 8),
        ("Five years' experience as a data engineer.", 5),
        ("5 yrs exp in backend.", 5),
        ("I started programming in 2012.", 14),
        ("2.5 years of professional experience.", 2.5),
        ("18 months of experience.", 1.5),
        ("5-7 years of experience.", 5),
        ("~12 years as a software engineer.", 12),
        ("I have 12 years of experience, 5 of them with Python.", 12),
    ],
)
def test_career_years(parse: Parse, text: str, years: float) -> None:
    parsed = parse(text)
    assert parsed.years_experience == years
    assert parsed.evidence["years_experience"]


@pytest.mark.parametrize(
    "text",
    [
        "I've been chasing this for the last few years.",
        "A couple of years in the industry.",
        "Several years of experience.",
        "Twelve months later we shipped it.",
        "I spent four years learning Python at school.",
        "I did 4 years at university.",
        "Two years ago I moved to Berlin.",
        "My daughter is 12 years old.",
        "In the next 5 years I want to lead a team.",
        "Married since 2015.",
        "This year I'm focusing on Go.",
        "The system has 99.99% uptime since 2015 years of work.",
    ],
)
def test_no_years_from_vague_or_unrelated_numbers(parse: Parse, text: str) -> None:
    assert parse(text).years_experience is None


@pytest.mark.parametrize(
    ("text", "skill", "years"),
    [
        ("8 years of Python.", "Python", 8),
        ("I have 6 years of experience with Java.", "Java", 6),
        ("PostgreSQL (5 years), Kubernetes (2 years).", "PostgreSQL", 5),
        ("PostgreSQL (5 years), Kubernetes (2 years).", "Kubernetes", 2),
        ("Using Kubernetes for 3 years.", "Kubernetes", 3),
        ("Writing Ruby since 2016.", "Ruby", 10),
    ],
)
def test_years_per_skill(parse: Parse, text: str, skill: str, years: float) -> None:
    parsed = parse(text)
    claim = next(c for c in parsed.skills if c.name == skill)
    assert claim.years == years


def test_skill_years_set_the_total_when_no_career_statement(parse: Parse) -> None:
    parsed = parse("8 years of Python, 3 years of Go.")
    assert parsed.years_experience == 8
    assert "8 years of Python" in parsed.evidence["years_experience"]


def test_career_statement_beats_skill_years(parse: Parse) -> None:
    parsed = parse("15 years of experience overall; 4 years of Rust.")
    assert parsed.years_experience == 15


def test_skill_claim_evidence_quotes_the_years(parse: Parse) -> None:
    parsed = parse("Hi! I have 8 years of Python and like cats.")
    claim = next(c for c in parsed.skills if c.name == "Python")
    assert "8 years of Python" in claim.evidence


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I'm a student at MIT.", Seniority.STUDENT),
        ("I'm a CS student.", Seniority.STUDENT),
        ("Currently an intern at Shopify.", Seniority.STUDENT),
        ("I'm a bootcamp grad.", Seniority.STUDENT),
        ("I'm a new grad looking for work.", Seniority.STUDENT),
        ("I'm a junior developer.", Seniority.JUNIOR),
        ("I work as an entry-level engineer.", Seniority.JUNIOR),
        ("I'm a mid-level backend developer.", Seniority.MID),
        ("I'm an intermediate developer.", Seniority.MID),
        ("I'm a senior software engineer.", Seniority.SENIOR),
        ("I am an excellent back-end Sr. Engineer.", Seniority.SENIOR),
        ("I'm a Snr Developer.", Seniority.SENIOR),
        ("I'm a staff engineer at Stripe.", Seniority.STAFF),
        ("I work as a software architect.", Seniority.STAFF),
        ("I'm a tech lead.", Seniority.LEAD),
        ("I'm the team lead for payments.", Seniority.LEAD),
        ("Ran a four-person backend team in Shopee Games.", Seniority.LEAD),
        ("I lead the platform team.", Seniority.LEAD),
        ("I'm an engineering manager.", Seniority.LEAD),
        ("I'm a principal engineer.", Seniority.PRINCIPAL),
        ("Senior Backend Engineer at Acme\nI like cats.", Seniority.SENIOR),
        ("Hi all!\nSenior Backend Engineer at Acme", Seniority.SENIOR),  # any line, not the first
        ("Hello!\n- **Staff Engineer** at a bank", Seniority.STAFF),
        ("Junior QA engineer. Selenium and Jest.", Seniority.JUNIOR),
        ("I'm senior.", Seniority.SENIOR),
        ("New grad, looking for my first job.", Seniority.STUDENT),
    ],
)
def test_seniority(parse: Parse, text: str, level: Seniority) -> None:
    parsed = parse(text)
    assert parsed.seniority is level
    assert parsed.evidence["seniority"]


@pytest.mark.parametrize(
    "text",
    [
        "A senior member of the community.",
        "I work with senior engineers every day.",
        "We had a meeting with the CTO.",
        "I was a junior developer back then, now I just write code.",
        "I mentor students.",
        "Our staff is great.",
        "I read the architecture docs.",
    ],
)
def test_no_seniority_from_words_about_others(parse: Parse, text: str) -> None:
    assert parse(text).seniority is None


def test_self_description_beats_words_about_the_community(parse: Parse) -> None:
    parsed = parse("As a senior member of the community I help. I'm a junior developer.")
    assert parsed.seniority is Seniority.JUNIOR


def test_present_role_beats_a_past_one(parse: Parse) -> None:
    parsed = parse("I started as an intern, then I was a tech lead. I'm a senior engineer now.")
    assert parsed.seniority is Seniority.SENIOR


def test_evidence_quotes_the_title_as_written(parse: Parse) -> None:
    parsed = parse("I am an excellent back-end Sr. Engineer experienced in start-ups.")
    assert parsed.evidence["seniority"] == "Sr. Engineer"


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Soy desarrollador backend con 5 años de experiencia.", 5),
        ("Desenvolvedor com 8 anos de experiência.", 8),
        ("Ingénieur DevOps avec 6 ans d'expérience.", 6),
        ("DevOps Engineer mit 7 Jahren Erfahrung.", 7),
        ("5 Jahre Berufserfahrung.", 5),
        ("Sviluppatrice con 5 anni di esperienza.", 5),
        ("Sou dev frontend há 3 anos.", 3),
        ("Trabajo como desarrolladora desde hace 4 años.", 4),
        ("Développeuse web depuis 2019.", 7),
        ("Ich arbeite seit 2016 als Entwickler.", 10),
        ("I am working like java developer since 5 years.", 5),
        ("18 meses de experiencia.", 1.5),
    ],
)
def test_career_years_in_other_languages(parse: Parse, text: str, years: float) -> None:
    parsed = parse(text)
    assert parsed.years_experience == years
    assert parsed.evidence["years_experience"]


@pytest.mark.parametrize(
    ("text", "skill", "years"),
    [
        ("5 años de experiencia en Java.", "Java", 5),
        ("8 anos de experiência em Java.", "Java", 8),
        ("5 Jahre Erfahrung mit Angular.", "Angular", 5),
        ("6 ans d'expérience avec Docker.", "Docker", 6),
        ("Rust, 10 years; Python, 5 years.", "Rust", 10),
        ("Rust, 10 years; Python, 5 years.", "Python", 5),
    ],
)
def test_skill_years_in_other_languages_and_lists(
    parse: Parse, text: str, skill: str, years: float
) -> None:
    claim = next(c for c in parse(text).skills if c.name == skill)
    assert claim.years == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("backend dev, 5+ yrs, python/django, CET", 5),
        ("iOS dev (Swift/SwiftUI), 3 yrs, UTC-5", 3),
        ("🎮 game dev ⏰ 6 years 🇧🇷", 6),
        ("Indie game developer, Godot mostly. 3+ years. AEST.", 3),
        ("frontend • typescript • 4 yrs • CET", 4),
        ("Staff SRE | 12+ yrs | Go, Kubernetes", 12),
        ("Backend developer (5 years)", 5),
        ("Embedded engineer, C and C++. Since 2012.", 14),
        ("**Experience:** 5 years", 5),
        ("Depth: 6 years of Rust (you: 4 years)", 6),
    ],
)
def test_an_amount_standing_alone_is_the_career(parse: Parse, text: str, years: float) -> None:
    assert parse(text).years_experience == years


@pytest.mark.parametrize(
    "text",
    [
        "Age: 25 years",
        "Married, 2 kids. 3 years in Berlin.",
        "Vivo en Madrid desde hace 3 años.",
        "Another answer: Ansible anonymous.",
        "Ciao, in 2 anni voglio imparare Rust.",
    ],
)
def test_no_career_years_from_other_amounts(parse: Parse, text: str) -> None:
    assert parse(text).years_experience is None


def test_a_listed_amount_after_a_skill_stays_that_skills(parse: Parse) -> None:
    parsed = parse("Languages: Rust, 10 years; Go, 2 years.")
    assert {c.name: c.years for c in parsed.skills} == {"Rust": 10, "Go": 2}


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Hi!\n- 🧑‍💻 Senior Android dev\n- 📱 Kotlin", Seniority.SENIOR),
        ("**Role:** Staff ML Engineer\n**Stack:** Python", Seniority.STAFF),
        ("Title: Principal Engineer", Seniority.PRINCIPAL),
        ("Current role - Junior Developer", Seniority.JUNIOR),
    ],
)
def test_seniority_after_a_label_or_emoji(parse: Parse, text: str, level: Seniority) -> None:
    assert parse(text).seniority is level
