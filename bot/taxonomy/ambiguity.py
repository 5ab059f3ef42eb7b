"""Deciding ambiguous hits ("Go", "Swift", "spring"): own context plus neighbouring skills."""

from __future__ import annotations

from bot.taxonomy.context import coordination_points, local_evidence
from bot.taxonomy.keys import Term

# A candidate whose own words score this low ("a company called Flux") cannot be rescued by
# neighbours.
_HOPELESS = -2
_MAX_PASSES = 3


# A hit on word boundaries: start, end (after any version or plural), and what it stands for.
Hit = tuple[int, int, Term]


def resolve(text: str, lowered: str, scan: str, hits: list[Hit]) -> list[bool]:
    """Which hits count: unambiguous ones always; an ambiguous word listed between accepted
    skills ("postgres, mongo, elastic, memcache") on that alone; otherwise when its own context
    and its neighbours together give the evidence it needs."""
    accepted = [not term.need for _, _, term in hits]
    if all(accepted):
        return accepted
    links = _Links(text, hits, accepted)
    undecided: list[int] = []
    for i, ok in enumerate(accepted):
        if not ok:
            if links.points(i, accepted_only=True) >= hits[i][2].need + 2:
                accepted[i] = True
            else:
                undecided.append(i)
    points: dict[int, int] = {}
    for _ in range(_MAX_PASSES):
        changed = False
        for i in undecided:
            if accepted[i]:
                continue
            start, end, term = hits[i]
            own = points.get(i)
            if own is None:
                stop = start + term.length
                own = points[i] = local_evidence(
                    text, scan, start, stop, term.capitals, term.upper_name, term.acronym,
                    end > stop and lowered[end - 1].isdigit(),
                )
            if own > _HOPELESS and own + links.points(i) >= term.need:
                accepted[i] = changed = True
        if not changed:
            break
    return accepted


class _Links:
    """Coordination points between neighbouring hits, computed at most once per pair."""

    __slots__ = ("_accepted", "_between", "_hits", "_text")

    def __init__(self, text: str, hits: list[Hit], accepted: list[bool]) -> None:
        self._text = text
        self._hits = hits
        self._accepted = accepted
        self._between: list[int | None] = [None] * len(hits)

    def _pair(self, i: int) -> int:
        """Points between hit i and hit i + 1."""
        found = self._between[i]
        if found is None:
            found = self._between[i] = coordination_points(
                self._text, self._hits[i][1], self._hits[i + 1][0]
            )
        return found

    def points(self, i: int, accepted_only: bool = False) -> int:
        """Evidence from the nearest hit on each side: full if accepted, half if pending."""
        total = 0
        accepted = self._accepted
        if i > 0 and (accepted[i - 1] or not accepted_only):
            points = self._pair(i - 1)
            total += points if accepted[i - 1] else points // 2
        if i + 1 < len(accepted) and (accepted[i + 1] or not accepted_only):
            points = self._pair(i)
            total += points if accepted[i + 1] else points // 2
        return min(total, 3)
