"""Unseen, realistic introductions: profile READMEs, chat one-liners, résumé summaries, bullet
lists, tech-stack lines and intros in other languages, each with the profile it must yield."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.domain.profile import ParsedIntro, Seniority
from tests.bot.parsing.parsing_helpers import learning_names, skill_names

Parse = Callable[[str], ParsedIntro]

# (intro, known skills, learning goals) — both compared exactly.
INTROS: list[tuple[str, set[str], set[str]]] = [
    # GitHub profile README style, emoji bullets
    (
        "👋 Hi, I'm Sam\n🔭 I'm currently working on a Django REST API\n"
        "🌱 I'm currently learning Rust\n👯 I'm looking to collaborate on open source\n"
        "💬 Ask me about Python and PostgreSQL\n⚡ Fun fact: I love hiking",
        {"Django REST", "Django", "Open Source", "Python", "PostgreSQL"},
        {"Rust"},
    ),
    (
        "- 🔭 Currently building a CLI in Go\n- 🌱 Learning Kubernetes\n- 📫 Reach me on Discord",
        {"Command-line Interface", "Go"},
        {"Kubernetes"},
    ),
    (
        "🛠️ Tools: VS Code, Neovim, tmux, zsh\n💻 Languages: Python, Bash, Lua",
        {"Visual Studio Code", "Neovim", "Tmux", "Zsh", "Python", "Bash", "Lua"},
        set(),
    ),
    (
        "![Python](https://img.shields.io/badge/python-3670A0?style=for-the-badge&logo=python) "
        "![Docker](https://img.shields.io/badge/docker-%230db7ed.svg?logo=docker)",
        {"Python", "Docker"},
        set(),
    ),
    ("<p>Backend <b>Go</b> developer</p>", {"Go"}, set()),
    # Discord one-liners
    ("hey all! backend dev, mostly node + postgres, learning rust rn",
     {"Node.js", "PostgreSQL"}, {"Rust"}),
    ("yo im a data engineer, spark/airflow/dbt, based in berlin",
     {"Apache Spark", "Apache Airflow", "dbt"}, set()),
    ("hi! student here, learning python and javascript, want to get into web dev",
     set(), {"Python", "JavaScript"}),
    ("Game dev here — Unity and C#, dabbling in Godot.", {"Unity", "C#"}, {"Godot"}),
    ("i code in go and rust", {"Go", "Rust"}, set()),
    # LinkedIn-ish summaries
    (
        "Senior Software Engineer with 10+ years of experience building scalable microservices "
        "in Java and Spring Boot. Passionate about clean architecture, AWS and mentoring junior "
        "developers.",
        {"Microservices", "Java", "Spring Boot", "Amazon Web Services"},
        set(),
    ),
    (
        "Results-driven data scientist skilled in Python, pandas, scikit-learn and SQL. "
        "Currently exploring LLMs and LangChain.",
        {"Python", "pandas", "scikit-learn", "SQL"},
        {"Large Language Model", "LangChain"},
    ),
    (
        "Staff engineer @ a payments company. Mostly Scala and Kafka these days; "
        "I used to write a lot of Perl.",
        {"Scala", "Kafka", "Perl"},
        set(),
    ),
    (
        "Junior QA engineer. Selenium, Playwright, Cypress, Jest; 1 year of experience.",
        {"Selenium", "Playwright", "Cypress", "Jest"},
        set(),
    ),
    (
        "I'm a PM, not an engineer, but I've shipped features with Jira and Figma.",
        {"Jira", "Figma"},
        set(),
    ),
    # bullet lists and "Tech stack:" lines
    ("Skills:\n* Python\n* Docker\n* Kubernetes\n* Terraform",
     {"Python", "Docker", "Kubernetes", "Terraform"}, set()),
    ("Skills: python, go, rust", {"Python", "Go", "Rust"}, set()),
    ("Tech stack: Go, gRPC, Kafka, PostgreSQL, Redis",
     {"Go", "gRPC", "Kafka", "PostgreSQL", "Redis"}, set()),
    ("Stack: TS/React/Next.js on the front, Go on the backend.",
     {"TypeScript", "React", "Next.js", "Go"}, set()),
    (
        "DevOps engineer: Terraform, Ansible, AWS, GitHub Actions, Prometheus, Grafana.",
        {"DevOps", "Terraform", "Ansible", "Amazon Web Services", "GitHub Actions",
         "Prometheus", "Grafana"},
        set(),
    ),
    ("Mobile: Flutter/Dart and React Native. Web: Vue 3 + Vite.",
     {"Flutter", "Dart", "React Native", "Vue.js", "Vite"}, set()),
    ("Data analyst: Excel, Power BI, Tableau and a lot of SQL.",
     {"Microsoft Excel", "Power BI", "Tableau", "SQL"}, set()),
    ("Currently learning:\n- TypeScript\n- GraphQL\n\nI use Java at work.",
     {"Java"}, {"TypeScript", "GraphQL"}),
    ("Full-stack dev. Laravel + Vue at work, Svelte for side projects. Open to mentoring!",
     {"Laravel", "Vue.js", "Svelte"}, set()),
    # prose
    ("I write Swift and SwiftUI for iOS apps.", {"Swift", "SwiftUI", "iOS"}, set()),
    ("Embedded C/C++ on STM32, some Rust on the side.", {"C", "C++", "Rust"}, set()),
    ("ML engineer. PyTorch, JAX, CUDA. Ask me anything about transformers!",
     {"Machine Learning", "PyTorch", "JAX", "CUDA"}, set()),
    ("Rust-based tooling, Go-powered services and a bit of Elixir.",
     {"Rust", "Go", "Elixir"}, set()),
    ("Looking for a mentor in machine learning; I know Python and NumPy.",
     {"Python", "NumPy"}, {"Machine Learning"}),
    ("Learning Go after 6 years of PHP.", {"PHP"}, {"Go"}),
    ("SRE at a fintech. Kubernetes, Prometheus, Go. Based in Lisbon, UTC+0.",
     {"SRE", "Kubernetes", "Prometheus", "Go"}, set()),
    # other languages: the tech names are still found, common learning verbs are read
    ("Hallo! Ich bin Backend-Entwickler und arbeite hauptsächlich mit Go und PostgreSQL. "
     "Zurzeit lerne ich Rust.", {"Go", "PostgreSQL"}, {"Rust"}),
    ("Hola, soy desarrollador full stack con experiencia en React, Node.js y MongoDB.",
     {"React", "Node.js", "MongoDB"}, set()),
    ("Olá! Sou engenheira de dados e trabalho com Python, Spark e Airflow.",
     {"Python", "Apache Spark", "Apache Airflow"}, set()),
    ("Bonjour, je suis développeur Python et Django, et j'utilise Docker tous les jours.",
     {"Python", "Django", "Docker"}, set()),
    ("大家好，我是后端工程师，熟悉Java、Spring Boot和MySQL，平时也写Go。",
     {"Java", "Spring Boot", "MySQL", "Go"}, set()),
    ("はじめまして。普段はTypeScriptとReactでフロントエンドを書いています。",
     {"TypeScript", "React"}, set()),
    ("Привет! Я бэкенд-разработчик, пишу на Go и Python.", {"Go", "Python"}, set()),
    # plain English that only looks like tech
    ("I go to the gym, swim in spring and react to everything quickly.", set(), set()),
    ("Let's go! Excited to be here 🎉", set(), set()),
    ("my swift reply: spring is here and rust never sleeps", set(), set()),
    ("She is my go-to person for design.", set(), set()),
    ("I go to 北京 every summer.", set(), set()),
    ("We went go-karting in spring.", set(), set()),
]


@pytest.mark.parametrize(("text", "skills", "learning"), INTROS)
def test_realistic_intro(parse: Parse, text: str, skills: set[str], learning: set[str]) -> None:
    parsed = parse(text)
    assert skill_names(parsed) == skills
    assert learning_names(parsed) == learning


@pytest.mark.parametrize(
    ("text", "offer", "topics"),
    [
        ("💬 Ask me about Python and PostgreSQL", True, ("Python", "PostgreSQL")),
        ("Frontend dev (React, TypeScript, Tailwind). Happy to help with CSS questions!",
         True, ("CSS",)),
        ("Full-stack dev. Laravel + Vue at work. Open to mentoring!", True, ()),
        ("Looking for a mentor in machine learning; I know Python and NumPy.", False, ()),
        ("Tech stack: Go, gRPC, Kafka", None, ()),
    ],
)
def test_realistic_mentoring(
    parse: Parse, text: str, offer: bool | None, topics: tuple[str, ...]
) -> None:
    parsed = parse(text)
    assert parsed.mentoring_offer is offer
    assert parsed.mentoring_topics == topics


def test_realistic_summary_reads_seniority_years_and_offer(parse: Parse) -> None:
    parsed = parse(INTROS[10][0])
    assert parsed.seniority is Seniority.SENIOR
    assert parsed.years_experience == 10
    assert parsed.mentoring_offer is True


def test_years_of_a_skill_make_it_known_despite_a_learning_cue(parse: Parse) -> None:
    parsed = parse("Learning Go after 6 years of PHP.")
    (php,) = parsed.skills
    assert php.name == "PHP"
    assert php.years == 6


def test_explicit_offset_beats_the_city(parse: Parse) -> None:
    parsed = parse("SRE at a fintech. Kubernetes, Prometheus, Go. Based in Lisbon, UTC+0.")
    assert parsed.timezone == "UTC"
    assert parse("yo im a data engineer, spark/airflow/dbt, based in berlin").timezone == (
        "Europe/Berlin"
    )


@pytest.mark.parametrize(
    ("text", "skill_years"),
    [
        ("Python (5 years), Go (2 years).", {"Python": 5, "Go": 2}),
        ("Go - 3 yrs, Rust (1 year)", {"Go": 3, "Rust": 1}),
    ],
)
def test_durations_in_asides_are_evidence_and_years(
    parse: Parse, text: str, skill_years: dict[str, float]
) -> None:
    parsed = parse(text)
    assert {c.name: c.years for c in parsed.skills} == skill_years
