"""The five real introductions in tests/fixtures/intros."""

from __future__ import annotations

from collections.abc import Callable

from bot.domain.profile import ParsedIntro, Seniority
from tests.bot.parsing.parsing_helpers import intro, learning_names, skill_names

Parse = Callable[[str], ParsedIntro]


def _everything(parsed: ParsedIntro) -> set[str]:
    names = skill_names(parsed) | learning_names(parsed)
    return {n.lower() for n in names} | {c.skill_id for c in (*parsed.skills, *parsed.learning)}


def test_000_backend_prose_with_a_chinese_spam_tail(parse: Parse) -> None:
    parsed = parse(intro("000"))
    assert {"Python", "Redis", "Shell"} <= skill_names(parsed)
    found = _everything(parsed)
    assert not any("pvc" in name or "logo" in name for name in found)
    assert any("another script" in note for note in parsed.notes)
    assert parsed.years_experience is None  # "the last few years" is vague
    for claim in parsed.skills:
        assert claim.evidence
        assert len(claim.evidence) <= 100
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in claim.evidence)


def test_001_data_engineer_names_tools_but_not_the_company(parse: Parse) -> None:
    parsed = parse(intro("001"))
    assert {"Python", "SQL", "Docker", "Kubernetes"} <= skill_names(parsed)
    assert not any("flux" in name for name in _everything(parsed))
    assert learning_names(parsed) == set()  # "spent four years learning X" is past learning
    assert parsed.seniority is None  # "the CTO" is someone else
    assert parsed.years_experience is None  # "twelve months later", schooling: not career


def test_002_senior_backend_engineer_and_his_stack(parse: Parse) -> None:
    parsed = parse(intro("002"))
    expected = {
        "PostgreSQL", "MongoDB", "Elasticsearch", "Memcached", "Redis", "Riak", "RabbitMQ",
        "Linux", "Git", "nginx", "WSGI", "Kafka", "Apache",
    }
    names = skill_names(parsed)
    assert expected <= names
    aws = {"EC2", "S3", "RDS", "EMR", "DynamoDB", "SQS", "SNS", "Kinesis", "Redshift", "Athena"}
    for service in aws:
        assert any(service.lower() in n.lower() for n in names), service
    assert parsed.seniority is Seniority.SENIOR
    assert parsed.evidence["seniority"] == "Sr. Engineer"
    postgres = next(c for c in parsed.skills if c.name == "PostgreSQL")
    assert "postgres" in postgres.evidence
    assert len(postgres.evidence) <= 100


def test_003_newsletter_with_repeats_and_a_url(parse: Parse) -> None:
    parsed = parse(intro("003"))
    assert any("repeated lines" in note for note in parsed.notes)
    assert "Python" not in skill_names(parsed) | learning_names(parsed)  # only in the URL
    assert parsed.mentoring_offer is None


def test_004_seven_companies_in_eight_years(parse: Parse) -> None:
    parsed = parse(intro("004"))
    expected = {
        "Redis", "Elasticsearch", "Go", "React", "Node.js", "Next.js", "PHP", "MySQL",
        "MongoDB", "Docker", "Rancher", "Android",
    }
    assert expected <= skill_names(parsed)
    assert parsed.years_experience == 8
    assert "eight years" in parsed.evidence["years_experience"]
    assert parsed.seniority is Seniority.LEAD  # "Ran a four-person backend team"
    assert parsed.timezone is None  # "a small London fintech" is not where they live


def test_every_fixture_parses_deterministically(parse: Parse) -> None:
    for prefix in ("000", "001", "002", "003", "004"):
        assert parse(intro(prefix)) == parse(intro(prefix))
