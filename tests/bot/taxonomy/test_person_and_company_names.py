"""Round 5 of the matcher: skill names standing where a person's or a company's name goes
("I'm Julia", "Ruby here", "Crystal (she/her)", signatures, "Spark Labs"), Pascal, and compound
names that name a second skill ("Ruby on Rails"). ``test_the_same_names_as_skills_still_read``
and ``test_a_brand_name_names_one_skill`` are guards: they pass before and after round 5 and
keep the vetoes from eating genuine mentions."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

import pytest

from bot.taxonomy import SkillMatcher, Taxonomy

ROOT = Path(__file__).resolve().parents[3]
OVERLAY = ROOT / "bot" / "taxonomy" / "data" / "overlay.toml"
SOURCES = ROOT / "scripts" / "taxonomy_sources"


def _ids(matcher: SkillMatcher, text: str) -> list[str]:
    return [m.skill_id for m in matcher.find(text)]


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        ("Hi, I'm Julia, a product designer", "julia"),
        ("Hello! I am Julia, data analyst in Madrid", "julia"),
        ("My name is Julia, I'm a mobile developer", "julia"),
        ("Bonjour ! Je m'appelle Julia, développeuse web", "julia"),
        ("Hey there, I'm Kotlin (it's a surname) and I write Python", "kotlin"),
        ("Call me Swift, everybody does. Unity and C#.", "swift"),
        ("Hi, I'm Jordan Haskell, a product manager", "haskell"),
        ("Hey, I'm Tom R., Python developer", "r"),
        ("this is Ruby 🙋 junior dev, learning JavaScript", "ruby"),
    ],
)
def test_a_name_after_i_am_is_a_person(matcher: SkillMatcher, text: str, skill_id: str) -> None:
    assert skill_id not in _ids(matcher, text)


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        ("Hey! Ruby here, frontend dev", "ruby"),
        ("Hey! Ember here, frontend dev", "ember"),
        ("Hi all! Kotlin here, React and Go", "kotlin"),
        ("Hello, Sam Ember here, Vue and React", "ember"),
        ("Crystal (she/her), QA engineer", "crystal"),
        ("Ember (they/them), backend dev. Node.js", "ember"),
        ("Ruby (she/her), Vue, React", "ruby"),
    ],
)
def test_a_name_before_here_or_pronouns_is_a_person(
    matcher: SkillMatcher, text: str, skill_id: str
) -> None:
    assert skill_id not in _ids(matcher, text)


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        ("Backend: Go, PostgreSQL, Redis\nCheers,\nEmber", "ember"),
        ("SRE. Kubernetes, Go.\n\n— Ember", "ember"),
        ("Backend dev, Elixir and some Erlang.\nBest,\nEmber 🙂", "ember"),
        ("Python, Django\n-- Jane Swift", "swift"),
    ],
)
def test_a_signed_name_is_a_person(matcher: SkillMatcher, text: str, skill_id: str) -> None:
    assert skill_id not in _ids(matcher, text)


def test_pascal_reads_as_the_language_but_not_as_a_first_name(matcher: SkillMatcher) -> None:
    assert "pascal" in _ids(matcher, "Started with Turbo Pascal, then Delphi/Pascal")
    assert "pascal" in _ids(matcher, "Free Pascal/Lazarus for lab instruments; also Python")
    for text in ("My name is Pascal, I'm a mobile developer",
                 "Bonjour ! Je m'appelle Pascal, développeur web",
                 "Pascal (he/him), cloud architect. Azure, C#.",
                 "A quote I like\n-- Blaise Pascal\n\nI write Go."):
        assert "pascal" not in _ids(matcher, text), text


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        ("I work at Spark Labs as a data engineer. Airflow, dbt.", "spark"),
        ("Product engineer at Swift Technologies, TypeScript and Node.", "swift"),
        ("Frontend at Ember Studio in Leeds. React, Three.js.", "ember"),
        ("working at Flutter Inc: Angular and RxJS", "flutter"),
        ("I work at Rust Labs GmbH in Hamburg, doing TypeScript", "rust"),
    ],
)
def test_a_name_before_a_company_word_is_a_company(
    matcher: SkillMatcher, text: str, skill_id: str
) -> None:
    assert skill_id not in _ids(matcher, text)


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        ("I'm Ruby, and yes, I write Ruby for a living", "ruby"),
        ("I'm Julia-curious and want to learn Julia properly", "julia"),
        ("I am Python developer with 5 years", "python"),
        ("I am Java/Kotlin developer", "java"),
        ("I'm Go, Rust and Python dev", "go"),
        ("Data scientist, Julia developer since 2019", "julia"),
        ("Hi all, Dart here (a nickname). I write Dart every day.", "dart"),
        ("Safety-critical avionics: Ada and SPARK, plus C", "ada"),
        ("Statistician, R and Python for stats", "r"),
        ("Stack:\n- Python\n- Ruby", "ruby"),
        ("I'm Sarah Swift, iOS developer. Swift and SwiftUI.", "swift"),
        ("Spark for ETL at Databricks Labs", "spark"),
    ],
)
def test_the_same_names_as_skills_still_read(
    matcher: SkillMatcher, text: str, skill_id: str
) -> None:
    assert skill_id in _ids(matcher, text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Ruby on Rails dev for 6 years", {"rails", "ruby"}),
        ("RubyOnRails and Sidekiq", {"rails", "ruby"}),
        ("Django REST framework and Celery at work", {"djangorest", "django"}),
        ("Java Swing desktop apps", {"swing", "java"}),
    ],
)
def test_a_compound_name_also_names_the_skill_it_spells_out(
    matcher: SkillMatcher, text: str, present: set[str]
) -> None:
    assert present <= set(_ids(matcher, text))


@pytest.mark.parametrize(
    ("text", "absent"),
    [("Rails dev for 6 years", "ruby"), ("Spring Boot microservices", "spring"),
     ("React Native apps", "react"), ("Learning Kotlin Multiplatform", "kotlin")],
)
def test_a_brand_name_names_one_skill(matcher: SkillMatcher, text: str, absent: str) -> None:
    assert absent not in _ids(matcher, text)


def test_the_packaged_taxonomy_lists_implied_skills(taxonomy: Taxonomy) -> None:
    assert taxonomy.implied_aliases["ruby on rails"] == ("ruby",)
    assert taxonomy.resolve("Turbo Pascal") is not None
    assert taxonomy.resolve("Turbo Pascal") == taxonomy.resolve("pascal")


@pytest.fixture
def build_module(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    return importlib.import_module("build_taxonomy")


def test_the_build_writes_implied_skills(build_module: ModuleType) -> None:
    doc = build_module.build(SOURCES, OVERLAY)
    assert doc["implied"]["ruby on rails"] == ["ruby"]
    assert doc["implied"]["django rest framework"] == ["django"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('[[implied]]\nreason = "x"\nalias = "no such alias"\nids = ["ruby"]\n', "no skill's"),
        ('[[implied]]\nreason = "x"\nalias = "ruby on rails"\nids = ["rails"]\n', "other existing"),
        ('[[implied]]\nreason = "x"\nalias = "ruby on rails"\nids = ["nope"]\n', "other existing"),
        ('[[implied]]\nalias = "ruby on rails"\nids = ["ruby"]\n', "needs a reason"),
    ],
)
def test_mistakes_in_implied_entries_fail_the_build(
    build_module: ModuleType, tmp_path: Path, extra: str, message: str
) -> None:
    overlay = tmp_path / "overlay.toml"
    overlay.write_text(OVERLAY.read_text(encoding="utf-8") + "\n" + extra, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        build_module.build(SOURCES, overlay)
