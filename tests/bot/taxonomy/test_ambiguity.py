"""Ambiguous words: technologies in context, plain English otherwise (both directions)."""

from __future__ import annotations

import pytest

from bot.taxonomy import CustomSkill, SkillMatcher, Taxonomy


@pytest.fixture(scope="module")
def flux_matcher() -> SkillMatcher:
    """The packaged taxonomy has no Flux; a community adding it must still get context rules."""
    return SkillMatcher(Taxonomy.load(custom=[CustomSkill(name="Flux", category="devops")]))


SKILLS = [
    ("I write Go every day.", "go"),
    ("Also found a concurrency bug in Go graceful-shutdown handling.", "go"),
    ("Rust and Python are my tools.", "rust"),
    ("Rust and Python are my tools.", "python"),
    ("I love Rust and Python.", "rust"),
    ("Mostly Swift/iOS work lately.", "swift"),
    ("We used Spring Boot for the services.", "spring-boot"),
    ("Also shipped the first React version of the seller home page.", "react"),
    ("I know C and C++ well.", "c"),
    ("I use R for statistics.", "r"),
    ("I teach R and Python to analysts.", "r"),
    ("postgres, mongo, elastic, memcache", "elasticsearch"),
    ("postgres, mongo, elastic, memcache", "memcached"),
    ("I have 5 years of Go experience.", "go"),
    ("Our backend is written in Rust.", "rust"),
    ("I'm a Swift developer.", "swift"),
    ("I'm learning Go.", "go"),
    ("Currently learning Rust.", "rust"),
    ("I build APIs with Express and Node.js.", "express"),
    ("Express middleware is my bread and butter.", "express"),
    ("Spring and Hibernate at my last job.", "spring"),
    ("Skills: Java, Spring, Hibernate", "spring"),
    ("Go, Rust, and Python", "go"),
    ("Languages: C, Go, Rust", "c"),
    ("Languages: C, Go, Rust", "go"),
    ("I'm a React developer", "react"),
    ("Experienced with Express.js", "express"),
    ("I mostly code in python these days", "python"),
    ("We migrated from PHP to Go", "go"),
    ("Swift and Kotlin for mobile", "swift"),
    ("I program in C.", "c"),
    ("stack: react, node, postgres", "react"),
    ("stack: react, node, postgres", "nodejs"),
    ("Go developer with 5 years in fintech", "go"),
    ("Embedded work in C/C++", "c"),
    ("Worked with Elastic and Kibana", "elasticsearch"),
    ("Tech stack: Go, gRPC, Kafka", "go"),
    ("I've been writing Rust for two years.", "rust"),
    ("Building iOS apps in Swift", "swift"),
    ("My main languages are Python and Go.", "go"),
    ("Backend: Go + PostgreSQL", "go"),
    ("Frontend in React, backend in Node.", "react"),
    ("Frontend in React, backend in Node.", "nodejs"),
    ("Experienced in C programming.", "c"),
    ("Worked on Spring microservices.", "spring"),
    ("Services in Go 1.21 today.", "go"),
    ("Skills:\n- Python\n- Go\n- Rust", "go"),
    ("Skills:\n- Python\n- Go\n- Rust", "python"),
    ("Still on PHP 7.4 here.", "php"),
    ("Data wrangling in SQL and Python.", "sql"),
    ("I deploy on Linux boxes.", "linux"),
    ("Sole Android developer.", "android"),
    # known misses, now found
    ("Elixir (currently learning) is fun.", "elixir"),
    ("I want to get into Go.", "go"),
    ("Python (5 years), Go (2 years).", "python"),
    ("Python (5 years), Go (2 years).", "go"),
    ("熟悉Python、Go和Docker", "python"),
    ("熟悉Python、Go和Docker", "go"),
    ("熟悉Python、Go和Docker", "docker"),
    ("我用 Go 写后端服务", "go"),
    ("We run Go-based services.", "go"),
    ("Rust-based tooling everywhere.", "rust"),
    ("A Go-powered backend.", "go"),
    ("Python and Go", "python"),
    ("Python and Go", "go"),
    ("i code in go and rust", "go"),
    ("Ich arbeite mit Go und PostgreSQL.", "go"),
    ("Пишу на Go и Python.", "go"),
    ("Go - 3 yrs, Rust (1 year)", "go"),
]

