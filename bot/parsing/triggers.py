"""Trigger words and the anchored checks run at their positions.

The parser's finders name the words their patterns start with (``TRIGGERS`` in each module);
the skill matcher's automaton finds them in the same pass as the skills
(``SkillMatcher.scanner``), so no finder scans the whole text itself. Triggers that start with a
letter or digit hit at word starts after whitespace; a group listed in ``LOOSE_GROUPS`` also
hits after punctuation ("(CET)").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

Span = tuple[int, int]


def matches_at(pattern: re.Pattern[str], low: str, hits: Sequence[Span]) -> list[re.Match[str]]:
    """Non-overlapping matches of ``pattern`` anchored at trigger hits that start a word."""
    found: list[re.Match[str]] = []
    covered = -1
    match_at = pattern.match
    for start, _ in hits:
        if start < covered:
            continue
        match = match_at(low, start)
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
