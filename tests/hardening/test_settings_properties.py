"""Property tests: any config file or environment loads into valid settings or a clear error."""

from __future__ import annotations

import atexit
import json
import math
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.settings import Settings, SettingsError, load_settings
from bot.settings.model import env_var_name, leaf_fields, secret_paths
from tests.hardening.cases import CASES

PATHS = [path for path, _ in leaf_fields(Settings) if len(path) == 2]
SECRET_LOOKING = "xoxb-hardening-secret-0000"
SECRETS = set(secret_paths(Settings))
_FOLDER = Path(tempfile.mkdtemp(prefix="mentormeet-hardening-"))  # one file, rewritten per case
atexit.register(shutil.rmtree, _FOLDER, ignore_errors=True)

values: st.SearchStrategy[Any] = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", "0", "-1", "1e309", "nan", "inf", "true", "yes", "24h,1h", "10s",
                     "none", "Europe/Berlin", "Mars/Base", "sqlite+aiosqlite:///x.db",
                     "postgresql+asyncpg://u:hunter2@h/db", "[\"a\", \"b\"]", "DEBUG", "json",
                     "9" * 40, "\x00", "🦀", SECRET_LOOKING]),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.lists(st.text(max_size=10), max_size=3),
)
assignments = st.dictionaries(st.sampled_from(PATHS), values, max_size=4)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    return json.dumps(value)  # JSON strings are TOML basic strings (bad escapes are errors too)


def _toml(assigned: dict[tuple[str, ...], Any]) -> str:
    tables: dict[str, list[str]] = {}
    for (section, key), value in assigned.items():
        tables.setdefault(section, []).append(f"{key} = {_toml_value(value)}")
    return "\n".join(f"[{name}]\n" + "\n".join(lines) for name, lines in tables.items())


def _check(load: Any, assigned: dict[tuple[str, ...], Any]) -> None:
    loaded: Settings | None = None
    message = ""
    try:
        loaded = load()
    except SettingsError as exc:
        message = exc.message
    if loaded is not None:
        assert isinstance(loaded, Settings)
        return
    assert message.strip()
    assert "Traceback" not in message
    elsewhere = [value for path, value in assigned.items() if path != ("database", "url")]
    if "hunter2" in str(assigned.get(("database", "url"), "")) and "hunter2" not in str(elsewhere):
        assert "hunter2" not in message
    if SECRETS & assigned.keys():
        shown_elsewhere = " ".join(str(v) for p, v in assigned.items() if p not in SECRETS)
        if SECRET_LOOKING not in shown_elsewhere:
            assert SECRET_LOOKING not in message


@settings(max_examples=CASES)
@given(assignments, st.sets(st.sampled_from(sorted(SECRETS)), max_size=2), st.text(max_size=60),
       st.booleans())
def test_any_config_file_or_environment_loads_or_explains(
        assigned: dict[tuple[str, ...], Any], secrets: set[tuple[str, ...]], junk: str,
        from_file: bool) -> None:
    assigned = assigned | dict.fromkeys(secrets, SECRET_LOOKING)
    if from_file:
        file = _FOLDER / "mentormeet.toml"
        file.write_text(_toml(assigned) + ("\n" + junk if "[" in junk else ""), "utf-8",
                        errors="surrogatepass")
        _check(lambda: load_settings(file, env={}), assigned)
        return
    env = {env_var_name(path): value if isinstance(value, str) else json.dumps(value)
           for path, value in assigned.items()}
    env = {name: value.replace("\x00", "") for name, value in env.items()}
    _check(lambda: load_settings(None, env=env), assigned)


HUGE_DURATION_PATHS = [("matching", "checkin_after"), ("matching", "request_expiry"),
                       ("matching", "sweep_interval"), ("meetups", "plan_ahead"),
                       ("reminders", "late_after")]


@pytest.mark.parametrize("path", HUGE_DURATION_PATHS)
@pytest.mark.parametrize("seconds", [8.64e13, -8.64e13, math.inf])
def test_a_huge_number_of_seconds_is_a_settings_error(path: tuple[str, str],
                                                       seconds: float) -> None:
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "mentormeet.toml"
        number = "inf" if math.isinf(seconds) else repr(seconds)
        file.write_text(f"[{path[0]}]\n{path[1]} = {number}\n", "utf-8")
        with pytest.raises(SettingsError) as raised:
            load_settings(file, env={})
    assert path[1] in raised.value.message
