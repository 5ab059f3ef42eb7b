"""Round 4 of the matcher: shared abbreviations ("tf"), aliases that need context ("Gopher"),
names standing alone in a "|" list, flavours ("embedded C"), hobby statements, latin-1 case."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

import pytest

from bot.taxonomy import SkillMatcher, Taxonomy
from bot.taxonomy.boundaries import prepare

ROOT = Path(__file__).resolve().parents[3]
SCRIPT_DIR = ROOT / "scripts"
OVERLAY = ROOT / "bot" / "taxonomy" / "data" / "overlay.toml"
SOURCES = ROOT / "scripts" / "taxonomy_sources"


def _ids(matcher: SkillMatcher, text: str) -> list[str]:
    return [m.skill_id for m in matcher.find(text)]


@pytest.fixture
def build_module(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(SCRIPT_DIR))
    return importlib.import_module("build_taxonomy")


def _overlay(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "overlay.toml"
    path.write_text(OVERLAY.read_text(encoding="utf-8") + "\n" + extra, encoding="utf-8")
    return path


def test_the_packaged_taxonomy_shares_tf_between_terraform_and_tensorflow(
    taxonomy: Taxonomy,
) -> None:
    assert taxonomy.shared_aliases["tf"] == ("tensorflow", "terraform")
    assert taxonomy.resolve("tf") is None  # no skill owns it on its own


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        ("Cloud engineer. Daily: tf modules, AWS (ECS, Lambda), GitHub Actions.", "terraform"),
        ("Infra: tf, Ansible, Kubernetes", "terraform"),
        ("Deep learning engineer. tf/keras at work, pytorch at home.", "tensorflow"),
        ("ML stack: PyTorch, JAX and some TF", "tensorflow"),
    ],
)
def test_a_shared_abbreviation_reads_as_the_skill_its_neighbours_belong_with(
    matcher: SkillMatcher, text: str, skill_id: str
) -> None:
    ids = _ids(matcher, text)
    assert skill_id in ids
    assert {"terraform", "tensorflow"} - {skill_id} <= {"terraform", "tensorflow"} - set(ids)


@pytest.mark.parametrize(
    "text",
    [
        "wtf is this tf thing",  # slang, no evidence
        "I use tf every day",  # nothing says which one
        "tf with Python and Docker",  # the neighbours disagree: one ML-ish language, one infra
    ],
)
def test_a_shared_abbreviation_nothing_decides_is_dropped(
    matcher: SkillMatcher, text: str
) -> None:
    ids = _ids(matcher, text)
    assert "terraform" not in ids
    assert "tensorflow" not in ids


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gopher since 2015, mostly gRPC", True),
        ("Gopher for 6 years", True),
        ("Gopher and Rustacean", True),
        ("gophers dug up my garden", False),
        ("Golden Gophers fan", False),
        ("I'm a Gopher", False),  # no context: a miss rather than a guess
    ],
)
def test_gopher_names_a_go_developer_only_with_context(
    matcher: SkillMatcher, text: str, expected: bool
) -> None:
    assert ("go" in _ids(matcher, text)) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Backend dev | Kuala Lumpur | Go",
        "SWE | Singapore | Go | ex-Grab",
        "Platform engineer • Berlin • Rust",
    ],
)
def test_a_short_name_alone_in_a_work_list_item_is_a_skill(
    matcher: SkillMatcher, text: str
) -> None:
    assert {"go", "rust"} & set(_ids(matcher, text))


@pytest.mark.parametrize(
    "text",
    ["I like reading • hiking • go • swimming", "Weekends | Go | chess | hiking", "Remote | Go!"],
)
def test_a_list_item_outside_a_work_line_stays_english(matcher: SkillMatcher, text: str) -> None:
    assert "go" not in _ids(matcher, text)


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        ("If you need help with embedded C, ping me", "c"),
        ("Mostly low-level C on microcontrollers", "c"),
        ("Rust is my hobby.", "rust"),
        ("Rust is a weekend hobby.", "rust"),
        ("Elm is my hobby", "elm"),
        ("JS/TS dev, py on the side", "python"),
        ("je code surtout en Python et en C", "c"),
    ],
)
def test_context_that_names_a_technology(matcher: SkillMatcher, text: str, skill_id: str) -> None:
    assert skill_id in _ids(matcher, text)


@pytest.mark.parametrize(
    "text",
    ["Spring is my favourite season", "I go on the side of caution", "C is my grade in maths"],
)
def test_the_same_shapes_with_plain_words_stay_english(matcher: SkillMatcher, text: str) -> None:
    assert not _ids(matcher, text)


def test_latin1_capitals_are_lowercased_in_the_scan_copy() -> None:
    lowered, scan = prepare("Étudiant à Köln, ÜBER")
    assert lowered == "étudiant à köln, über"
    assert scan == "étudiant à köln  über"


def test_the_build_writes_shared_and_ambiguous_aliases(build_module: ModuleType) -> None:
    doc = build_module.build(SOURCES, OVERLAY)
    assert doc["shared"] == {"tf": ["tensorflow", "terraform"]}
    assert doc["zipf"]["gopher"] >= 4.5


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('[[shared]]\nreason = "x"\nalias = "zz"\nids = ["terraform"]\n', "two or more ids"),
        ('[[shared]]\nreason = "x"\nalias = "zz"\nids = ["terraform", "nope"]\n', "unknown ids"),
        ('[[shared]]\nreason = "x"\nalias = "golang"\nids = ["go", "rust"]\n', "already"),
        ('[[shared]]\nalias = "zz"\nids = ["go", "rust"]\n', "needs a reason"),
        ('[[ambiguous]]\nreason = "x"\naliases = ["no such alias"]\n', "no skill's name"),
        ('[[ambiguous]]\naliases = ["gopher"]\n', "needs a reason"),
    ],
)
def test_mistakes_in_the_new_overlay_sections_fail_the_build(
    build_module: ModuleType, tmp_path: Path, extra: str, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        build_module.build(SOURCES, _overlay(tmp_path, extra))
