"""The generated skills.json: traps in the sources are handled, the shape is sound."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources

import pytest

from bot.taxonomy import Taxonomy

CATEGORIES = {
    "language", "format", "framework", "library", "database", "cloud", "devops", "tool",
    "platform", "os", "messaging", "data", "ml", "concept",
}


def _data(name: str) -> dict[str, object]:
    raw = resources.files("bot.taxonomy").joinpath("data", name).read_text("utf-8")
    return json.loads(raw)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def document() -> dict[str, object]:
    return _data("skills.json")


@pytest.fixture(scope="module")
def english() -> dict[str, object]:
    return _data("english_words.json")


def test_built_from_the_sources_not_a_short_hand_list(taxonomy: Taxonomy) -> None:
    assert len(taxonomy) > 1000
    languages = [s for s in taxonomy if s.category == "language"]
    assert len(languages) > 300


def test_every_skill_has_a_known_kind_and_category(taxonomy: Taxonomy) -> None:
    for skill in taxonomy:
        assert skill.kind in {"technology", "concept"}, skill
        assert skill.category in CATEGORIES, skill
        assert (skill.kind == "concept") == (skill.category == "concept"), skill
        assert skill.name, skill
        assert skill.name.strip() == skill.name, skill


@pytest.mark.parametrize(
    ("skill_id", "alias"),
    [
        ("nextjs", "next"),  # Explore's alias is an everyday word
        ("javascript", "node"),  # Linguist code-fence token; node is Node.js
        ("rust", "rs"),
        ("csharp", "cake"),
        ("shell", "envrc"),
        ("python", "rusthon"),
        ("assemblyscript", "as"),  # common-word aliases that are not a form of the name
        ("jenkins", "hudson"),
    ],
)
def test_misleading_aliases_are_dropped(taxonomy: Taxonomy, skill_id: str, alias: str) -> None:
    skill = taxonomy.get(skill_id)
    if skill is not None:
        assert alias not in skill.aliases
    resolved = taxonomy.resolve(alias)
    assert resolved is None or resolved.id != skill_id


@pytest.mark.parametrize(
    "name", ["Pic", "Text", "Ring", "Self", "Clean", "Pure", "Just", "To-Do", "E", "J"]
)
def test_english_word_names_known_to_one_source_are_dropped(
    taxonomy: Taxonomy, name: str
) -> None:
    assert taxonomy.resolve(name) is None


@pytest.mark.parametrize(
    "name", ["API", "Back end", "backend", "Database", "Algorithm", "Security"]
)
def test_generic_concepts_are_dropped(taxonomy: Taxonomy, name: str) -> None:
    assert taxonomy.resolve(name) is None


@pytest.mark.parametrize(
    "name",
    [
        "Machine Learning", "System Design", "Distributed Systems", "DevOps", "Data Engineering",
        "Microservices", "CI/CD", "Data Science", "Deep Learning", "NoSQL",
    ],
)
def test_disciplines_are_concepts(taxonomy: Taxonomy, name: str) -> None:
    skill = taxonomy.resolve(name)
    assert skill is not None, name
    assert (skill.kind, skill.category) == ("concept", "concept")


@pytest.mark.parametrize(
    ("skill_id", "category"),
    [
        ("python", "language"),
        ("sql", "language"),
        ("django", "framework"),
        ("react", "framework"),
        ("postgresql", "database"),
        ("kafka", "messaging"),
        ("rabbitmq", "messaging"),
        ("kubernetes", "devops"),
        ("docker", "devops"),
        ("aws", "cloud"),
        ("amazon-s3", "cloud"),
        ("linux", "os"),
        ("pandas", "library"),
        ("nodejs", "platform"),
    ],
)
def test_categories(taxonomy: Taxonomy, skill_id: str, category: str) -> None:
    assert taxonomy.get(skill_id).category == category  # type: ignore[union-attr]


def test_overlay_additions_are_present(taxonomy: Taxonomy) -> None:
    for name in ["Kafka", "Riak", "WSGI", "RabbitMQ", "memcache", "EC2", "S3", "RDS", "EMR",
                 "SQS", "SNS", "Kinesis", "Redshift", "Athena", "Lambda", "DynamoDB"]:
        assert taxonomy.resolve(name) is not None, name
    for service in ["amazon-ec2", "amazon-s3", "amazon-sqs", "aws-lambda", "dynamodb"]:
        assert "aws" in taxonomy.get(service).parents  # type: ignore[union-attr]


def test_word_frequencies_are_stored_for_the_runtime(
    document: dict[str, object], english: dict[str, object]
) -> None:
    zipf = document["zipf"]
    assert isinstance(zipf, dict)
    assert zipf["go"] > 5.0
    assert zipf["spring"] > 4.0
    assert "kubernetes" not in zipf or zipf["kubernetes"] < 3.0
    assert "c++" not in zipf  # symbols are not English words
    words = english["buckets"]
    assert isinstance(words, dict)
    assert "the" in words["5.5"].split()
    assert "kubernetes" not in " ".join(words.values()).split()


def test_the_wordfreq_table_lives_in_its_own_file_with_its_licence(
    document: dict[str, object], english: dict[str, object]
) -> None:
    assert "english_words" not in document  # skills.json: CC-BY / MIT derived data only
    assert set(document) == {"format", "implied", "shared", "skills", "sources", "zipf"}
    assert english["licence"] == "CC-BY-SA-4.0"
    assert "wordfreq" in str(english["source"])
    notice = resources.files("bot.taxonomy").joinpath("data", "ATTRIBUTION.md").read_text("utf-8")
    assert "english_words.json" in notice
    assert "CC-BY-SA 4.0" in notice


def test_english_table_estimates_community_aliases(taxonomy: Taxonomy) -> None:
    assert taxonomy.english.estimate("river") >= 3.0  # a plain word: needs context
    assert taxonomy.english.estimate("zorblaxify") == 0.0
    assert taxonomy.english.estimate("the same") >= 5.5  # everyday phrase
    assert taxonomy.english.estimate("gizmo engine") == 0.0


def test_runtime_does_not_import_build_dependencies() -> None:
    code = (
        "import sys; from bot.taxonomy import Taxonomy, SkillMatcher;"
        "SkillMatcher(Taxonomy.load()).find('I write Go and Python');"
        "print('wordfreq' in sys.modules, 'yaml' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
