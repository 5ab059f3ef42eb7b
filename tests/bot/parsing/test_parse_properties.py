"""Property tests: any text parses without raising into a valid profile."""

from __future__ import annotations

from datetime import date
from zoneinfo import available_timezones

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.domain.profile import ParsedIntro, Seniority, SkillKind
from bot.parsing import IntroParser, profile_to_json
from bot.taxonomy import SkillMatcher, Taxonomy

_TAXONOMY = Taxonomy.load()
_PARSER = IntroParser(_TAXONOMY, SkillMatcher(_TAXONOMY))
_ZONES = available_timezones()
_TODAY = date(2026, 6, 1)

_WORDS = st.sampled_from(
    [
        "Python", "Go", "Rust", "learning", "never used", "happy to mentor", "ask me about",
        "8 years of", "since 2015", "UTC+2", "PST", "based in", "Berlin", "Sr.", "Engineer",
        "I'm", "a", "senior", "\n", "- ", "**", "[x](http://a.b)", "<b>", "🌱", "💬", ",", ".",
        "\u200b", "\x00", "相关标签", "Привет", "İ", "ß", "\ud800", "#", "`", "```", "12", "decade",
    ]
)
_TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(_WORDS, max_size=80).map(" ".join),
    st.lists(_WORDS, max_size=40).map("".join),
)


def _check(parsed: ParsedIntro) -> None:
    for claim in (*parsed.skills, *parsed.learning):
        assert _TAXONOMY.get(claim.skill_id) is not None
        assert len(claim.evidence) <= 120
    assert all(c.kind is SkillKind.KNOWN for c in parsed.skills)
    assert all(c.kind is SkillKind.LEARNING for c in parsed.learning)
    assert not {c.skill_id for c in parsed.skills} & {c.skill_id for c in parsed.learning}
    assert parsed.timezone is None or parsed.timezone in _ZONES or parsed.timezone == "UTC"
    assert parsed.years_experience is None or 0 <= parsed.years_experience <= 60
    assert all(c.years is None or 0 <= c.years <= 60 for c in parsed.skills)
    assert parsed.seniority is None or isinstance(parsed.seniority, Seniority)
    assert parsed.mentoring_offer in (True, False, None)
    assert set(parsed.mentoring_topics) <= {c.name for c in parsed.skills}
    profile_to_json(parsed)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_any_text_parses_into_a_valid_profile(text: str) -> None:
    _check(_PARSER.parse(text, today=_TODAY))


@settings(max_examples=10, deadline=None)
@given(st.text(min_size=1, max_size=20), st.integers(min_value=3_000, max_value=20_000))
def test_huge_repetitive_input_is_capped(chunk: str, repeat: int) -> None:
    parsed = _PARSER.parse(chunk * repeat, today=_TODAY)
    _check(parsed)
    if len(chunk) * repeat > 64_000:
        assert any("first 64000" in note for note in parsed.notes)


def test_a_megabyte_wall_of_text() -> None:
    text = ("I write Python and Go, learning Rust, never used Java. " * 20_000)[:1_000_000]
    parsed = _PARSER.parse(text, today=_TODAY)
    _check(parsed)
    assert {c.name for c in parsed.skills} >= {"Python"}
