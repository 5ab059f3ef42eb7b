"""Round 4 of extraction hardening, one focused test per cause: per-item levels, community
names, "|" lists, abbreviations, hobbies, offers whose topic comes first, student status in
five languages, terse amounts, link labels, hashtags and places written with accents."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.domain.profile import ParsedIntro, Seniority
from tests.bot.parsing.parsing_helpers import learning_names, skill_names

Parse = Callable[[str], ParsedIntro]


@pytest.mark.parametrize(
    ("text", "known", "learning"),
    [
        ("Rust: learning, Go: advanced", {"Go"}, {"Rust"}),
        ("Rust - learning, Go - advanced", {"Go"}, {"Rust"}),
        ("Kotlin: expert, Swift: intermediate, Flutter: learning, React Native: beginner",
         {"Kotlin", "Swift"}, {"Flutter", "React Native"}),
        ("Skills: Python: advanced; Rust: learning; Go: intermediate", {"Python", "Go"}, {"Rust"}),
        # a stated level is not undone by a later bare mention
        ("Python: fluent / Haskell: learning. Looking for a study buddy for Haskell.",
         {"Python"}, {"Haskell"}),
        # a verb with an object of its own starts a new item
        ("Python - learning Django now", {"Python"}, {"Django"}),
        # headings still govern their list
        ("Learning: Rust, Go", set(), {"Rust", "Go"}),
    ],
)
def test_label_style_levels_bind_per_item(
    parse: Parse, text: str, known: set[str], learning: set[str]
) -> None:
    parsed = parse(text)
    assert skill_names(parsed) == known
    assert learning_names(parsed) == learning


def test_gopher_is_a_go_developer_with_years(parse: Parse) -> None:
    parsed = parse("Gopher since 2015, mostly microservices with gRPC.")
    assert {c.name: c.years for c in parsed.skills}["Go"] == 11


@pytest.mark.parametrize(
    ("text", "skill"),
    [("Backend dev | Kuala Lumpur | Go", "Go"), ("SWE | Singapore | Go | ex-Grab", "Go"),
     ("Firmware engineer | Oslo | C", "C")],
)
def test_short_names_as_pipe_list_items(parse: Parse, text: str, skill: str) -> None:
    assert skill in skill_names(parse(text))


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("JS/TS dev, py on the side. GCP + k8s.", "Python", None),
        ("ML researcher. py + pytorch daily.", "Python", None),
        ("Cloud engineer. Daily: tf modules, AWS, GitHub Actions.", "Terraform", "Tensorflow"),
        ("Infra engineer. tf and Terraform Cloud, AWS, Ansible.", "Terraform", "Tensorflow"),
        ("Deep learning engineer, tf/keras at work.", "Tensorflow", "Terraform"),
    ],
)
def test_py_and_tf_where_context_decides(
    parse: Parse, text: str, present: str, absent: str | None
) -> None:
    names = skill_names(parse(text))
    assert present in names
    assert absent not in names


@pytest.mark.parametrize(
    "text", ["wtf is this tf thing lol", "I use tf every day", "saved as notes.py", "PY revenue"]
)
def test_py_and_tf_without_context_are_skipped(parse: Parse, text: str) -> None:
    assert not skill_names(parse(text)) & {"Python", "Terraform", "Tensorflow"}


@pytest.mark.parametrize(
    ("text", "skill"),
    [("Rust is my hobby.", "Rust"), ("Godot is my hobby.", "Godot"),
     ("Rust is a weekend hobby.", "Rust"), ("Elm is my hobby.", "Elm")],
)
def test_a_hobby_skill_is_known(parse: Parse, text: str, skill: str) -> None:
    parsed = parse(text)
    assert skill in skill_names(parsed)
    assert skill not in learning_names(parsed)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("If you need help with embedded C, ping me", "C"),
        ("If you need help with low-level C or debugging, just ping me.", "C"),
        ("Si alguien necesita ayuda con CSS, ¡escríbanme!", "CSS"),
    ],
)
def test_an_offer_whose_topic_comes_before_the_invitation(
    parse: Parse, text: str, topic: str
) -> None:
    parsed = parse(text)
    assert parsed.mentoring_offer is True
    assert topic in parsed.mentoring_topics


@pytest.mark.parametrize(
    "text",
    [
        "CS junior at UT Austin. Languages: Java, C, Python.",
        "CS sophomore at Georgia Tech, took classes in Java.",
        "Hi! CS senior at UCLA looking for internships.",
        "Hola a todos, soy estudiante de informática en Bogotá.",
        "Oi gente! Sou estudante de computação na UFMG.",
        "Servus! Ich bin Informatikstudent an der TU Wien.",
        "Bonjour ! Étudiant en informatique à Lyon, je code en Python.",
        "Je suis étudiante en informatique.",
    ],
)
def test_student_status(parse: Parse, text: str) -> None:
    assert parse(text).seniority is Seniority.STUDENT


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("**Level:** mid (3 yrs)", Seniority.MID),
        ("Salut ! Dev backend senior à Montréal.", Seniority.SENIOR),
        ("Hey all! Senior backend engineer at a fintech.", Seniority.SENIOR),
        ("I worked with senior engineers for years.", None),
        ("CS seniors are great mentors.", None),
    ],
)
def test_seniority_wordings(parse: Parse, text: str, level: Seniority | None) -> None:
    assert parse(text).seniority is level


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("sre. k8s, terraform. 9y. utc+2", 9),
        ("Python dev, 5yrs", 5),
        ("Pentester, 4y. OSCP.", 4),
        ("Frontend lead (Angular, RxJS) with 10+ years. Berlin.", 10),
        ("Ich bin seit 2016 als DevOps-Engineer in Köln unterwegs.", 10),
        ("Hago juegos en Unity con C# desde hace 2 años.", 2),
        ("I'm 25yo and love Go", None),
    ],
)
def test_terse_and_foreign_amounts(parse: Parse, text: str, years: float | None) -> None:
    assert parse(text).years_experience == years


def test_years_after_an_em_dash_in_a_bullet(parse: Parse) -> None:
    parsed = parse("Analytics engineer\n• SQL — 6 yrs\n• Snowflake — 2 yrs\n")
    assert {c.name: c.years for c in parsed.skills} == {"SQL": 6, "Snowflake": 2}


@pytest.mark.parametrize(
    ("text", "offer"),
    [
        ("Still do some SQL. Can help anyone moving from QA into management.", True),
        ("Linux since 2005. Can mentor on incident management.", True),
        ("Se alguém precisar de ajuda com Flutter, me chama!", True),
        ("Can someone help me with Go?", False),  # a request
    ],
)
def test_offers_without_a_subject_or_in_spanish_and_portuguese(
    parse: Parse, text: str, offer: bool | None
) -> None:
    assert parse(text).mentoring_offer is offer


def test_non_native_want_without_to_is_learning(parse: Parse) -> None:
    parsed = parse("I am using Selenium. I want improve my skill in automation with Playwright.")
    assert learning_names(parsed) == {"Playwright"}
    assert skill_names(parsed) == {"Selenium"}


def test_hashtags_name_skills(parse: Parse) -> None:
    parsed = parse("Frontend dev #react #typescript #tailwind #a11y — trying to learn #svelte")
    assert skill_names(parsed) == {"React", "TypeScript", "Tailwind CSS", "Web Accessibility"}
    assert learning_names(parsed) == {"Svelte"}


def test_a_link_label_is_not_a_skill(parse: Parse) -> None:
    parsed = parse("Backend dev (Python). Blog: https://me.dev | GitHub: github.com/me-go-rust")
    assert skill_names(parsed) == {"Python"}


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Unreal Engine 5 at a AA studio in Montréal, Blueprints when lazy.", "America/Toronto"),
        ("Delivery manager (ex-QA) in Cluj. Still do some SQL.", "Europe/Bucharest"),
        ("Étudiant en informatique à Lyon, je code en Python.", "Europe/Paris"),
        ("Embedded SW engineer, 12 years. Eindhoven, NL.", "Europe/Amsterdam"),
        ("Ich bin seit 2016 als DevOps-Engineer in Köln unterwegs.", "Europe/Berlin"),
    ],
)
def test_places_written_as_locals_write_them(parse: Parse, text: str, zone: str) -> None:
    assert parse(text).timezone == zone


@pytest.mark.parametrize(
    ("text", "known", "learning"),
    [
        ("Excel wizard, SQL intermediate, Python beginner.", {"Microsoft Excel", "SQL"},
         {"Python"}),
        ("Rust newbie, Go expert", {"Go"}, {"Rust"}),
        ("Marketing person learning to code 🙂 HTML/CSS so far.", {"HTML", "CSS"}, set()),
        ("learning to code: Python, JS", set(), {"Python", "JavaScript"}),
        ("Python und SQL kann ich, Spark lerne ich gerade.", {"Python", "SQL"},
         {"Apache Spark"}),
        ("Frontend (Angular). Go is my side-project language.", {"Angular", "Go"}, set()),
    ],
)
def test_levels_goals_and_own_tools_in_other_shapes(
    parse: Parse, text: str, known: set[str], learning: set[str]
) -> None:
    parsed = parse(text)
    assert skill_names(parsed) == known
    assert learning_names(parsed) == learning


@pytest.mark.parametrize(
    ("text", "skill", "years"),
    [("Backend: Go (5y), Postgres, Redis.", "Go", 5),
     ("Soy desarrolladora iOS, 4 años con Swift.", "Swift", 4),
     ("Trabajo con Python, Spark y Airflow desde hace 4 años.", "Python", 4)],
)
def test_years_of_one_skill_in_more_shapes(
    parse: Parse, text: str, skill: str, years: float
) -> None:
    assert {c.name: c.years for c in parse(text).skills}[skill] == years


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hi! Second-year IT student from Hanoi.", Seniority.STUDENT),
        ("Moin! Ich bin Werkstudentin im Bereich Data Engineering.", Seniority.STUDENT),
    ],
)
def test_more_student_wordings(parse: Parse, text: str, expected: Seniority) -> None:
    assert parse(text).seniority is expected


def test_down_to_help_is_an_offer(parse: Parse) -> None:
    assert parse("Always down to help newbies with JS!").mentoring_offer is True


@pytest.mark.parametrize(
    ("text", "zone"),
    [("ML eng. 4 yrs. SF.", "America/Los_Angeles"),
     ("Looking for a mentor! London", "Europe/London"),
     ("Student here 👋 3rd year CS at University of Toronto.", "America/Toronto")],
)
def test_more_places(parse: Parse, text: str, zone: str) -> None:
    assert parse(text).timezone == zone
