"""SkillMatcher: word boundaries, symbols, versions, variants, ignored spans, offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.taxonomy import SkillMatcher, SkillMention


def ids(matcher: SkillMatcher, text: str) -> list[str]:
    return [m.skill_id for m in matcher.find(text)]


def surfaces(matcher: SkillMatcher, text: str) -> list[tuple[str, str]]:
    return [(m.skill_id, m.surface) for m in matcher.find(text)]


def test_mention_fields(matcher: SkillMatcher) -> None:
    text = "I deploy with Kubernetes daily."
    (mention,) = matcher.find(text)
    assert mention == SkillMention(
        skill_id="kubernetes", name="Kubernetes", category="devops", kind="technology",
        surface="Kubernetes", start=14, end=24,
    )
    assert text[mention.start : mention.end] == mention.surface


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("I keep going to the gym.", "go"),
        ("The scalar values were wrong.", "scala"),
        ("It caused a chain reaction.", "react"),
        ("We ran a javascripting contest.", "javascript"),
        ("The tsunami warning was late.", "typescript"),
        ("My_python_helper crashed.", "python"),
        ("Call @kubernetes on chat.", "kubernetes"),
        ("See main.go for details.", "go"),
        ("The config.rs file.", "rust"),
        ("Nodes and edges.", "nodejs"),
        ("Express-delivery.", "express"),
    ],
)
def test_no_match_inside_words_or_identifiers(
    matcher: SkillMatcher, text: str, absent: str
) -> None:
    assert absent not in ids(matcher, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Strong in C# and F# on .NET.", [("csharp", "C#"), ("fsharp", "F#"), ("dotnet", ".NET")]),
        ("C++ and C are my tools.", [("cpp", "C++"), ("c", "C")]),
        ("Built on ASP.NET MVC.", [("aspnet", "ASP.NET"), ("mvc", "MVC")]),
        ("Node.js, React.js and Vue.js.",
         [("nodejs", "Node.js"), ("react", "React.js"), ("vue", "Vue.js")]),
        ("Set up CI/CD for the team.", [("cicd", "CI/CD")]),
        ("I use node js and nodejs.", [("nodejs", "node js"), ("nodejs", "nodejs")]),
        ("machine-learning and machine learning",
         [("machine-learning", "machine-learning"), ("machine-learning", "machine learning")]),
        ("We run k8s clusters.", [("kubernetes", "k8s")]),
    ],
)
def test_symbols_and_spelling_variants(
    matcher: SkillMatcher, text: str, expected: list[tuple[str, str]]
) -> None:
    assert surfaces(matcher, text) == expected


@pytest.mark.parametrize(
    ("text", "skill_id", "surface"),
    [
        ("Upgraded to Postgres 15 last year.", "postgresql", "Postgres 15"),
        ("Mostly Python 3.11 these days.", "python", "Python 3.11"),
        ("I script in python3.", "python", "python3"),
        ("Rewrote it in Vue3.", "vue", "Vue3"),
        ("Backend on Java 17.", "java", "Java 17"),
        ("Still on PHP 7.4 here.", "php", "PHP 7.4"),
        ("Services in Go 1.21 today.", "go", "Go 1.21"),
    ],
)
def test_versions_belong_to_the_surface(
    matcher: SkillMatcher, text: str, skill_id: str, surface: str
) -> None:
    assert (skill_id, surface) in surfaces(matcher, text)


@pytest.mark.parametrize(
    ("text", "skill_id", "surface"),
    [
        ("I wrote Python 2 years ago.", "python", "Python"),
        ("Used Docker 20 times a day.", "docker", "Docker"),
    ],
)
def test_counts_after_a_name_are_not_versions(
    matcher: SkillMatcher, text: str, skill_id: str, surface: str
) -> None:
    assert (skill_id, surface) in surfaces(matcher, text)


def test_possessives_and_plurals(matcher: SkillMatcher) -> None:
    assert surfaces(matcher, "Kafka's consumer groups are tricky.") == [("kafka", "Kafka")]
    assert ("microservice", "microservices") in surfaces(matcher, "I split microservices.")


def test_longest_match_wins_and_mentions_do_not_overlap(matcher: SkillMatcher) -> None:
    found = matcher.find("Spring Boot, React Native and Docker Compose.")
    assert [m.skill_id for m in found] == ["spring-boot", "react-native", "docker-compose"]


@pytest.mark.parametrize(
    "text",
    [
        "https://www.codingwithroby.com/newsletters/python-brain-bytes",
        "Read http://example.org/kubernetes/docker-guide today",
        "mail me at python.dev@rust-lang.org",
        "see github.com/someone/react-hooks",
        "the file /usr/lib/python3/site-packages/django/init.py",
        "open ~/projects/golang/main.go",
        "edit src/react/App.tsx please",
        "visit python.org",
        "C:\\Users\\me\\python\\run.bat",
    ],
)
def test_urls_emails_and_paths_are_ignored(matcher: SkillMatcher, text: str) -> None:
    assert matcher.find(text) == []


def test_slash_lists_are_not_paths(matcher: SkillMatcher) -> None:
    assert ids(matcher, "apache/nginx and sqs/sns/kinesis") == [
        "apache", "nginx", "amazon-sqs", "amazon-sns", "amazon-kinesis",
    ]


def test_text_around_a_url_still_counts(matcher: SkillMatcher) -> None:
    text = "I write Python (see https://x.com/newsletters/python-brain-bytes) and Rust."
    assert ids(matcher, text) == ["python", "rust"]


@pytest.mark.parametrize("text", ["", " ", "\n\n", "!!!", "İstanbul ŞİŞLİ 🙂 python", "相关标签"])
def test_odd_inputs(matcher: SkillMatcher, text: str) -> None:
    for mention in matcher.find(text):
        assert text[mention.start : mention.end] == mention.surface


def test_non_latin_text_around_names(matcher: SkillMatcher) -> None:
    text = "我用 Python 和 Docker 工作。İyi günler, Kubernetes! Ünïcödé — PostgreSQL…"
    found = matcher.find(text)
    assert [m.skill_id for m in found] == ["python", "docker", "kubernetes", "postgresql"]
    for m in found:
        assert text[m.start : m.end] == m.surface


def test_matcher_exposes_its_taxonomy(matcher: SkillMatcher, taxonomy: object) -> None:
    assert matcher.taxonomy is taxonomy


_TOKENS = [
    *"goc+#.-/ rustpyhn'’\nGRCSé汉@:", " Go ", " C ", " Rust ", "Python", " k8s", "://", ".com",
    " and ", ", ", "C++", "node.js", " 3.11", "I go to ", "postgres 15",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=30).map("".join))
def test_find_never_crashes_and_returns_ordered_disjoint_spans(text: str) -> None:
    previous_end = 0
    for mention in _MATCHER.find(text):
        assert mention.start >= previous_end
        assert mention.end > mention.start
        assert text[mention.start : mention.end] == mention.surface
        previous_end = mention.end


def _make() -> SkillMatcher:
    from bot.taxonomy import Taxonomy

    return SkillMatcher(Taxonomy.load())


_MATCHER = _make()
