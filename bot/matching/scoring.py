"""Scores one mentee–mentor pair out of skill fit, depth, shared hours, spare capacity and rating.

score = 60·fit + 20·depth + 15·overlap + 5·spare + 5·rating, where

* fit      mean over the mentee's goals of the best taxonomy relation to a skill the mentor
           teaches (1.0 same, 0.6 parent/child, 0.4 related, 0.3 grandparent; 0 = not covered)
* depth    the mentor's years in that skill (else career years / seniority) minus the mentee's,
           over 5 years, clipped to 0..1, fit-weighted over the goals; 0.4 when unknown
* overlap  shared waking hours over the length of the waking window; 0.5 when a zone is unknown
* spare    free slots over capacity
* rating   (average − 3) / 2, shrunk by count / (count + 3): a light −1..1 nudge

A pair with no fit at all has no score.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from types import MappingProxyType

from bot.matching.config import MatchingConfig
from bot.matching.facts import MenteeFacts, MentorFacts
from bot.matching.overlap import overlap_hours
from bot.taxonomy import Taxonomy

FIT_POINTS = 60.0
DEPTH_POINTS = 20.0
OVERLAP_POINTS = 15.0
SPARE_POINTS = 5.0
RATING_POINTS = 5.0
UNKNOWN_DEPTH = 0.4
UNKNOWN_OVERLAP = 0.5
DEPTH_SPAN_YEARS = 5.0
RATING_SHRINK = 3.0
# The taxonomy's relation weights in tenths: same, parent/child, related, grandparent.
WEIGHT_LEVELS = (10, 6, 4, 3)


@lru_cache(maxsize=8192)
def goal_weights(taxonomy: Taxonomy, goal: str) -> Mapping[str, float]:
    """Skills that give credit for ``goal`` with their relation weight (the goal itself 1.0)."""
    weights = dict(taxonomy.related(goal))
    weights[goal] = 1.0
    return MappingProxyType(weights)


@dataclass(frozen=True, slots=True)
class GoalMatch:
    """How the mentor covers one goal: the best skill, its weight, and the depth judged from it."""

    goal: str
    skill: str | None
    weight: float
    mentor_years: float | None
    years_from_skill: bool
    mentee_years: float
    depth: float


@dataclass(frozen=True, slots=True)
class PairScore:
    """A pair's score and its parts (each part 0..1, rating −1..1)."""

    score: float
    fit: float
    depth: float
    overlap: float
    overlap_hours: float | None
    spare: float
    rating: float
    goals: tuple[GoalMatch, ...]


def depth_of(mentor_years: float | None, mentee_years: float) -> float:
    """How much deeper the mentor is, 0..1 over a five-year span; UNKNOWN_DEPTH without years."""
    if mentor_years is None:
        return UNKNOWN_DEPTH
    return min(max((mentor_years - mentee_years) / DEPTH_SPAN_YEARS, 0.0), 1.0)


def rating_of(rating_sum: int, rating_count: int) -> float:
    """The rating nudge: (average − 3) / 2, shrunk towards 0 while there are few ratings."""
    if rating_count <= 0:
        return 0.0
    average = rating_sum / rating_count
    return (average - 3.0) / 2.0 * rating_count / (rating_count + RATING_SHRINK)


def spare_of(mentor: MentorFacts) -> float:
    """Free slots over capacity, 0..1."""
    return mentor.spare / mentor.capacity if mentor.capacity > 0 else 0.0


