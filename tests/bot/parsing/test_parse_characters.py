"""The character profile that lets cleaning skip steps, and ASCII-only lowercasing."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.parsing.characters import profile
from bot.parsing.cleaning import _JUNK
from bot.parsing.text import ascii_lower


def test_plain_ascii_needs_nothing() -> None:
    found = profile("I write Python and Go.\nBased in Berlin.")
    assert (found.maybe_unnormalized, found.maybe_junk, found.other_script, found.cjk) == (
        False, False, False, False,
    )
    assert found.marks == "\n"


@pytest.mark.parametrize(
    ("text", "marks"),
    [
        ("see `code` and <b>bold</b>", "`<>/"),
        ("# Title\n- item", "#-\n"),
        ("mail a@b.com: [x](y)", "[]@:"),
        ("naïve café — fine", "\n" * 0),
    ],
)
def test_marks_are_the_markup_characters_present(text: str, marks: str) -> None:
    assert set(profile(text).marks) == set(marks)


@pytest.mark.parametrize("junk", ["\x00", "\x07", "\x1b", "\x7f", "\u200b", "\u202e", "\ufeff",
                                  "\u00ad", "\x85\x86", "\U000e0041", "\ud800", "\u061c"])
def test_invisible_and_control_characters_are_flagged(junk: str) -> None:
    assert profile(f"Pyt{junk}hon — and Go").maybe_junk


@pytest.mark.parametrize(
    "text", ["Python — and “Go”", "naïve café", "tab\there", "日本語のテキスト"]
)
def test_ordinary_text_is_not_flagged_as_junk(text: str) -> None:
    assert not profile(text).maybe_junk


@pytest.mark.parametrize(
    ("text", "unnormalized"),
    [
        ("Ｐｙｔｈｏｎ", True),  # fullwidth
        ("ﬁle", True),  # ligature
        ("wait\u2026", True),  # ellipsis
        ("cafe\u0301", True),  # combining accent after an ASCII letter
        ("café — “quoted”", False),
        ("日本語", False),
    ],
)
def test_normalisation_is_asked_only_when_needed(text: str, unnormalized: bool) -> None:
    assert profile(text).maybe_unnormalized is unnormalized


@pytest.mark.parametrize(
    ("text", "other_script", "cjk"),
    [
        ("Привет, Python", True, False),
        ("我用 Python", True, True),
        ("한국어 Go", True, True),
        ("Ça va — très bien", False, False),
    ],
)
def test_scripts(text: str, other_script: bool, cjk: bool) -> None:
    found = profile(text)
    assert (found.other_script, found.cjk) == (other_script, cjk)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_the_profile_never_misses_what_cleaning_acts_on(text: str) -> None:
    found = profile(text)
    if _JUNK.search(text):
        assert found.maybe_junk
    if not unicodedata.is_normalized("NFKC", text):
        assert found.maybe_unnormalized
    for mark in "`~<&[]#>*_=:/@-\n":
        if mark in text:
            assert mark in found.marks


@pytest.mark.parametrize(
    ("text", "lowered"),
    [("Python GO", "python go"), ("ÉCOLE Über İ", "École Über İ"), ("日本 ABC", "日本 abc")],
)
def test_ascii_lower_keeps_every_other_character(text: str, lowered: str) -> None:
    assert ascii_lower(text) == lowered
    assert len(ascii_lower(text)) == len(text)
