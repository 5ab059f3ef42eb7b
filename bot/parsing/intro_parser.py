"""The intro parser: free text in, an explainable ``ParsedIntro`` out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from bot.domain.profile import ParsedIntro, SkillClaim, SkillKind
from bot.parsing import cues as cue_finder
from bot.parsing import experience, location, seniority
from bot.parsing.clauses import snippet
from bot.parsing.cleaning import clean_text
from bot.parsing.cues import Cue, CueKind, find_cues, governing_cue
from bot.parsing.triggers import TriggerScanner
from bot.taxonomy import SkillMatcher, SkillMention, Taxonomy

_MAX_NEGATION_NOTES = 5


def _learning_aside(low: str, end: int) -> bool:
    """``Rust (learning)`` / ``Go (currently learning)`` right after a mention."""
    head = low[end:end + 30].lstrip()
    if not head.startswith("("):
        return False
    inner = head[1:].lstrip()
    for word in ("currently ", "still ", "just ", "now "):
        inner = inner.removeprefix(word)
    return inner.startswith(("learning", "studying", "exploring", "beginner", "new to it"))


@dataclass(slots=True)
class _SkillState:
    mention: SkillMention
    known: list[SkillMention] = field(default_factory=list)
    learning: list[SkillMention] = field(default_factory=list)
    negated: list[tuple[SkillMention, Cue]] = field(default_factory=list)


class IntroParser:
    """Reads introductions into skill profiles; build once and reuse (it is stateless)."""

    _scanner: TriggerScanner | None = None

    def __init__(self, taxonomy: Taxonomy, matcher: SkillMatcher | None = None) -> None:
        self._taxonomy = taxonomy
        self._matcher = matcher if matcher is not None else SkillMatcher(taxonomy)
        if IntroParser._scanner is None:
            IntroParser._scanner = TriggerScanner({
                **cue_finder.TRIGGERS, **experience.TRIGGERS, **seniority.TRIGGERS,
                **location.TRIGGERS,
            })

    def parse(self, text: str, *, today: date) -> ParsedIntro:
        """Parse one introduction; never raises on odd input, work is capped at 64k characters."""
        cleaned = clean_text(text)
        body = cleaned.text
        low = body.lower()
        mentions = self._matcher.find(body)
        assert IntroParser._scanner is not None
        hits = IntroParser._scanner.scan(low)
        cues = find_cues(body, low, hits)
        spans = [(m.start, m.end) for m in mentions]
        states = self._classify(low, mentions, cues)
        years = experience.find_years(low, hits, spans, today.year)
        evidence: dict[str, str] = {}
        notes = list(cleaned.notes)

        skill_years: dict[str, float] = {}
        for finding in years:
            if finding.mention_index is not None:
                skill_id = mentions[finding.mention_index].skill_id
                skill_years[skill_id] = max(skill_years.get(skill_id, 0.0), finding.years)
        total = experience.career_years(years)
        if total is not None:
            evidence["years_experience"] = snippet(body, low, total.start, total.end)

        level = seniority.find_seniority(low, hits)
        if level is not None:
            evidence["seniority"] = body[level.start:level.end]
        zone = location.find_timezone(body, low, hits, spans)
        if zone is not None:
            evidence["timezone"] = snippet(body, low, zone.start, zone.end, limit=60)

        skills, learning = self._claims(body, low, states, skill_years, years, mentions)
        offer, topics = self._mentoring(body, low, cues, mentions, evidence)
        for state in states:
            if not state.known and not state.learning and state.negated:
                mention, cue = state.negated[0]
                if len(notes) < len(cleaned.notes) + _MAX_NEGATION_NOTES:
                    notes.append(f"not counted: {mention.name} ({cue.phrase.strip()})")
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
    def _classify(low: str, mentions: Sequence[SkillMention], cues: Sequence[Cue]
                  ) -> list[_SkillState]:
        starts = [c.start for c in cues]
        states: dict[str, _SkillState] = {}
        for mention in mentions:
            state = states.setdefault(mention.skill_id, _SkillState(mention))
            cue = governing_cue(cues, starts, mention.start)
            kind = cue.kind if cue else None
            if kind is CueKind.NEGATION and cue is not None:
                state.negated.append((mention, cue))
            elif kind in (CueKind.LEARNING, CueKind.SEEKING) or _learning_aside(low, mention.end):
                state.learning.append(mention)
            else:
                state.known.append(mention)
        return list(states.values())

    @staticmethod
    def _claims(body: str, low: str, states: Sequence[_SkillState],
                skill_years: dict[str, float], years: Sequence[experience.YearsFinding],
                mentions: Sequence[SkillMention]) -> tuple[list[SkillClaim], list[SkillClaim]]:
        year_phrase = {
            mentions[f.mention_index].skill_id: f for f in years if f.mention_index is not None
        }
        skills: list[SkillClaim] = []
        learning: list[SkillClaim] = []
        for state in states:
            chosen = state.known or state.learning
            if not chosen:
                continue
            first = chosen[0]
            finding = year_phrase.get(first.skill_id) if state.known else None
            if finding is not None:
                start, end = min(finding.start, first.start), max(finding.end, first.end)
            else:
                start, end = first.start, first.end
            claim = SkillClaim(
                skill_id=first.skill_id,
                name=first.name,
                category=first.category,
                kind=SkillKind.KNOWN if state.known else SkillKind.LEARNING,
                evidence=snippet(body, low, start, end),
                years=skill_years.get(first.skill_id) if state.known else None,
            )
            (skills if state.known else learning).append(claim)
        return skills, learning

    @staticmethod
    def _mentoring(body: str, low: str, cues: Sequence[Cue], mentions: Sequence[SkillMention],
                   evidence: dict[str, str]) -> tuple[bool | None, list[str]]:
        offers = [c for c in cues if c.kind is CueKind.OFFER]
        if offers:
            starts = [c.start for c in cues]
            topics: list[str] = []
            for mention in mentions:
                cue = governing_cue(cues, starts, mention.start)
                if cue is not None and cue.kind is CueKind.OFFER and mention.name not in topics:
                    topics.append(mention.name)
            evidence["mentoring_offer"] = snippet(body, low, offers[0].start, offers[0].end)
            return True, topics
        seeking = next((c for c in cues if c.kind is CueKind.SEEKING), None)
        if seeking is not None:
            evidence["mentoring_offer"] = snippet(body, low, seeking.start, seeking.end)
            return False, []
        return None, []
