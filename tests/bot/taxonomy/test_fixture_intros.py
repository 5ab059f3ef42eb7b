"""Real introductions (tests/fixtures/intros): what the matcher must, may and must not find."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.taxonomy import SkillMatcher

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "intros"


def fixture_text(prefix: str) -> str:
    """The intro fixture whose file name starts with ``prefix`` ("001")."""
    (path,) = sorted(FIXTURES.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")

# fixture -> (skills it must yield, further skills reviewed as fair mentions)
EXPECTED: dict[str, tuple[set[str], set[str]]] = {
    "000": (
        {"python", "redis"},
        {"shell", "regular-expression", "distributed-systems"},
    ),
    "001": (
        {"python", "sql", "docker", "kubernetes"},
        {"data-engineering", "cicd", "csv", "microservice", "distributed-systems"},
    ),
    "002": (
        {
            "postgresql", "mongodb", "elasticsearch", "memcached", "redis", "riak", "rabbitmq",
            "kafka", "linux", "git", "nginx", "apache", "wsgi", "amazon-ec2", "amazon-s3",
            "amazon-rds", "amazon-emr", "dynamodb", "amazon-sqs", "amazon-sns", "amazon-kinesis",
            "amazon-redshift", "amazon-athena", "python",
        },
        {"system-design", "nosql", "docker", "open-source"},
    ),
    "003": (set(), set()),
    "004": (
        {
            "redis", "elasticsearch", "go", "react", "nodejs", "nextjs", "php", "mysql",
            "mongodb", "docker", "rancher", "android",
        },
        {"data-structures", "finite-state-machine"},
    ),
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_fixture_yields_expected_skills(matcher: SkillMatcher, prefix: str) -> None:
    required, allowed = EXPECTED[prefix]
    found = {m.skill_id for m in matcher.find(fixture_text(prefix))}
    assert required <= found, f"missing: {sorted(required - found)}"
    assert found <= required | allowed, f"unexpected: {sorted(found - required - allowed)}"


@pytest.mark.parametrize(
    ("prefix", "absent"),
    [
        ("001", "flux"),  # 'a startup called "Flux"'
        ("000", "react"),  # "how the system will react"
        ("000", "go"),  # "I decided to go back to basics"
        ("000", "nextjs"),  # "the next second"
        ("003", "python"),  # only inside a URL
    ],
)
def test_fixture_plain_words_are_not_skills(
    matcher: SkillMatcher, prefix: str, absent: str
) -> None:
    assert absent not in {m.skill_id for m in matcher.find(fixture_text(prefix))}


def test_surfaces_and_offsets_match_the_text(matcher: SkillMatcher) -> None:
    for prefix in EXPECTED:
        text = fixture_text(prefix)
        previous_end = 0
        for mention in matcher.find(text):
            assert text[mention.start : mention.end] == mention.surface
            assert mention.start >= previous_end
            previous_end = mention.end


def test_spam_tail_does_not_break_matching(matcher: SkillMatcher) -> None:
    text = fixture_text("000")
    assert "相关标签" in text
    english = text.split("相关标签")[0]
    assert [m.skill_id for m in matcher.find(text)] == [m.skill_id for m in matcher.find(english)]
