"""Compiled skill matcher: one Aho-Corasick pass over lowercased text, then per-hit checks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import ahocorasick

from bot.taxonomy.boundaries import clean_end, ignored_spans, inside, starts_cleanly
from bot.taxonomy.context import coordination_points, local_evidence
from bot.taxonomy.skill import Skill, SkillMention
from bot.taxonomy.taxonomy import Taxonomy
from bot.taxonomy.terms import capital_counts, evidence_needed, is_short, normalize, variants

# A candidate this far below its requirement is ruled out by its own words ("called Flux") and
# neighbours cannot rescue it.
_HOPELESS = -2
_MAX_PASSES = 3


class _Term(NamedTuple):
    length: int
    skill: Skill
    need: int
    capitals: bool
    short: bool
    plural_ok: bool


@dataclass(slots=True)
class _Hit:
    term: _Term
    start: int
    end: int
    points: int = 0
    accepted: bool = False


class SkillMatcher:
    """Finds skill mentions in free text; build once per taxonomy and reuse."""

    __slots__ = ("_automaton", "_taxonomy")

    def __init__(self, taxonomy: Taxonomy) -> None:
        self._taxonomy = taxonomy
        terms: dict[str, _Term] = {}
        ordered = sorted(taxonomy, key=lambda s: s.id)
        # Canonical names claim their spellings before any alias of another skill can.
        for pass_aliases in (False, True):
            for skill in ordered:
                sources = skill.aliases if pass_aliases else (skill.name,)
                for raw in sources:
                    term = normalize(raw)
                    zipf = taxonomy.zipf(term)
                    for key in variants(term):
                        if key and key not in terms:
                            terms[key] = _Term(
                                length=len(key),
                                skill=skill,
                                need=evidence_needed(key, zipf),
                                capitals=capital_counts(key, zipf),
                                short=is_short(key),
                                plural_ok=skill.kind == "concept",
                            )
        automaton = ahocorasick.Automaton()
        for key, value in terms.items():
            automaton.add_word(key, value)
        automaton.make_automaton()
        self._automaton = automaton

    @property
    def taxonomy(self) -> Taxonomy:
        """The taxonomy this matcher was compiled from."""
        return self._taxonomy

    def find(self, text: str) -> list[SkillMention]:
        """Skill mentions in text order, non-overlapping (longest wins), ambiguity resolved."""
        if not text:
            return []
        lowered = text.lower()
        if len(lowered) != len(text):  # a few characters lowercase to two ("İ")
            lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        spans = ignored_spans(lowered)
        hits: list[_Hit] = []
        for last, term in self._automaton.iter_long(lowered):
            start = last + 1 - term.length
            if not starts_cleanly(lowered, start, term.short):
                continue
            end = clean_end(lowered, last + 1, term.short, term.plural_ok, versioned=True)
            if end < 0 or inside(spans, start, end):
                continue
            hits.append(_Hit(term, start, end))
        if not hits:
            return []
        _resolve(text, lowered, hits)
        return [
            SkillMention(
                skill_id=h.term.skill.id,
                name=h.term.skill.name,
                category=h.term.skill.category,
                kind=h.term.skill.kind,
                surface=text[h.start : h.end],
                start=h.start,
                end=h.end,
            )
            for h in hits
            if h.accepted
        ]


def _resolve(text: str, lowered: str, hits: list[_Hit]) -> None:
    """Accept unambiguous hits, then ambiguous ones whose context (and neighbours) suffice."""
    pending: list[int] = []
    for i, hit in enumerate(hits):
        need = hit.term.need
        if need == 0:
            hit.accepted = True
            continue
        local = local_evidence(text, lowered, hit.start, hit.start + hit.term.length,
                               hit.term.capitals)
        hit.points = local.points
        if hit.points >= need:
            hit.accepted = True
        elif hit.points - need > _HOPELESS - need:
            pending.append(i)
    for _ in range(_MAX_PASSES):
        changed = False
        for i in pending:
            hit = hits[i]
            if hit.accepted:
                continue
            bonus = _neighbour_points(lowered, hits, i)
            if hit.points + bonus >= hit.term.need:
                hit.accepted = True
                changed = True
        if not changed:
            break


def _neighbour_points(lowered: str, hits: list[_Hit], i: int) -> int:
    """Evidence from the nearest skill on each side: full if accepted, partial if pending."""
    total = 0
    hit = hits[i]
    if i > 0:
        left = hits[i - 1]
        points = coordination_points(lowered, left.end, hit.start)
        total += points if left.accepted else points // 2
    if i + 1 < len(hits):
        right = hits[i + 1]
        points = coordination_points(lowered, hit.end, right.start)
        total += points if right.accepted else points // 2
    return min(total, 3)