class Scorer:
    """Scores pairs with one taxonomy, one set of rules and one reference date for time zones."""

    def __init__(self, taxonomy: Taxonomy, config: MatchingConfig, day: date) -> None:
        self.taxonomy = taxonomy
        self.config = config
        self.day = day

    def weights(self, goal: str) -> Mapping[str, float]:
        """Skills that give credit for ``goal`` and their weights."""
        return goal_weights(self.taxonomy, goal)

    def overlap(self, a: str | None, b: str | None) -> tuple[float, float | None]:
        """(0..1 overlap part, shared hours or None when a zone is unknown)."""
        if a is None or b is None:
            return UNKNOWN_OVERLAP, None
        hours = overlap_hours(a, b, self.day, self.config.waking_start, self.config.waking_end)
        if hours is None:
            return UNKNOWN_OVERLAP, None
        return min(hours / self.config.waking_hours, 1.0), hours

    def goal_match(self, goal: str, mentee: MenteeFacts, mentor: MentorFacts) -> GoalMatch:
        """The mentor's best skill for one goal (ties: more years, then skill id)."""
        weights = self.weights(goal)
        best: tuple[float, float, str] | None = None
        for skill, years in mentor.skills.items():
            weight = weights.get(skill)
            if weight is None:
                continue
            key = (weight, -1.0 if years is None else years, skill)
            if best is None or _better(key, best):
                best = key
        mentee_years = mentee.goal_years.get(goal, 0.0)
        if best is None:
            return GoalMatch(goal, None, 0.0, None, False, mentee_years, 0.0)
        weight, _, skill = best
        skill_years = mentor.skills[skill]
        years = skill_years if skill_years is not None else mentor.fallback_years
        depth = depth_of(years, mentee_years)
        return GoalMatch(goal, skill, weight, years, skill_years is not None, mentee_years, depth)

    def score(self, mentee: MenteeFacts, mentor: MentorFacts) -> PairScore | None:
        """The pair's score, or None when the mentor covers none of the goals."""
        if not mentee.goals:
            return None
        goals = tuple(self.goal_match(goal, mentee, mentor) for goal in mentee.goals)
        covered = sum(g.weight for g in goals)
        if covered <= 0.0:
            return None
        fit = covered / len(goals)
        depth = sum(g.weight * g.depth for g in goals) / covered
        overlap, hours = self.overlap(mentee.timezone, mentor.timezone)
        spare = spare_of(mentor)
        rating = rating_of(mentor.rating_sum, mentor.rating_count)
        total = (
            FIT_POINTS * fit + DEPTH_POINTS * depth + OVERLAP_POINTS * overlap
            + SPARE_POINTS * spare + RATING_POINTS * rating
        )
        return PairScore(total, fit, depth, overlap, hours, spare, rating, goals)


def _better(key: tuple[float, float, str], best: tuple[float, float, str]) -> bool:
    """Higher weight, then more years, then the smaller skill id (so ties are deterministic)."""
    if key[:2] != best[:2]:
        return key[:2] > best[:2]
    return key[2] < best[2]


def depth_ceiling(years: float | None, fallback_years: float | None) -> float:
    """The most depth points a mentor's skill can give: judged from the skill's years, else
    their fallback years, against a mentee who is new to it."""
    return DEPTH_POINTS * depth_of(years if years is not None else fallback_years, 0.0)


def ranking_bound(
    cover_tenths: int,
    goal_count: int,
    depth_points: float,
    overlap_part: float,
    spare: int,
    capacity: int,
    rating_sum: int,
    rating_count: int,
) -> float:
    """An upper bound of a pair's score over some of the mentor's skills; directories sort by it.

    ``cover_tenths`` is the sum over goals of the best relation weight in tenths (weights are
    1.0, 0.6, 0.4, 0.3, so tenths are exact integers); ``depth_points`` is the largest
    ``depth_ceiling`` of those skills (the depth of any goal comes from one of them);
    ``overlap_part`` is the 0..1 overlap part (or an upper bound of it).
    """
    spare_part = spare / capacity if capacity > 0 else 0.0
    return (
        FIT_POINTS * cover_tenths / (10 * goal_count) + depth_points
        + OVERLAP_POINTS * overlap_part + SPARE_POINTS * spare_part
        + RATING_POINTS * rating_of(rating_sum, rating_count)
    )


def tenths(weight: float) -> int:
    """A relation weight in whole tenths."""
    return round(weight * 10)
