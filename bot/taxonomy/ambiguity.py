"""Deciding ambiguous hits ("Go", "Swift", "spring"): own context plus neighbouring skills."""

from __future__ import annotations

import re

from bot.taxonomy.context import coordination_points, local_evidence
from bot.taxonomy.keys import Term

# A candidate whose own words score this low ("a company called Flux") cannot be rescued by
# neighbours.
_HOPELESS = -2
_MAX_PASSES = 3
_LETTER = re.compile(r"[^\W\d_]")
_NAMES_ONLY_MAX = 60  # characters: an intro of a few bare names, not a sentence


# A hit on word boundaries: start, end (after any version or plural), and what it stands for.
Hit = tuple[int, int, Term]


def resolve(text: str, lowered: str, scan: str, hits: list[Hit]) -> list[bool]:
    """Which hits count: unambiguous ones always; an ambiguous word listed between accepted
    skills ("postgres, mongo, elastic, memcache") on that alone; otherwise when its own context
    and its neighbours together give the evidence it needs. A neighbour that is itself still
    undecided lends half its link when the two are laid out as a list ("Go, Rust", one per
    line), when its own context speaks for it, or when it is written as a name ("Python and
    Go"): two plain lowercase words joined by "and" in prose ("spring and react") do not vouch
    for each other."""
    accepted = [not term.need for _, _, term in hits]
    if all(accepted) or _names_only(text, hits):
        return [True] * len(hits)
    own: list[int | None] = [None] * len(hits)
    links = _Links(text, hits, accepted, own)
    undecided: list[int] = []
    for i, ok in enumerate(accepted):
        if not ok:
            if links.points(i, accepted_only=True) >= hits[i][2].need + 2:
                accepted[i] = True
            else:
                undecided.append(i)
    for i in undecided:
        start, end, term = hits[i]
        stop = start + term.length
        own[i] = local_evidence(
            text, scan, start, stop, term.capitals, term.upper_name, term.acronym,
            end > stop and lowered[end - 1].isdigit(),
        )
    for _ in range(_MAX_PASSES):
        changed = False
        for i in undecided:
            points = own[i]
            if accepted[i] or points is None or points <= _HOPELESS:
                continue
            if points + links.points(i) >= hits[i][2].need:
                accepted[i] = changed = True
        if not changed:
            break
    return accepted


def _names_only(text: str, hits: list[Hit]) -> bool:
    """A short text of nothing but skill names ("/intro Python", "Rust / Go"): the command that
    carries it is the context, so every name counts."""
    if len(text) > _NAMES_ONLY_MAX:
        return False
    rest, at = [], 0
    for start, end, _ in hits:
        if start < at:
            return False  # overlapping candidates: not a plain list of names
        rest.append(text[at:start])
        at = end
    rest.append(text[at:])
    return _LETTER.search("".join(rest)) is None


class _Links:
    """Coordination points between neighbouring hits, computed at most once per pair."""

    __slots__ = ("_accepted", "_between", "_hits", "_layout", "_own", "_text")

    def __init__(
        self, text: str, hits: list[Hit], accepted: list[bool], own: list[int | None]
    ) -> None:
        self._text = text
        self._hits = hits
        self._accepted = accepted
        self._own = own
        self._between: list[int | None] = [None] * len(hits)
        self._layout: list[bool] = [False] * len(hits)

    def _pair(self, i: int) -> int:
        """Points between hit i and hit i + 1."""
        found = self._between[i]
        if found is None:
            left, right = self._hits[i][1], self._hits[i + 1][0]
            found = self._between[i] = coordination_points(self._text, left, right)
            self._layout[i] = found == 2 and not _LETTER.search(self._text, left, right)
        return found

    def _lent(self, j: int, pair: int, points: int) -> int:
        """What neighbour j lends over link ``pair``: all if accepted, else half if the link
        is list layout, or j's own context speaks for it, or j is written as a name."""
        if self._accepted[j]:
            return points
        own = self._own[j]
        if self._layout[pair] or (own is not None and own > 0):
            return points // 2
        if own == 0:
            start, _, term = self._hits[j]
            if not self._text[start : start + term.length].islower():
                return points // 2
        return 0

    def _plain_word(self, i: int) -> bool:
        """Hit i is an everyday word in lowercase where the skill's name is not ("groovy")."""
        start, _, term = self._hits[i]
        return not term.short and not term.info[1].islower() and (
            self._text[start : start + term.length].islower()
        )

    def _written_as_name(self, j: int) -> bool:
        start, _, term = self._hits[j]
        return not self._text[start : start + term.length].islower()

    def points(self, i: int, accepted_only: bool = False) -> int:
        """Evidence from the nearest hit on each side (see ``resolve``), at most 3. An everyday
        word in lowercase takes nothing from a neighbour merely close by that is written as a
        name ("groovy person, UI designer", "opera fans ... SQL"): in text that capitalises
        names, only a listed neighbour vouches for it ("java, Spring"); in all-lowercase text
        ("py + pytorch daily, some jax") a close one still does."""
        total = 0
        accepted = self._accepted
        if i > 0 and (accepted[i - 1] or not accepted_only):
            pair = self._pair(i - 1)
            if pair != 1 or not (self._written_as_name(i - 1) and self._plain_word(i)):
                total += self._lent(i - 1, i - 1, pair)
        if i + 1 < len(accepted) and (accepted[i + 1] or not accepted_only):
            pair = self._pair(i)
            if pair != 1 or not (self._written_as_name(i + 1) and self._plain_word(i)):
                total += self._lent(i + 1, i, pair)
        return min(total, 3)
