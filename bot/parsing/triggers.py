"""One Aho-Corasick pass over the lowercased text finds every trigger word the cue finders need."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import ahocorasick

Span = tuple[int, int]


class TriggerScanner:
    """Finds trigger words of several groups in one pass; positions are ``(start, end)`` spans."""

    def __init__(self, groups: Mapping[str, Iterable[str]]) -> None:
        self._automaton = ahocorasick.Automaton()
        for group, words in groups.items():
            for word in words:
                key = word.lower()
                existing = self._automaton.get(key, ())
                self._automaton.add_word(key, (*existing, (group, len(key))))
        self._automaton.make_automaton()

    def scan(self, low: str) -> dict[str, list[Span]]:
        """Every occurrence of every trigger in ``low``, grouped, in text order."""
        found: defaultdict[str, list[Span]] = defaultdict(list)
        for last, entries in self._automaton.iter(low):
            for group, size in entries:
                found[group].append((last - size + 1, last + 1))
        return found


def matches_near(
    pattern: re.Pattern[str], low: str, hits: Sequence[Span], window: int = 60
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