PLAIN_ENGLISH = [
    ("I go to meetups every month.", "go"),
    ("Thanks for my Swift reply.", "swift"),
    ("There is rust on my bike.", "rust"),
    ("We went on spring break.", "spring"),
    ("I want to express my thanks.", "express"),
    ("Let's go!", "go"),
    ("Go ahead and ask.", "go"),
    ("I react quickly to incidents.", "react"),
    ("How the system will react when things get crazy.", "react"),
    ("The next second I realized.", "nextjs"),
    ("Next, we shipped it.", "nextjs"),
    ("I got a C in chemistry.", "c"),
    ("Plan B is fine, plan C too.", "c"),
    ("This is Vitamin C.", "c"),
    ("We ship in spring 2024.", "spring"),
    ("In Spring we hiked a lot.", "spring"),
    ("He is a swift learner.", "swift"),
    ("Express delivery was late.", "express"),
    ("An elastic band broke.", "elasticsearch"),
    ("Keep the conversation going.", "go"),
    ("I'm going to go home.", "go"),
    ("We need to go faster.", "go"),
    ("Swift action was needed.", "swift"),
    ("Our R&D department is small.", "r"),
    ("Meetings with C-level executives.", "c"),
    ("Our team went to Go-karts.", "go"),
    ("I like to ride my bike in the spring.", "spring"),
    ("It will rust if left outside.", "rust"),
    ("We had to go back to the drawing board.", "go"),
    ("Feel free to reach out and express interest.", "express"),
    ("The spring of 2019 was busy.", "spring"),
    ("React to feedback quickly.", "react"),
    ("That was a swift turnaround.", "swift"),
    ("They express concern about deadlines.", "express"),
    ("I'm from the R&D team.", "r"),
    ("The Rust belt towns were hit hard.", "rust"),
    ("Spring cleaning is done.", "spring"),
    ("My colleague Julia helped a lot.", "julia"),
    ("Thanks, Julia!", "julia"),
    ("Ruby said it was fine.", "ruby"),
    ("We'll go live next week.", "go"),
    ("To go further, we rewrote everything.", "go"),
    ("I want to go deeper into distributed systems.", "go"),
    # near misses of the cases above
    ("She is my go-to person for design.", "go"),
    ("The C-suite signed off.", "c"),
    ("I go to 北京 every summer.", "go"),
    ("We went go-karting in spring.", "go"),
    ("I swim in spring and react to everything quickly.", "spring"),
    ("I swim in spring and react to everything quickly.", "react"),
    ("It is rust-colored.", "rust"),
    ("Go based on your gut.", "go"),
]


@pytest.mark.parametrize(("text", "skill_id"), SKILLS)
def test_ambiguous_word_used_as_technology(
    matcher: SkillMatcher, text: str, skill_id: str
) -> None:
    assert skill_id in [m.skill_id for m in matcher.find(text)]


@pytest.mark.parametrize(("text", "skill_id"), PLAIN_ENGLISH)
def test_ambiguous_word_used_as_english(matcher: SkillMatcher, text: str, skill_id: str) -> None:
    assert skill_id not in [m.skill_id for m in matcher.find(text)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ('I started at a startup called something weird called "Flux" in 2018.', False),
        ("Things are in flux right now.", False),
        ("The flux capacitor.", False),
        ("We use Flux for GitOps.", True),
        ("Deployed with Flux and Argo CD.", True),
    ],
)
def test_company_or_word_flux(flux_matcher: SkillMatcher, text: str, found: bool) -> None:
    assert ("flux" in [m.skill_id for m in flux_matcher.find(text)]) is found


def test_a_slash_list_of_names_is_not_a_file_path(matcher: SkillMatcher) -> None:
    found = [m.skill_id for m in matcher.find("Stack: TS/React/Next.js on the front.")]
    assert found == ["typescript", "react", "nextjs"]
    assert matcher.find("edit src/react/App.tsx and ./next.js please") == []


def test_unambiguous_names_need_no_context(matcher: SkillMatcher) -> None:
    found = [m.skill_id for m in matcher.find("kubernetes. postgres. kafka. terraform.")]
    assert found == ["kubernetes", "postgresql", "kafka", "terraform"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Python", ["python"]),
        ("rust", ["rust"]),
        ("Go.", ["go"]),
        ("Rust / Go", ["rust", "go"]),
        ("Swift, Dart", ["swift", "dart"]),
    ],
)
def test_a_text_of_nothing_but_names_reads_every_one(
        matcher: SkillMatcher, text: str, found: list[str]) -> None:
    # "/intro Python": the command is the context a lone word otherwise lacks
    assert [m.skill_id for m in matcher.find(text)] == found


@pytest.mark.parametrize(
    "text",
    ["I go", "Go home", "Rust never sleeps",
     "spring spring spring spring spring spring spring spring spring"],
)
def test_a_name_with_other_words_or_a_long_run_still_needs_context(
        matcher: SkillMatcher, text: str) -> None:
    assert [m.skill_id for m in matcher.find(text) if m.skill_id in {"go", "rust", "spring"}] == []
