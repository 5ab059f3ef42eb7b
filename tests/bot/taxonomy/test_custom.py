"""Community-defined skills and aliases from config, applied at load time."""

from __future__ import annotations

import pytest

from bot.taxonomy import CustomSkill, SkillMatcher, Taxonomy


def test_custom_skill_is_added_with_aliases_and_relations() -> None:
    taxonomy = Taxonomy.load(
        custom=[
            CustomSkill(
                name="Acme Deploy",
                aliases=("acmedeploy", "ad-tool"),
                category="devops",
                related=("Kubernetes",),
                parents=("golang",),
            )
        ]
    )
    skill = taxonomy.resolve("acme deploy")
    assert skill is not None
    assert skill.name == "Acme Deploy"
    assert skill.category == "devops"
    assert skill.kind == "technology"
    assert taxonomy.resolve("ad-tool") == skill
    assert skill.parents == ("go",)
    assert skill.related == ("kubernetes",)
    assert taxonomy.relation(skill.id, "go") == pytest.approx(0.6)
    assert taxonomy.relation("kubernetes", skill.id) == pytest.approx(0.4)
    assert len(taxonomy) == len(Taxonomy.load()) + 1


def test_custom_extras_do_not_touch_the_shared_taxonomy() -> None:
    Taxonomy.load(custom=[CustomSkill(name="Zorblax")], extra_aliases={"pg": "PostgreSQL"})
    assert Taxonomy.load().resolve("Zorblax") is None
    assert Taxonomy.load().resolve("pg") is None


def test_custom_skills_may_refer_to_each_other() -> None:
    taxonomy = Taxonomy.load(
        custom=[
            CustomSkill(name="Widget SDK", parents=("Widget Platform",)),
            CustomSkill(name="Widget Platform", category="platform"),
        ]
    )
    sdk = taxonomy.resolve("widget sdk")
    platform = taxonomy.resolve("widget platform")
    assert sdk is not None
    assert platform is not None
    assert sdk.parents == (platform.id,)


def test_custom_concept_category_makes_a_concept() -> None:
    taxonomy = Taxonomy.load(custom=[CustomSkill(name="Incident Command", category="concept")])
    skill = taxonomy.resolve("incident command")
    assert skill is not None
    assert skill.kind == "concept"


def test_custom_skill_with_an_existing_name_extends_it() -> None:
    base = Taxonomy.load()
    taxonomy = Taxonomy.load(custom=[CustomSkill(name="postgres", aliases=("pg",))])
    assert len(taxonomy) == len(base)
    skill = taxonomy.resolve("pg")
    assert skill is not None
    assert skill.id == "postgresql"
    assert "pg" in skill.aliases


def test_extra_aliases_point_at_existing_skills() -> None:
    taxonomy = Taxonomy.load(extra_aliases={"pg": "PostgreSQL", "kube": "k8s"})
    assert taxonomy.resolve("pg").id == "postgresql"  # type: ignore[union-attr]
    assert taxonomy.resolve("kube").id == "kubernetes"  # type: ignore[union-attr]


def test_extra_alias_with_unknown_target_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match=r"unknown skill 'Kubernets'.*Kubernetes"):
        Taxonomy.load(extra_aliases={"kube": "Kubernets"})


def test_custom_relation_to_unknown_skill_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown skill 'Nonexistium'"):
        Taxonomy.load(custom=[CustomSkill(name="Thing", related=("Nonexistium",))])


def test_custom_skill_with_empty_name_is_an_error() -> None:
    with pytest.raises(ValueError, match="empty"):
        Taxonomy.load(custom=[CustomSkill(name="  ")])


def test_matcher_finds_custom_skills_and_aliases() -> None:
    taxonomy = Taxonomy.load(
        custom=[CustomSkill(name="Acme Deploy", aliases=("acmedeploy",))],
        extra_aliases={"pg": "PostgreSQL"},
    )
    found = SkillMatcher(taxonomy).find("We ship with acmedeploy and store data in pg.")
    assert [(m.skill_id, m.surface) for m in found] == [
        ("acme-deploy", "acmedeploy"),
        ("postgresql", "pg"),
    ]


def test_common_word_custom_skill_needs_context() -> None:
    matcher = SkillMatcher(Taxonomy.load(custom=[CustomSkill(name="Flux", category="devops")]))
    assert matcher.find('I started at a startup called "Flux" in 2018.') == []
    assert matcher.find("Things are in flux right now.") == []
    found = [m.skill_id for m in matcher.find("We use Flux for GitOps on Kubernetes.")]
    assert found[0] == "flux"
    assert "kubernetes" in found
