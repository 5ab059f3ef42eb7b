"""The [matching] settings: durations as people write them, the waking window, limits."""

from __future__ import annotations

from datetime import time, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.settings import load_settings
from bot.settings.matching import MatchingSettings


def test_defaults_give_the_core_its_rules() -> None:
    config = MatchingSettings().config()
    assert config.default_capacity == 2
    assert config.request_expiry == timedelta(days=3)
    assert config.open_requests_per_mentee == 1
    assert config.checkin_after == timedelta(days=14)
    assert (config.waking_start, config.waking_end) == (time(8), time(22))
    assert config.waking_hours == 14.0


def test_durations_and_windows_as_people_write_them() -> None:
    settings = MatchingSettings(request_expiry="2s", checkin_after="1h30m", sweep_interval=0.2,
                                waking_hours=" 7:00 - 23:30")
    config = settings.config()
    assert config.request_expiry == timedelta(seconds=2)
    assert config.checkin_after == timedelta(minutes=90)
    assert config.sweep_interval == timedelta(seconds=0.2)
    assert settings.waking_hours == "07:00-23:30"
    assert MatchingSettings(waking_hours="20:00-04:00").config().waking_hours == 8.0
    assert MatchingSettings(request_expiry="P2D").request_expiry == timedelta(days=2)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("request_expiry", "soon", "can't read the duration"),
        ("request_expiry", "60d", "outside"),
        ("sweep_interval", 0, "outside"),
        ("waking_hours", "8-22", "not a window"),
        ("waking_hours", "10:00-10:00", "empty window"),
        ("waking_hours", "25:00-10:00", "above 23"),
        ("default_capacity", 0, "greater than or equal to 1"),
        ("min_score", 101, "less than or equal to 100"),
    ],
)
def test_bad_values_name_the_problem(field: str, value: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        MatchingSettings(**{field: value})


def test_environment_variables_reach_the_section(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.chdir(tmp_path)
    env = {"MENTORMEET_MATCHING_REQUEST_EXPIRY": "90m", "MENTORMEET_MATCHING_RESULT_COUNT": "5"}
    settings = load_settings(None, env=env)
    assert settings.matching.request_expiry == timedelta(minutes=90)
    assert settings.matching.result_count == 5
