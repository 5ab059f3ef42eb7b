"""SkillMatcher.scanner: skills and trigger words from one automaton pass."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.taxonomy import SkillMatcher, Taxonomy

GROUPS = {
    "learn": ("learning", "want to"),
    "abbr": ("pst", "cet"),
    "pin": ("\U0001f4cd",),
    "stop": ("no ",),
}


def _scan(matcher: SkillMatcher, text: str) -> dict[str, list[tuple[int, int]]]:
    return matcher.scanner(GROUPS, loose=("abbr",)).scan(text).triggers


def test_skills_and_triggers_come_from_one_scan(matcher: SkillMatcher) -> None:
    text = "I'm learning Rust; I want to use Go too. 📍 Berlin (CET)"
    result = matcher.scanner(GROUPS, loose=("abbr",)).scan(text)
    assert [(text[s:e], info[0]) for s, e, info in result.hits] == [
        ("Rust", "rust"), ("Go", "go"),
    ]
    spans = result.triggers
    assert [text[s:e] for s, e in spans["learn"]] == ["learning", "want to"]
    assert [text[s:e] for s, e in spans["pin"]] == ["\U0001f4cd"]
    assert [text[s:e] for s, e in spans["abbr"]] == ["CET"]  # loose: after "("
    assert result.lowered == text.lower().replace("\U0001f4cd", "?")


def test_strict_triggers_need_whitespace_before(matcher: SkillMatcher) -> None:
    spans = _scan(matcher, "self-learning, (learning) and\tlearning\nlearning")
    assert len(spans["learn"]) == 2  # after the tab and the line break only


def test_trigger_words_with_a_trailing_separator(matcher: SkillMatcher) -> None:
    text = "no, nope no! no"
    # any separator may follow ("no,", "no!"); "nope" is another word; the last one ends the text
    assert _scan(matcher, text)["stop"] == [(0, 3), (9, 12), (13, 15)]


def test_scanner_is_built_once_per_trigger_set(matcher: SkillMatcher) -> None:
    assert matcher.scanner(GROUPS) is matcher.scanner(dict(GROUPS))
    assert matcher.scanner(GROUPS) is not matcher.scanner(GROUPS, loose=("abbr",))


def test_shared_matcher_is_reused_per_taxonomy(taxonomy: Taxonomy) -> None:
    assert SkillMatcher.shared(taxonomy) is SkillMatcher.shared(taxonomy)
    other = Taxonomy.load(extra_aliases={"pgdatabase": "PostgreSQL"})
    assert SkillMatcher.shared(other) is not SkillMatcher.shared(taxonomy)
    found = SkillMatcher.shared(other).find("I run pgdatabase.")
    assert [m.skill_id for m in found] == ["postgresql"]


def test_the_plain_matcher_and_the_scanner_agree(matcher: SkillMatcher) -> None:
    text = "Go, Rust and Python; learning Kubernetes. I go home at five."
    plain = [(m.start, m.end, m.skill_id) for m in matcher.find(text)]
    scanned = [(s, e, info[0]) for s, e, info in matcher.scanner(GROUPS).scan(text).hits]
    assert plain == scanned


_TOKENS = [" Go ", "Rust", " learning", "want to ", "📍", "no ", ", ", "\n", "C++", "(", "PST"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=25).map("".join))
def test_trigger_spans_are_in_the_text_and_ordered(text: str) -> None:
    for group, spans in _MATCHER.scanner(GROUPS, loose=("abbr",)).scan(text).triggers.items():
        ends = [e for _, e in spans]
        assert ends == sorted(ends)
        for start, end in spans:
            assert 0 <= start < end <= len(text)
            assert text[start:end].lower().replace("\t", " ").replace("\n", " ").rstrip(
                " ,.;"
            ) in {w.rstrip() for w in GROUPS[group]}


_MATCHER = SkillMatcher(Taxonomy.load())
