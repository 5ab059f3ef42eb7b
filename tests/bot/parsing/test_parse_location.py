"""Timezones from offsets, abbreviations, IANA names and places."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.domain.profile import ParsedIntro
from bot.parsing.places import gazetteer, place_key, resolve_place

Parse = Callable[[str], ParsedIntro]


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("My timezone is UTC+2.", "Etc/GMT-2"),
        ("I'm on GMT-5.", "Etc/GMT+5"),
        ("Working hours UTC +1", "Etc/GMT-1"),
        ("UTC−3 (Brazil)", "Etc/GMT+3"),
        ("UTC+05:30", "Asia/Kolkata"),
        ("UTC+5:45", "Asia/Kathmandu"),
        ("UTC-03:30", "America/St_Johns"),
        ("UTC+0", "UTC"),
        ("UTC+14", "Etc/GMT-14"),
        ("Timezone: UTC", "UTC"),
        ("tz: Europe/Berlin", "Europe/Berlin"),
        ("I keep america/new_york hours", "America/New_York"),
    ],
)
def test_explicit_offsets_and_names(parse: Parse, text: str, zone: str) -> None:
    parsed = parse(text)
    assert parsed.timezone == zone
    assert parsed.evidence["timezone"]


@pytest.mark.parametrize("text", ["UTC+15", "UTC-13", "UTC+07:20", "GMT+99", "Asia/Atlantis"])
def test_impossible_offsets_give_no_zone(parse: Parse, text: str) -> None:
    assert parse(text).timezone is None


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("I work PST hours.", "America/Los_Angeles"),
        ("Usually online 9-5 PT.", "America/Los_Angeles"),
        ("Available evenings EST.", "America/New_York"),
        ("Eastern Time, mostly.", "America/New_York"),
        ("I'm on CET.", "Europe/Berlin"),
        ("CEST in summer", "Europe/Berlin"),
        ("BST", "Europe/London"),
        ("JST here", "Asia/Tokyo"),
        ("AEST timezone", "Australia/Sydney"),
        ("CST, Chicago suburbs", "America/Chicago"),
        ("CST (Beijing)", "Asia/Shanghai"),
        ("IST, working from India", "Asia/Kolkata"),
        ("IST. I live in Tel Aviv", "Asia/Jerusalem"),
        ("Pacific Time", "America/Los_Angeles"),
    ],
)
def test_abbreviations(parse: Parse, text: str, zone: str) -> None:
    assert parse(text).timezone == zone


@pytest.mark.parametrize(
    "text",
    [
        "CST timezone.",
        "IST hours.",
        "I build REST APIs and LIST views.",
        "ET phone home.",
        "I paint ART on weekends.",
        "The best test is the one that exists.",
    ],
)
def test_ambiguous_or_word_like_abbreviations_give_no_zone(parse: Parse, text: str) -> None:
    assert parse(text).timezone is None


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Based in Berlin.", "Europe/Berlin"),
        ("based in berlin", "Europe/Berlin"),
        ("Living in São Paulo with my cat.", "America/Sao_Paulo"),
        ("I'm in Toronto.", "America/Toronto"),
        ("I'm from Bengaluru.", "Asia/Kolkata"),
        ("I live in San Francisco.", "America/Los_Angeles"),
        ("Located in Munich, Germany.", "Europe/Berlin"),
        ("I'm a backend developer in Amsterdam.", "Europe/Amsterdam"),
        ("📍 Lisbon", "Europe/Lisbon"),
        ("Based out of the Bay Area.", "America/Los_Angeles"),
        ("I live in Austin, TX.", "America/Chicago"),
        ("Based in Portland, OR.", "America/Los_Angeles"),
        ("Living in Cambridge, UK.", "Europe/London"),
        ("I'm based in Germany.", "Europe/Berlin"),
        ("Moved to Tokyo last year.", "Asia/Tokyo"),
        ("Originally from Lagos, now living in London.", "Europe/London"),
        ("I'm in NYC.", "America/New_York"),
        ("Based in Tübingen, Germany.", "Europe/Berlin"),
    ],
)
def test_places(parse: Parse, text: str, zone: str) -> None:
    parsed = parse(text)
    assert parsed.timezone == zone
    assert parsed.evidence["timezone"]


@pytest.mark.parametrize(
    "text",
    [
        "Based in Portland.",
        "I live in Cambridge.",
        "I'm based in the US.",
        "Living in Australia.",
        "I visited Berlin last year.",
        "We migrated from Berlin servers to the cloud.",
        "I'm interested in Jakarta EE.",
        "I'm experienced in Phoenix and Elixir.",
        "I'm in charge of the backend.",
        "Rewrote the app from PHP to Node.js.",
        "Berlin is nice.",
    ],
)
def test_no_zone_without_a_clear_place(parse: Parse, text: str) -> None:
    assert parse(text).timezone is None


def test_an_explicit_zone_beats_a_place(parse: Parse) -> None:
    assert parse("Based in Berlin, but I work UTC-5 hours.").timezone == "Etc/GMT+5"


def test_where_i_live_beats_where_i_am_from(parse: Parse) -> None:
    assert parse("I'm from Brazil but I live in Berlin.").timezone == "Europe/Berlin"


@pytest.mark.parametrize(
    ("name", "key"),
    [("São Paulo", "sao paulo"), ("St. Louis", "st louis"), ("Saint Petersburg", "st petersburg")],
)
def test_place_keys_fold_accents_and_abbreviations(name: str, key: str) -> None:
    assert place_key(name) == key


def test_gazetteer_zones_are_valid() -> None:
    from zoneinfo import available_timezones

    zones = available_timezones()
    assert all(zone is None or zone in zones for zone in gazetteer().values())
    assert resolve_place("Berlin") == (True, "Europe/Berlin")
    assert resolve_place("Portland") == (True, None)
    assert resolve_place("Atlantis") == (False, None)


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Vivo en Madrid.", "Europe/Madrid"),
        ("Moro em São Paulo.", "America/Sao_Paulo"),
        ("Moro em Lisboa.", "Europe/Lisbon"),
        ("Basée à Lyon.", "Europe/Paris"),
        ("Ich wohne in Wien.", "Europe/Vienna"),
        ("Vivo a Torino.", "Europe/Rome"),
        ("Frontend-Entwicklerin aus Hamburg.", "Europe/Berlin"),
        ("Soy de Quito.", "America/Guayaquil"),
        ("I'm a second-year CS student from Lagos, Nigeria.", "Africa/Lagos"),
        ("I'm a junior frontend dev from Kraków, Poland.", "Europe/Warsaw"),
    ],
)
def test_places_in_other_languages_and_origins(parse: Parse, text: str, zone: str) -> None:
    assert parse(text).timezone == zone


@pytest.mark.parametrize(
    "text",
    [
        "Ich arbeite aus Leidenschaft mit Go.",
        "I'm a big fan from the start.",
        "I'm a graduate from university.",
    ],
)
def test_no_zone_from_foreign_cues_without_a_place(parse: Parse, text: str) -> None:
    assert parse(text).timezone is None


def test_a_city_is_not_a_skill(parse: Parse) -> None:
    parsed = parse("Flutter dev from Cairo, 2 years with Flutter & Dart.")
    assert "Cairo" not in {c.name for c in parsed.skills}
