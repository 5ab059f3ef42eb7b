"""Timezone names typed by members."""

from bot.timezones import resolve_timezone, suggest_timezones


def test_case_and_spaces_are_forgiven() -> None:
    assert resolve_timezone("europe/berlin") == "Europe/Berlin"
    assert resolve_timezone("America/New York") == "America/New_York"
    assert resolve_timezone("utc") == "UTC"


def test_unknown_zone_is_none_with_suggestions() -> None:
    assert resolve_timezone("Europe/Berln") is None
    assert "Europe/Berlin" in suggest_timezones("Europe/Berln")
    assert resolve_timezone("Mars/Olympus") is None
