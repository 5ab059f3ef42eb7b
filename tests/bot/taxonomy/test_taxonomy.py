"""Taxonomy lookup, suggestions, relations and the collection protocol."""

from __future__ import annotations

import pytest

from bot.taxonomy import Skill, Taxonomy
from bot.taxonomy.taxonomy import GRANDPARENT, PARENT, RELATED, SAME


@pytest.mark.parametrize(
    ("name", "skill_id"),
    [
        ("k8s", "kubernetes"),
        ("K8S", "kubernetes"),
        ("postgres", "postgresql"),
        ("Postgres", "postgresql"),
        ("postgres 15", "postgresql"),
        ("PostgreSQL", "postgresql"),
        ("golang", "go"),
        ("Go", "go"),
        ("JS", "javascript"),
        ("ML", "machine-learning"),
        ("machine-learning", "machine-learning"),
        ("node", "nodejs"),
        ("nodejs", "nodejs"),
        ("node.js", "nodejs"),
        ("Node JS", "nodejs"),
        ("React.js", "react"),
        ("ReactJS", "react"),
        ("mongo", "mongodb"),
        ("elastic", "elasticsearch"),
        ("memcache", "memcached"),
        ("python3", "python"),
        ("Python 3.11", "python"),
        ("Java 17", "java"),
        ("C#", "csharp"),
        ("c++", "cpp"),
        (".NET", "dotnet"),
        ("S3", "amazon-s3"),
        ("AWS S3", "amazon-s3"),
        ("Amazon S3", "amazon-s3"),
        ("ec2", "amazon-ec2"),
        ("DynamoDB", "dynamodb"),
        ("kafka", "kafka"),
        ("CI/CD", "cicd"),
        ("  kubernetes  ", "kubernetes"),
    ],
)
def test_resolve_names_ids_and_aliases(taxonomy: Taxonomy, name: str, skill_id: str) -> None:
    skill = taxonomy.resolve(name)
    assert skill is not None, name
    assert skill.id == skill_id


@pytest.mark.parametrize("name", ["", "   ", "next", "not a skill at all", "rs", "cake", "envrc"])
def test_resolve_unknown_or_trap_names(taxonomy: Taxonomy, name: str) -> None:
    assert taxonomy.resolve(name) is None


def test_canonical_names(taxonomy: Taxonomy) -> None:
    expected = {
        "kubernetes": "Kubernetes",
        "postgresql": "PostgreSQL",
        "go": "Go",
        "javascript": "JavaScript",
        "machine-learning": "Machine Learning",
        "nodejs": "Node.js",
        "nextjs": "Next.js",
        "elasticsearch": "Elasticsearch",
        "amazon-s3": "Amazon S3",
        "kafka": "Kafka",
        "memcached": "Memcached",
        "apache": "Apache",
        "nginx": "nginx",
        "rabbitmq": "RabbitMQ",
        "riak": "Riak",
        "mongodb": "MongoDB",
        "redis": "Redis",
        "mysql": "MySQL",
        "php": "PHP",
        "rancher": "Rancher",
        "android": "Android",
        "docker": "Docker",
        "python": "Python",
        "sql": "SQL",
        "react": "React",
        "linux": "Linux",
        "git": "Git",
    }
    assert {k: taxonomy.get(k).name for k in expected} == expected  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("written", "skill_id"),
    [
        ("Apache Kafka", "kafka"),
        ("kafka", "kafka"),
        ("Apache HTTP Server", "apache"),
        ("apache httpd", "apache"),
        ("apache2", "apache"),
        ("httpd", "apache"),
    ],
)
def test_former_and_long_names_still_resolve_to_the_same_ids(
    taxonomy: Taxonomy, written: str, skill_id: str
) -> None:
    found = taxonomy.resolve(written)
    assert found is not None
    assert found.id == skill_id


def test_the_apache_foundation_prefix_makes_no_parent(taxonomy: Taxonomy) -> None:
    for skill_id in ("kafka", "spark", "cassandra", "apacheairflow"):
        assert "apache" not in taxonomy.get(skill_id).parents  # type: ignore[union-attr]
    assert taxonomy.resolve("the apache software foundation") is None


def test_get_is_exact_id_only(taxonomy: Taxonomy) -> None:
    assert taxonomy.get("postgresql") is not None
    assert taxonomy.get("postgres") is None
    assert taxonomy.get("PostgreSQL") is None


def test_suggest_offers_close_skills(taxonomy: Taxonomy) -> None:
    assert "kubernetes" in [s.id for s in taxonomy.suggest("kubernets")]
    assert "postgresql" in [s.id for s in taxonomy.suggest("postgress")]
    assert taxonomy.suggest("kubernets", limit=1)[0].id == "kubernetes"
    assert len(taxonomy.suggest("java", limit=2)) <= 2
    assert taxonomy.suggest("") == []
    assert taxonomy.suggest("qqqqqqqqqqqqzzzz") == []


@pytest.mark.parametrize(
    ("a", "b", "weight"),
    [
        ("fastapi", "python", PARENT),
        ("python", "fastapi", PARENT),
        ("django", "python", PARENT),
        ("nextjs", "react", PARENT),
        ("amazon-s3", "aws", PARENT),
        ("express", "nodejs", PARENT),
        ("kubernetes", "docker", RELATED),
        ("docker", "kubernetes", RELATED),
        ("postgresql", "mysql", RELATED),
        ("mysql", "postgresql", RELATED),
        ("nextjs", "javascript", GRANDPARENT),
        ("postgresql", "postgresql", SAME),
        ("postgres", "PostgreSQL", SAME),
        ("FastAPI", "Python", PARENT),
        ("kafka", "react", 0.0),
        ("no-such-skill", "python", 0.0),
    ],
)
def test_relation_weights(taxonomy: Taxonomy, a: str, b: str, weight: float) -> None:
    assert taxonomy.relation(a, b) == pytest.approx(weight)


def test_weights_are_ordered() -> None:
    assert SAME > PARENT > RELATED > GRANDPARENT > 0.0


def test_related_lists_neighbours_strongest_first(taxonomy: Taxonomy) -> None:
    related = taxonomy.related("python")
    ids = [skill_id for skill_id, _ in related]
    weights = [w for _, w in related]
    assert "fastapi" in ids
    assert "django" in ids
    assert weights == sorted(weights, reverse=True)
    assert all(w > 0 for w in weights)
    assert "python" not in ids
    assert dict(taxonomy.related("kubernetes"))["docker"] == pytest.approx(RELATED)
    assert taxonomy.related("no-such-skill") == []


def test_collection_protocol(taxonomy: Taxonomy) -> None:
    skills = list(taxonomy)
    assert len(skills) == len(taxonomy) > 1000
    assert all(isinstance(s, Skill) for s in skills)
    assert len({s.id for s in skills}) == len(skills)
    assert "python" in taxonomy


def test_load_without_extras_is_shared() -> None:
    assert Taxonomy.load() is Taxonomy.load()


def test_every_relation_points_at_a_skill(taxonomy: Taxonomy) -> None:
    for skill in taxonomy:
        for other in (*skill.parents, *skill.related):
            assert taxonomy.get(other) is not None, (skill.id, other)
        assert skill.id not in skill.parents
