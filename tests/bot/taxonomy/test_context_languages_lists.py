"""Context from non-English verbs, adverbs between verb and name, and bullet lists of names."""

from __future__ import annotations

import pytest

from bot.taxonomy import SkillMatcher


def _ids(matcher: SkillMatcher, text: str) -> list[str]:
    return [m.skill_id for m in matcher.find(text)]


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        ("ich lerne gerade Go", "go"),
        ("Ich nutze Go im Job", "go"),
        ("Sto imparando Go", "go"),
        ("Estoy aprendiendo Go", "go"),
        ("Trabajo con Go desde 2019", "go"),
        ("Uso Go no trabalho", "go"),
        ("Estou aprendendo Swift", "swift"),
        ("J'apprends Go en ce moment", "go"),
        ("Ich möchte Go lernen", "go"),
        ("I'm currently learning Go", "go"),
        ("frontend • react • typescript", "react"),
        ("react · typescript · go", "go"),
        ("stack: react | node | postgres", "nodejs"),
    ],
)
def test_ambiguous_name_in_context(matcher: SkillMatcher, text: str, skill_id: str) -> None:
    assert skill_id in _ids(matcher, text)


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        ("I like reading • hiking • go-karting", "go"),
        ("I like reading • hiking • go • swimming", "go"),
        ("Weekends: hiking • rust removal on old bikes • baking", "rust"),
        ("I also go hiking on weekends", "go"),
        ("ich will jetzt gehen, let's go", "go"),
        ("Vamos! Let's go", "go"),
    ],
)
def test_ambiguous_word_stays_english(matcher: SkillMatcher, text: str, skill_id: str) -> None:
    assert skill_id not in _ids(matcher, text)


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        ("Rubyist since 2010", "ruby"),
        ("a Pythonista at heart", "python"),
        ("proud Rustacean", "rust"),
        ("old-school JavaScripter", "javascript"),
        ("Mobile: KMP and Jetpack Compose", "kotlin-multiplatform"),
        ("Embedded work on FreeRTOS", "freertos"),
        ("Pentesting with Burp Suite and Metasploit", "burp-suite"),
        ("Pentesting with Burp Suite and Metasploit", "metasploit"),
        ("nmap and wireshark daily", "nmap"),
        ("nmap and wireshark daily", "wireshark"),
        ("Training models with PyTorch Lightning", "pytorch-lightning"),
    ],
)
def test_new_names_and_community_names(matcher: SkillMatcher, text: str, skill_id: str) -> None:
    assert skill_id in _ids(matcher, text)


def test_gopher_is_not_go(matcher: SkillMatcher) -> None:
    assert "go" not in _ids(matcher, "A gopher dug up my garden")
