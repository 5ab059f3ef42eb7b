"""The scores of every mentee against every mentor at once (numpy), for cohort rounds.

Computes exactly what ``Scorer.score`` computes pair by pair (a test holds them together), but
goal by goal over all mentors: a 5,000 × 1,000 matrix takes a fraction of a second.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from bot.matching.facts import MenteeFacts, MentorFacts
from bot.matching.scoring import (
    DEPTH_POINTS,
    DEPTH_SPAN_YEARS,
    FIT_POINTS,
    OVERLAP_POINTS,
    RATING_POINTS,
    SPARE_POINTS,
    UNKNOWN_DEPTH,
    Scorer,
    rating_of,
    spare_of,
)

FloatArray = npt.NDArray[np.float64]


class _MentorSkills:
    """Mentors × skills: which mentor teaches which skill, and the years they gave for it."""

    def __init__(self, mentors: Sequence[MentorFacts]) -> None:
        skills = sorted({skill for mentor in mentors for skill in mentor.skills})
        self.column = {skill: index for index, skill in enumerate(skills)}
        self.taught = np.zeros((len(mentors), len(skills)), dtype=bool)
        # years as given, -1 for "taught, years unknown" (loses every tie against known years)
        self.years = np.full((len(mentors), len(skills)), -1.0)
        for row, mentor in enumerate(mentors):
            for skill, years in mentor.skills.items():
                self.taught[row, self.column[skill]] = True
                if years is not None:
                    self.years[row, self.column[skill]] = years
        self.fallback = np.array(
            [np.nan if m.fallback_years is None else m.fallback_years for m in mentors]
        )

    def best_for(self, weights: dict[str, float]) -> tuple[FloatArray, FloatArray]:
        """Per mentor: the best relation weight to the goal, and the years that judge depth."""
        count = self.taught.shape[0]
        columns = [(self.column[s], w) for s, w in weights.items() if s in self.column]
        if not columns:
            return np.zeros(count), np.full(count, np.nan)
        index = np.array([c for c, _ in columns])
        weight = np.array([w for _, w in columns])
        taught = self.taught[:, index]
        credit = np.where(taught, weight[None, :], 0.0)
        best = credit.max(axis=1)
        at_best = taught & (credit == best[:, None]) & (best[:, None] > 0)
        years = np.where(at_best, self.years[:, index], -np.inf).max(axis=1)
        depth_years = np.where(years >= 0, years, self.fallback)
        return best, np.where(best > 0, depth_years, np.nan)


def score_matrix(
    scorer: Scorer, mentees: Sequence[MenteeFacts], mentors: Sequence[MentorFacts]
) -> FloatArray:
    """scores[i, j] of mentee i with mentor j; NaN where the mentor covers none of the goals."""
    n, m = len(mentees), len(mentors)
    if n == 0 or m == 0:
        return np.full((n, m), np.nan)
    table = _MentorSkills(mentors)
    covered = np.zeros((n, m))
    deep = np.zeros((n, m))
    rows_by_goal: dict[str, list[int]] = {}
    for row, mentee in enumerate(mentees):
        for goal in mentee.goals:
            rows_by_goal.setdefault(goal, []).append(row)
    for goal in sorted(rows_by_goal):
        rows = np.array(rows_by_goal[goal])
        best, depth_years = table.best_for(dict(scorer.weights(goal)))
        if not best.any():
            continue
        own = np.array([mentees[r].goal_years.get(goal, 0.0) for r in rows])
        depth = np.clip((depth_years[None, :] - own[:, None]) / DEPTH_SPAN_YEARS, 0.0, 1.0)
        depth = np.where(np.isnan(depth_years)[None, :], UNKNOWN_DEPTH, depth)
        covered[rows] += best[None, :]
        deep[rows] += best[None, :] * depth
    goal_counts = np.array([max(len(mentee.goals), 1) for mentee in mentees], dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        depth_part = np.where(covered > 0, deep / covered, 0.0)
    del deep
    scores: FloatArray = FIT_POINTS * (covered / goal_counts[:, None])
    scores += DEPTH_POINTS * depth_part
    del depth_part
    scores += OVERLAP_POINTS * _overlaps(scorer, mentees, mentors)
    extras = np.array([
        SPARE_POINTS * spare_of(m) + RATING_POINTS * rating_of(m.rating_sum, m.rating_count)
        for m in mentors
    ])
    scores += extras[None, :]
    scores[covered <= 0] = np.nan
    return scores


def _overlaps(
    scorer: Scorer, mentees: Sequence[MenteeFacts], mentors: Sequence[MentorFacts]
) -> FloatArray:
    """The 0..1 overlap part for every pair, computed once per pair of distinct zones."""
    mentee_zones = sorted({m.timezone or "" for m in mentees})
    mentor_zones = sorted({m.timezone or "" for m in mentors})
    table = np.array([
        [scorer.overlap(a or None, b or None)[0] for b in mentor_zones] for a in mentee_zones
    ])
    rows = np.array([mentee_zones.index(m.timezone or "") for m in mentees])
    cols = np.array([mentor_zones.index(m.timezone or "") for m in mentors])
    result: FloatArray = np.asarray(table[np.ix_(rows, cols)], dtype=np.float64)
    return result
