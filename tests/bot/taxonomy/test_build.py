"""scripts/build_taxonomy.py: reproducible output and a strict overlay."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = ROOT / "scripts" / "build_taxonomy.py"
COMMITTED = ROOT / "bot" / "taxonomy" / "data" / "skills.json"
COMMITTED_ENGLISH = ROOT / "bot" / "taxonomy" / "data" / "english_words.json"
OVERLAY = ROOT / "bot" / "taxonomy" / "data" / "overlay.toml"
SOURCES = ROOT / "scripts" / "taxonomy_sources"


@pytest.fixture
def build_module(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(SCRIPT.parent))
    return importlib.import_module("build_taxonomy")


def test_rebuilding_gives_the_committed_files_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "skills.json"
    subprocess.run([sys.executable, str(SCRIPT), "--out", str(out)], check=True,
                   capture_output=True)
    assert out.read_bytes() == COMMITTED.read_bytes(), (
        "skills.json is stale: run scripts/build_taxonomy.py and commit the result"
    )
    english = tmp_path / "english_words.json"
    assert english.read_bytes() == COMMITTED_ENGLISH.read_bytes(), (
        "english_words.json is stale: run scripts/build_taxonomy.py and commit the result"
    )


def test_the_english_table_can_be_written_elsewhere(tmp_path: Path) -> None:
    out, english = tmp_path / "skills.json", tmp_path / "words" / "table.json"
    subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out), "--english-out", str(english)],
        check=True, capture_output=True,
    )
    assert english.read_bytes() == COMMITTED_ENGLISH.read_bytes()
    assert not (tmp_path / "english_words.json").exists()


def _overlay(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "overlay.toml"
    path.write_text(OVERLAY.read_text(encoding="utf-8") + "\n" + extra, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('[skills.zzz-new]\nname = "Zzz"\ncategory = "tool"\n', "needs a reason"),
        ('[skills.zzz-new]\nreason = "x"\nname = "Zzz"\n', "needs name and category"),
        ('[skills.zzz-new]\nreason = "x"\nname = "Z"\ncategory = "toys"\n', "unknown category"),
        ('[skills.haskell]\nreason = "x"\nnickname = "py"\n', "unknown keys"),
        ('[[drop]]\nreason = "x"\nids = ["no-such-skill"]\n', "not a kept skill"),
        ('[skills.zzz-new]\nreason = "x"\nsource = "no-such-draft"\n', "does not exist"),
        ('[skills.haskell]\nreason = "x"\nparents = ["no-such-skill"]\n', "unknown skills"),
        ('[skills.ring]\nreason = "x"\n', "filtered out by the rules"),
    ],
)
def test_overlay_mistakes_fail_the_build(
    build_module: ModuleType, tmp_path: Path, extra: str, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        build_module.build(SOURCES, _overlay(tmp_path, extra))


def test_overlay_can_add_a_skill(build_module: ModuleType, tmp_path: Path) -> None:
    extra = (
        '[skills.zzz-new]\nreason = "test"\nname = "Zzz Engine"\ncategory = "tool"\n'
        'aliases = ["zzz"]\nparents = ["python"]\n'
    )
    doc = build_module.build(SOURCES, _overlay(tmp_path, extra))
    (added,) = [s for s in doc["skills"] if s["id"] == "zzz-new"]
    assert added["name"] == "Zzz Engine"
    assert added["aliases"] == ["zzz"]
    assert added["parents"] == ["python"]
