"""config.example.toml loads, matches the defaults, and documents every settings key."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from bot.settings import Settings, env_var_name, load_settings
from bot.settings.model import is_secret, leaf_fields

EXAMPLE = Path(__file__).resolve().parents[2] / "config.example.toml"

# A commented-out setting: "# key = value", '# "key" = value', "# [table]" or "# [[array]]".
_COMMENTED_SETTING = re.compile(r'^# ?((?:[a-z_]+|"[^"]+") = .*|\[\[?[a-z_.]+\]\]?)$')


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


def uncommented() -> str:
    """The example with every commented-out setting switched on."""
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    return "\n".join(
        match.group(1) if (match := _COMMENTED_SETTING.match(line)) else line for line in lines
    )


def lookup(document: Any, path: tuple[str, ...]) -> bool:
    """Whether the key path exists, looking into the first table of an array of tables."""
    for name in path:
        if isinstance(document, list):
            document = document[0] if document else {}
        if not isinstance(document, dict) or name not in document:
            return False
        document = document[name]
    return True


def test_example_as_shipped_equals_the_defaults() -> None:
    assert load_settings(EXAMPLE, env={}).model_dump() == Settings().model_dump()


def test_example_with_every_option_enabled_is_valid(tmp_path: Path) -> None:
    full = tmp_path / "full.toml"
    full.write_text(uncommented(), encoding="utf-8")
    settings = load_settings(full, env={})
    assert settings.database.url.startswith("postgresql+asyncpg://")
    assert [skill.name for skill in settings.skills.custom] == ["Dagster"]
    assert settings.skills.aliases["k8s"] == "Kubernetes"


def test_example_documents_every_key() -> None:
    document = tomllib.loads(uncommented())
    missing = [
        ".".join(path)
        for path, field in leaf_fields(Settings)
        if not is_secret(field) and not lookup(document, path)  # secrets may not be in a file
    ]
    assert missing == []


def test_every_section_key_has_default_and_env_var_documented() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    for path, _ in leaf_fields(Settings):
        if len(path) != 2:
            continue  # keys inside [[skills.custom]] are described in the custom block
        own = text.split(f"\n[{path[0]}]\n", 1)[-1].split("\n\n")  # its section onwards
        block = next((b for b in own if f"\n# {path[1]}: " in f"\n{b}"), None)
        assert block is not None, f"{'.'.join(path)} has no comment block"
        assert "Default:" in block, f"{'.'.join(path)} has no default documented"
        assert env_var_name(path) in block, f"{'.'.join(path)} has no env var documented"
