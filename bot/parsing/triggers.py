"""One Aho-Corasick pass over the lowercased text finds every trigger word the cue finders need."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import ahocorasick

Span = tuple[int, int]


# Characters a trigger word may follow. Keys are stored with each in front, so the automaton's
# root has two children instead of one per letter, which makes the scan several times faster.
# The price: a trigger right after other punctuation ("(learning") is not seen.
BOUNDARIES = (" ", "\n")


class TriggerScanner:
    """Finds trigger words of several groups in one pass; positions are ``(start, end)`` spans.

    Triggers that start with a letter or digit only match at the start of a word.
    """

    def __init__(self, groups: Mapping[str, Iterable[str]]) -> None:
        self._automaton = ahocorasick.Automaton()
        entries: dict[str, list[tuple[str, int]]] = {}
        for group, words in groups.items():
            for word in words:
                key = word.lower()
                if key[:1].isalnum():
                    for before in BOUNDARIES:
                        entries.setdefault(before + key, []).append((group, len(key)))
                else:
                    entries.setdefault(key, []).append((group, len(key)))
        for key, values in entries.items():
            self._automaton.add_word(key, tuple(values))
        self._automaton.make_automaton()

    def scan(self, low: str) -> dict[str, list[Span]]:
        """Every occurrence of every trigger in ``low``, grouped, in text order (by end)."""
        found: defaultdict[str, list[Span]] = defaultdict(list)
        # A leading space lets a trigger match at the very start; padded index i is low[i - 1].
        for last, entries in self._automaton.iter(" " + low):
            for group, size in entries:
                found[group].append((last - size, last))
        return found


def matches_at(pattern: re.Pattern[str], low: str, hits: Sequence[Span]) -> list[re.Match[str]]:
    """Non-overlapping matches of ``pattern`` anchored at trigger hits that start a word."""
    found: list[re.Match[str]] = []
    covered = -1
    for start, _ in hits:
        if start < covered or (start > 0 and low[start].isalnum() and low[start - 1].isalnum()):
            continue
        match = pattern.match(low, start)
        if match is not None:
            found.append(match)
            covered = match.end()
    return found


def matches_near(
    pattern: re.Pattern[str], low: str, hits: Sequence[Span], window: int = 40
) -> list[re.Match[str]]:
    """Non-overlapping matches of ``pattern`` that overlap a trigger hit, searched near each hit."""
    found: list[re.Match[str]] = []
    covered = -1
    for start, end in hits:
        if start < covered:
            continue
        for match in pattern.finditer(low, max(0, start - window), min(len(low), end + window)):
            if match.start() < end and match.end() > start and match.start() >= covered:
                found.append(match)
                covered = match.end()
                break
    return found
