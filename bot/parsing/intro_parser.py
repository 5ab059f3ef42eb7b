"""The intro parser: free text in, an explainable ``ParsedIntro`` out.

One automaton pass (the skill matcher's, extended with every finder's trigger words) reads the
cleaned text; everything after it works at skill mentions and trigger hits only.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence, Set
from datetime import date

from bot.domain.profile import ParsedIntro, SkillClaim, SkillKind
from bot.parsing import cues as cue_finder
from bot.parsing import experience, location, seniority
from bot.parsing.clauses import snippet
from bot.parsing.cleaning import clean_text
from bot.parsing.cues import (
    ITEM_VALUE_END,
    Cue,
    CueKind,
    bind_item_values,
    find_cues,
    governing_cue,
)
from bot.parsing.text import ascii_lower
from bot.taxonomy import SkillMatcher, Taxonomy

_MAX_NEGATION_NOTES = 5
TRIGGERS: dict[str, tuple[str, ...]] = {
    **cue_finder.TRIGGERS, **experience.TRIGGERS, **seniority.TRIGGERS, **location.TRIGGERS,
}
LOOSE_GROUPS = (*location.LOOSE_GROUPS, *experience.LOOSE_GROUPS)
_LEARNING_KINDS = (CueKind.LEARNING, CueKind.SEEKING)
_ASIDE_HEADS = ("learning", "studying", "exploring", "beginner", "new to it", "started",
                "starting")
_ASIDE_OPENERS = ("(", "-", "\u2013", ":")
_ASIDE_FILLERS = ("currently ", "still ", "just ", "now ")
_LEVEL_HEADS = ("beginner", "new to it")
_BARE_LEVELS = ("beginner", "newbie", "noob")

# A mention inside the parser: (start, end, skill id, name, category).
Mention = tuple[int, int, str, str, str]


def _learning_aside(low: str, end: int) -> bool:
    """``Rust (learning)`` / ``Go (currently learning)`` / ``Rust - beginner`` right after a
    mention, or glued to it: ``Rust-curious``."""
    rest = low[end:end + 32]
    inner = rest.lstrip(" ")
    if len(rest) - len(inner) == 1 and inner.startswith(_BARE_LEVELS):
        # "SQL intermediate, Python beginner.": a level word alone after the name
        word = next(w for w in _BARE_LEVELS if inner.startswith(w))
        return ITEM_VALUE_END.match(inner, len(word)) is not None
    if len(rest) - len(inner) > 1 or not inner.startswith(_ASIDE_OPENERS):
        return False
    if inner[0] in "-\u2013" and inner[1:2] != " ":
        # glued: "Rust-curious" is a goal; "Kotlin-learning group" is no aside
        return inner.startswith("-curious")
    opener = inner[0]
    inner = inner[1:].lstrip()
    for word in _ASIDE_FILLERS:
        inner = inner.removeprefix(word)
    head = next((h for h in _ASIDE_HEADS if inner.startswith(h)), None)
    if head is None:
        return False
    # "Python - learning Django": a verb with an object of its own is a new item, not a level
    return (opener == "(" or head in _LEVEL_HEADS
            or ITEM_VALUE_END.match(inner, len(head)) is not None)


class _SkillState:
    """How one skill was mentioned: its first known, learning and negated mention (if any), and
    whether a learning level was written right after the skill ("Haskell: learning")."""

    __slots__ = ("known", "labelled", "learning", "negated")

    def __init__(self) -> None:
        self.known: Mention | None = None
        self.learning: Mention | None = None
        self.negated: tuple[Mention, Cue] | None = None
        self.labelled = False


class IntroParser:
    """Reads introductions into skill profiles; build once and reuse (it is stateless)."""

    __slots__ = ("_matcher", "_scanner", "_taxonomy")

    def __init__(self, taxonomy: Taxonomy, matcher: SkillMatcher | None = None) -> None:
        self._taxonomy = taxonomy
        self._matcher = matcher if matcher is not None else SkillMatcher.shared(taxonomy)
        self._scanner = self._matcher.scanner(TRIGGERS, loose=LOOSE_GROUPS)

    def parse(self, text: str, *, today: date) -> ParsedIntro:
        """Parse one introduction; never raises on odd input, work is capped at 64k characters."""
        cleaned = clean_text(text)
        body = cleaned.text
        scanned = self._scanner.scan(body)
        low = scanned.lowered if body.isascii() else ascii_lower(body)
        hits = scanned.triggers
        mentions: list[Mention] = [(s, e, info[0], info[1], info[2]) for s, e, info in scanned.hits]
        starts = [m[0] for m in mentions]
        ends = [m[1] for m in mentions]
        cues = bind_item_values(find_cues(body, low, hits, starts), low, ends)
        years = experience.find_years(low, hits, starts, ends, today.year)
        # "Learning Go after 6 years of PHP": years of a skill make it known, whatever the cue
        # (not an amount copied along a list: "learning Go, Python for 5 years")
        experienced = {f.mention_index for f in years
                       if f.mention_index is not None and not f.listed}
        states = self._classify(low, mentions, cues, experienced)
        evidence: dict[str, str] = {}
        notes = list(cleaned.notes)

        skill_years: dict[str, float] = {}
        year_phrase: dict[str, experience.YearsFinding] = {}
        for finding in years:
            if finding.mention_index is not None:
                skill_id = mentions[finding.mention_index][2]
                skill_years[skill_id] = max(skill_years.get(skill_id, 0.0), finding.years)
                year_phrase[skill_id] = finding
        total = experience.career_years(years)
        if total is not None:
            evidence["years_experience"] = snippet(body, low, total.start, total.end)

        level = seniority.find_seniority(low, hits)
        if level is not None:
            evidence["seniority"] = body[level.start:level.end]
        zone = location.find_timezone(body, low, hits, starts, ends)
        if zone is not None:
            evidence["timezone"] = snippet(body, low, zone.start, zone.end, limit=60)

        skills, learning = self._claims(body, low, states, skill_years, year_phrase)
        offer, topics = self._mentoring(body, low, cues, mentions, evidence)
        for state in states:
            if state.negated is not None and state.known is None and state.learning is None:
                mention, cue = state.negated
                if len(notes) < len(cleaned.notes) + _MAX_NEGATION_NOTES:
                    notes.append(f"not counted: {mention[3]} ({cue.phrase.strip()})")
        return ParsedIntro(
            skills=tuple(skills),
            learning=tuple(learning),
            mentoring_offer=offer,
            mentoring_topics=tuple(topics),
            seniority=level.level if level else None,
            years_experience=total.years if total else None,
            timezone=zone.zone if zone else None,
            evidence=evidence,
            notes=tuple(notes),
        )

    @staticmethod
    def _classify(low: str, mentions: Sequence[Mention], cues: Sequence[Cue],
                  experienced: Set[int] = frozenset()) -> list[_SkillState]:
        starts = [c.start for c in cues]
        first_cue = starts[0] if starts else len(low)
        states: dict[str, _SkillState] = {}
        for index, mention in enumerate(mentions):
            state = states.get(mention[2])
            if state is None:
                state = states[mention[2]] = _SkillState()
            cue = governing_cue(cues, starts, mention[0]) if mention[0] >= first_cue else None
            kind = cue.kind if cue is not None else None
            if kind is CueKind.NEGATION and cue is not None:
                if state.negated is None:
                    state.negated = (mention, cue)
            elif index in experienced:
                if state.known is None:
                    state.known = mention
            elif kind in _LEARNING_KINDS:
                if state.learning is None:
                    state.learning = mention
            elif _learning_aside(low, mention[1]):
                state.labelled = state.known is None
                if state.learning is None:
                    state.learning = mention
            elif state.known is None:
                state.known = mention
        return list(states.values())

    @staticmethod
    def _claims(body: str, low: str, states: Sequence[_SkillState],
                skill_years: dict[str, float], year_phrase: dict[str, experience.YearsFinding],
                ) -> tuple[list[SkillClaim], list[SkillClaim]]:
        skills: list[SkillClaim] = []
        learning: list[SkillClaim] = []
        for state in states:
            # a later bare mention ("a study buddy for Haskell") does not undo a stated level
            known = state.known is not None and not (
                state.labelled and state.known[2] not in skill_years
            )
            chosen = state.known if known else state.learning
            if chosen is None:
                continue
            start, end, skill_id, name, category = chosen
            if known:
                finding = year_phrase.get(skill_id)
                if finding is not None:
                    start, end = min(finding.start, start), max(finding.end, end)
                skills.append(SkillClaim(skill_id, name, category, SkillKind.KNOWN,
                                         snippet(body, low, start, end), skill_years.get(skill_id)))
            else:
                learning.append(SkillClaim(skill_id, name, category, SkillKind.LEARNING,
                                           snippet(body, low, start, end), None))
        return skills, learning

    @staticmethod
    def _mentoring(body: str, low: str, cues: Sequence[Cue], mentions: Sequence[Mention],
                   evidence: dict[str, str]) -> tuple[bool | None, list[str]]:
        offers = [c for c in cues if c.kind is CueKind.OFFER]
        if offers:
            starts = [c.start for c in cues]
            topics: list[str] = []
            first = bisect_right([m[0] for m in mentions], offers[0].start - 1)
            for mention in mentions[first:]:
                cue = governing_cue(cues, starts, mention[0])
                if cue is not None and cue.kind is CueKind.OFFER and mention[3] not in topics:
                    topics.append(mention[3])
            evidence["mentoring_offer"] = snippet(body, low, offers[0].start, offers[0].end)
            return True, topics
        seeking = next((c for c in cues if c.kind is CueKind.SEEKING), None)
        if seeking is not None:
            evidence["mentoring_offer"] = snippet(body, low, seeking.start, seeking.end)
            return False, []
        return None, []
