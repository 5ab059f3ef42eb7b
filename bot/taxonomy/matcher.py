"""Compiled skill matcher: one Aho-Corasick pass over lowercased text, then per-hit checks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import ahocorasick

from bot.taxonomy.boundaries import (
    clean_end,
    in_ignored_token,
    prepare,
    scan_form,
    starts_cleanly,
)
from bot.taxonomy.context import coordination_points, local_evidence
from bot.taxonomy.skill import Skill, SkillMention
from bot.taxonomy.taxonomy import Taxonomy
from bot.taxonomy.terms import capital_counts, evidence_needed, is_short, normalize, variants

# A candidate whose own words score this low ("a company called Flux") cannot be rescued by
# neighbours.
_HOPELESS = -2
_MAX_PASSES = 3
# Characters around a hit that need no further boundary, version or URL check.
_PLAIN_EDGES = frozenset(" \n\t,;()")
# In the scan copy hyphens are spaces already, so these joiners give every spelling.
SCAN_JOINERS = (" ", "", ".")


class _Term(NamedTuple):
    """What a scan key stands for: the skill, and how to check and weigh a hit on it."""

    length: int  # of the alias in the text
    key_length: int  # of the scan key (with its leading space and any trailing separator)
    trailing: bool  # the key ends with a separator
    info: tuple[str, str, str, str]  # skill id, name, category, kind (SkillMention's head)
    need: int
    capitals: bool
    upper_name: bool  # the skill's name is written in capitals ("PHP", "SQL")
    acronym: bool  # a two-letter abbreviation of a longer name ("ML", "JS"), not "Go"
    short: bool
    plural_ok: bool


@dataclass(slots=True)
class _Hit:
    """A hit on word boundaries; ``points`` is its own context evidence once evaluated."""

    term: _Term
    start: int
    end: int
    accepted: bool = False
    points: int = 0
    evaluated: bool = False


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
                    for key in variants(scan_form(term), SCAN_JOINERS):
                        if key and " " + key not in terms:
                            _add_key(terms, key, skill, zipf)
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
        lowered, scan = prepare(text)
        # A space in front of the scan copy (index i in it is index i - 1 in the text) and at
        # the end, so that first and last words have separators like all others.
        padded = " " + scan + " "
        hits: list[_Hit] = []
        pending = self._automaton.iter_long(padded)
        while pending is not None:
            chained = None
            for last, term in pending:
                start = last - term.key_length + 1  # the key's leading space is text index - 1
                self._check(lowered, start, term, hits)
                if term.trailing:  # the key ate the separator the next word may start with
                    chained = self._automaton.iter_long(padded, last)
                    break
            pending = chained
        if not hits:
            return []
        _resolve(text, lowered, scan, hits)
        # positional arguments: this runs once per mention on the hot path
        return [
            SkillMention(*h.term.info, text[h.start : h.end], h.start, h.end)
            for h in hits
            if h.accepted
        ]

    @staticmethod
    def _check(lowered: str, start: int, term: _Term, hits: list[_Hit]) -> None:
        """Append the hit if it sits on word boundaries outside URLs, e-mails and paths."""
        if hits and start < hits[-1].end:
            return
        end = start + term.length
        before = lowered[start - 1] if start else " "
        after = lowered[end] if end < len(lowered) else " "
        nxt = lowered[end + 1] if end + 1 < len(lowered) else " "
        if before in _PLAIN_EDGES and (
            (after in _PLAIN_EDGES and not (after == " " and (nxt.isdigit() or nxt == "v")))
            or (after == "." and nxt in _PLAIN_EDGES)
        ):
            hits.append(_Hit(term, start, end, accepted=not term.need))  # a plain whole word
            return
        if not starts_cleanly(lowered, start, term.short):
            return
        end = clean_end(lowered, end, term.short, term.plural_ok)
        if end < 0 or in_ignored_token(lowered, start, end):
            return
        hits.append(_Hit(term, start, end, accepted=not term.need))


def _add_key(terms: dict[str, _Term], key: str, skill: Skill, zipf: float) -> None:
    """Register a scan key: a leading space (word start); short words also need a trailing
    separator (or a full stop) so that "c" does not hit at every word starting with c."""
    short = is_short(key)
    base = _Term(
        length=len(key),
        key_length=len(key) + 1,
        trailing=False,
        info=(skill.id, skill.name, skill.category, skill.kind),
        need=evidence_needed(key, zipf),
        capitals=capital_counts(key, zipf),
        upper_name=skill.name.isupper(),
        acronym=short and key.isalpha() and len(key) == 2 and key != skill.name.lower(),
        short=short,
        plural_ok=skill.kind == "concept",
    )
    if not short:
        terms[" " + key] = base
        return
    for tail in (" ", "."):
        terms[" " + key + tail] = base._replace(key_length=len(key) + 2, trailing=tail == " ")


def _resolve(text: str, lowered: str, scan: str, hits: list[_Hit]) -> None:
    """Accept ambiguous hits whose neighbours or own context suffice (unambiguous ones already
    are). A word listed between accepted skills ("postgres, mongo, elastic, memcache") is
    accepted on that alone; otherwise its own context is weighed together with its neighbours.
    """
    pending = [i for i, hit in enumerate(hits) if not hit.accepted]
    if not pending:
        return
    links = _Links(text, hits)
    for i in pending:
        hit = hits[i]
        if links.points(i, accepted_only=True) >= hit.term.need + 2:
            hit.accepted = True
    for _ in range(_MAX_PASSES):
        changed = False
        for i in pending:
            hit = hits[i]
            if hit.accepted:
                continue
            if not hit.evaluated:
                term = hit.term
                hit.points = local_evidence(
                    text,
                    scan,
                    hit.start,
                    hit.start + term.length,
                    capitals=term.capitals,
                    upper_name=term.upper_name,
                    acronym=term.acronym,
                    versioned=hit.end > hit.start + term.length and lowered[hit.end - 1].isdigit(),
                )
                hit.evaluated = True
            if hit.points > _HOPELESS and hit.points + links.points(i) >= hit.term.need:
                hit.accepted = True
                changed = True
        if not changed:
            break


class _Links:
    """Coordination points between neighbouring hits, computed at most once per pair."""

    __slots__ = ("_cache", "_hits", "_text")

    def __init__(self, text: str, hits: list[_Hit]) -> None:
        self._text = text
        self._hits = hits
        self._cache: dict[int, int] = {}

    def _between(self, i: int) -> int:
        """Points between hit i and hit i + 1."""
        found = self._cache.get(i)
        if found is None:
            found = coordination_points(self._text, self._hits[i].end, self._hits[i + 1].start)
            self._cache[i] = found
        return found

    def points(self, i: int, accepted_only: bool = False) -> int:
        """Evidence from the nearest hit on each side: full if accepted, half if pending."""
        total = 0
        hits = self._hits
        if i > 0 and (hits[i - 1].accepted or not accepted_only):
            points = self._between(i - 1)
            total += points if hits[i - 1].accepted else points // 2
        if i + 1 < len(hits) and (hits[i + 1].accepted or not accepted_only):
            points = self._between(i)
            total += points if hits[i + 1].accepted else points // 2
        return min(total, 3)
