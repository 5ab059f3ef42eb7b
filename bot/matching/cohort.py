"""A cohort round: score every waiting mentee against every mentor, solve, and explain the rest.

The same engine serves ``/match round`` and the offline ``mentormeet match cohort``.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np

from bot.matching.facts import MenteeFacts, MentorFacts
from bot.matching.reasons import explain
from bot.matching.score_matrix import FloatArray, score_matrix
from bot.matching.scoring import Scorer
from bot.matching.solver import allowed_cells, optimal_assignment


@dataclass(frozen=True, slots=True)
class CohortMentee:
    """A mentee in a round: an id of the caller's choosing and the facts to score."""

    key: str
    facts: MenteeFacts


@dataclass(frozen=True, slots=True)
class CohortMentor:
    """A mentor in a round; ``slots`` is how many mentees this round may add."""

    key: str
    facts: MentorFacts
    slots: int


@dataclass(frozen=True, slots=True)
class PlannedPair:
    """One pair of the solution with its score and reasons."""

    mentee: str
    mentor: str
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Unmatched:
    """A mentee left without a mentor, and why."""

    mentee: str
    reason: str


@dataclass(frozen=True, slots=True)
class RoundPlan:
    """The round's pairs (in mentee order), the unmatched mentees and the total score."""

    pairs: tuple[PlannedPair, ...]
    unmatched: tuple[Unmatched, ...]
    total_score: float


def plan_round(
    scorer: Scorer,
    mentees: Sequence[CohortMentee],
    mentors: Sequence[CohortMentor],
    banned: Collection[tuple[str, str]] = (),
    *,
    min_score: float | None = None,
    to_mentee: bool = False,
) -> RoundPlan:
    """The maximum-total-score matching of ``mentees`` to ``mentors`` and the reasons for it.

    ``banned`` holds (mentee key, mentor key) pairs that must not be matched (earlier pairings,
    declines); a pair must also score at least ``min_score`` (default: the scorer's config).
    """
    floor = scorer.config.min_score if min_score is None else min_score
    scores = score_matrix(scorer, [m.facts for m in mentees], [m.facts for m in mentors])
    blocked = _banned_mask(mentees, mentors, banned)
    allowed = allowed_cells(scores, blocked, floor)
    slots = np.array([max(m.slots, 0) for m in mentors], dtype=np.int64)
    solution = optimal_assignment(scores, allowed, slots)
    pairs = []
    matched: set[int] = set()
    for i, j in solution.pairs:
        mentee, mentor = mentees[i], mentors[j]
        pair = scorer.score(mentee.facts, mentor.facts)
        if pair is None:  # cannot happen: the matrix and the pair scorer agree
            raise AssertionError(f"{mentee.key} and {mentor.key} have no score")
        reasons = explain(scorer.taxonomy, pair, mentee.facts, mentor.facts, to_mentee=to_mentee)
        pairs.append(PlannedPair(mentee.key, mentor.key, float(scores[i, j]), reasons))
        matched.add(i)
    unmatched = tuple(
        Unmatched(mentees[i].key, _why(scorer, i, mentees[i], scores, blocked, allowed, slots,
                                       floor))
        for i in range(len(mentees)) if i not in matched
    )
    return RoundPlan(tuple(pairs), unmatched, solution.total)


def _banned_mask(
    mentees: Sequence[CohortMentee],
    mentors: Sequence[CohortMentor],
    banned: Collection[tuple[str, str]],
) -> np.ndarray:
    mask = np.zeros((len(mentees), len(mentors)), dtype=bool)
    rows = {m.key: i for i, m in enumerate(mentees)}
    cols = {m.key: j for j, m in enumerate(mentors)}
    for mentee, mentor in banned:
        if mentee in rows and mentor in cols:
            mask[rows[mentee], cols[mentor]] = True
    return mask


def _why(
    scorer: Scorer,
    i: int,
    mentee: CohortMentee,
    scores: FloatArray,
    blocked: np.ndarray,
    allowed: np.ndarray,
    slots: np.ndarray,
    floor: float,
) -> str:
    """Why mentee ``i`` got nobody, in words a member or organizer can act on."""
    goals = mentee.facts.goals
    if not goals:
        return "no learning goals to match on"
    fits = ~np.isnan(scores[i])
    if not fits.any():
        names = ", ".join(_name(scorer, g) for g in goals)
        return f"no mentor offers {names} or anything related yet"
    open_fits = fits & ~blocked[i]
    if not open_fits.any():
        return "already paired with, or turned down by, every mentor who fits"
    if not allowed[i].any():
        best = float(np.nanmax(np.where(open_fits, scores[i], np.nan)))
        return f"the best fit scores {best:.0f}, below the minimum of {floor:.0f}"
    if not (allowed[i] & (slots > 0)).any():
        return "every mentor who fits is full"
    best = float(np.nanmax(np.where(allowed[i] & (slots > 0), scores[i], np.nan)))
    return (
        "the mentors who fit went to mentees they fit better "
        f"(best open option scored {best:.0f})"
    )


def _name(scorer: Scorer, skill_id: str) -> str:
    skill = scorer.taxonomy.get(skill_id)
    return skill.name if skill is not None else skill_id
