"""One automaton pass over a text: skill hits on word boundaries, and the trigger words asked for.

The automaton runs over the scan copy (``boundaries.prepare``) with a space added at each end, so
index ``i`` in it is index ``i - 1`` in the text and every key's leading space sits just before
a word. Every key ending anywhere is reported; skill candidates are then taken leftmost first,
the longest one at a position that sits on word boundaries winning.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from collections.abc import Set as AbstractSet
from operator import itemgetter
from typing import NamedTuple

import ahocorasick

from bot.taxonomy.ambiguity import Hit, resolve
from bot.taxonomy.boundaries import clean_end, in_ignored_token, prepare, starts_cleanly
from bot.taxonomy.keys import KeyValue, Term, Trigger
from bot.taxonomy.person_names import drop_person_names
from bot.taxonomy.shared import decide_shared

Span = tuple[int, int]
# A hit with these characters on both sides needs no further boundary, version or URL check.
_PLAIN_EDGES = frozenset(" \n\t,;()")
# Trigger words count at the start of the text or after whitespace (not inside "e-learning").
_TRIGGER_EDGES = frozenset(" \n\t")
_BY_START_LONGEST = itemgetter(0, 1)
_BY_END = itemgetter(1)
_TERM = itemgetter(2)


class ScanResult(NamedTuple):
    """Accepted skill hits in text order, trigger spans by group, and the lowercased text
    (latin-1 characters kept, others as "?"; same offsets as the text)."""

    hits: list[tuple[int, int, tuple[str, str, str, str]]]  # start, end, Term.info
    triggers: dict[str, list[Span]]
    lowered: str


def scan_text(
    automaton: ahocorasick.Automaton,
    literals: Sequence[tuple[str, tuple[Trigger, ...]]],
    known: Container[str],
    text: str,
    shared: AbstractSet[int] = frozenset(),
) -> ScanResult:
    """Skill hits (ambiguity resolved) and trigger words of ``text`` in one pass; ``known``
    holds every alias in scan form (to tell "ts/react/next.js" from a file path), ``shared``
    the ids of the terms of abbreviations several skills share."""
    lowered, scan = prepare(text)
    found: list[tuple[int, KeyValue]] = list(automaton.iter(" " + scan + " "))
    candidates = [(last - term.back, -term.length, term)
                  for last, (term, _) in found if term is not None]
    triggers: dict[str, list[Span]] = {}
    size = len(text)
    edges = _TRIGGER_EDGES
    for last, value in found:  # hot: plain unpacking and locals, no attribute look-ups
        words = value[1]
        if not words:
            continue
        for group, length, back, loose in words:
            start = last - back
            if loose or start == 0 or lowered[start - 1] in edges:
                end = start + length
                if end > size:  # a word ending in a separator ("no ") met the end padding
                    end = size
                spans = triggers.get(group)
                if spans is None:
                    triggers[group] = [(start, end)]
                else:
                    spans.append((start, end))
    if literals and not text.isascii():
        _literal_triggers(text, literals, triggers)
    if not candidates:
        return ScanResult([], triggers, lowered)
    hits = _on_boundaries(lowered, candidates, known)
    accepted = resolve(text, lowered, scan, hits)
    drop_person_names(text, lowered, hits, accepted, triggers)
    mentions = [(start, end, term.info)
                for (start, end, term), ok in zip(hits, accepted, strict=True) if ok]
    # "tf": Terraform or TensorFlow (identity checks at C speed: most texts have none)
    if shared and not shared.isdisjoint(map(id, map(_TERM, hits))):
        mentions = decide_shared(
            text, [hit for hit, ok in zip(hits, accepted, strict=True) if ok]
        )
    return ScanResult(mentions, triggers, lowered)


def _on_boundaries(
    lowered: str, candidates: list[tuple[int, int, Term]], known: Container[str]
) -> list[Hit]:
    """Leftmost candidates first, at one position the longest that sits on word boundaries;
    hits do not overlap."""
    if len(candidates) > 1:
        candidates.sort(key=_BY_START_LONGEST)
    # padded so that the characters around any hit can be read without bounds checks:
    # edges[i] is lowered[i - 1]
    edges = " " + lowered + "  "
    hits: list[Hit] = []
    covered = 0
    for start, _, term in candidates:
        if start < covered:
            continue
        end = start + term.length
        after = edges[end + 1]
        if after.isalpha() and after != "v" and not term.plural_ok:
            continue  # a longer word ("proc" in "process"); versions and plurals aside
        if edges[start] in _PLAIN_EDGES and (
            (after in _PLAIN_EDGES and not (after == " " and (edges[end + 2].isdigit()
                                                               or edges[end + 2] == "v")))
            or (after == "." and edges[end + 2] in _PLAIN_EDGES)
        ):
            hits.append((start, end, term))  # a plain whole word
            covered = end
            continue
        if not starts_cleanly(lowered, start, term.short):
            continue
        end = clean_end(lowered, end, term.short, term.plural_ok)
        if end < 0 or in_ignored_token(lowered, start, end, known):
            continue
        hits.append((start, end, term))
        covered = end
    return hits


def _literal_triggers(
    text: str,
    literals: Sequence[tuple[str, tuple[Trigger, ...]]],
    triggers: dict[str, list[Span]],
) -> None:
    """Trigger words the scan copy cannot show (emoji), found in the text itself."""
    touched: set[str] = set()
    for word, entries in literals:
        pos = text.find(word)
        while pos >= 0:
            for entry in entries:
                triggers.setdefault(entry.group, []).append((pos, pos + entry.length))
                touched.add(entry.group)
            pos = text.find(word, pos + len(word))
    for group in touched:
        triggers[group].sort(key=_BY_END)
