"""profile_to_json: the JSON shape the batch command and the bot read."""

from __future__ import annotations

import json
from collections.abc import Callable

from bot.domain.profile import ParsedIntro, Seniority, SkillClaim, SkillKind
from bot.parsing import profile_to_json

Parse = Callable[[str], ParsedIntro]


def test_keys_and_values(parse: Parse) -> None:
    parsed = parse(
        "I'm a Sr. Engineer based in Berlin with 8 years of Python. Learning Rust. "
        "Happy to mentor on Django."
    )
    data = profile_to_json(parsed)
    assert data["skills"] == ["Python", "Django"]
    assert data["learning"] == ["Rust"]
    assert data["mentoring_offer"] is True
    assert data["mentoring_topics"] == ["Django"]
    assert data["seniority"] == "senior"
    assert data["years_experience"] == 8
    assert isinstance(data["years_experience"], int)
    assert data["timezone"] == "Europe/Berlin"
    evidence = data["evidence"]
    assert isinstance(evidence, dict)
    assert "8 years of Python" in evidence["Python"]
    assert "Rust" in evidence["Rust"]
    assert evidence["seniority"] == "Sr. Engineer"
    assert "Berlin" in evidence["timezone"]
    assert "mentor" in evidence["mentoring_offer"]
    assert data["categories"] == {"language": ["Python"], "framework": ["Django"]}
    assert data["skill_years"] == {"Python": 8}
    assert data["notes"] == []
    json.dumps(data)


def test_empty_profile() -> None:
    data = profile_to_json(ParsedIntro())
    assert data["skills"] == []
    assert data["mentoring_offer"] is None
    assert data["seniority"] is None
    assert data["years_experience"] is None
    assert data["timezone"] is None
    assert data["evidence"] == {}


def test_fractional_years_stay_fractional() -> None:
    claim = SkillClaim("go", "Go", "language", SkillKind.KNOWN, "2.5 years of Go", 2.5)
    data = profile_to_json(
        ParsedIntro(skills=(claim,), years_experience=2.5, seniority=Seniority.MID)
    )
    assert data["years_experience"] == 2.5
    assert data["skill_years"] == {"Go": 2.5}
    assert data["seniority"] == "mid"
