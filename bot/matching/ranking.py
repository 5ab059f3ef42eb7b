"""``/match``: the best mentors for a mentee, exactly, from a few rows of the mentor index.

The directory returns candidates ordered by an upper bound of their score (``ranking_bound``,
time-zone overlap included) and member id, a window at a time; each is then scored exactly.
Once the ``count``-th best exact score beats the best score any mentor not yet scored could
reach, the answer is final, so usually one window of a few dozen rows is scored.

With one goal the search goes in stages by relation weight: first mentors who know the goal
itself, then its parents and children, then related skills. Mentors without a skill of the
current stage score at most ``FIT_POINTS × next weight`` plus every other part, so a learner of
a niche skill whose parent is popular never reads the parent's thousands of mentors when a few
exact ones fit well. With several goals a mentor's weaker skills can add to the other goals, so
there is one stage over every credited skill. Ties go to the lower member id: the same data
always gives the same list.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache, lru_cache
from types import MappingProxyType
from zoneinfo import available_timezones

from bot.matching.config import MatchingConfig
from bot.matching.domain import MatchRequest, MentorCandidate, Pairing, RequestStatus
from bot.matching.facts import MenteeFacts, MentorFacts
from bot.matching.overlap import zone
from bot.matching.ports import CandidateQuery, GoalQuery, MatchingStore, RankedCandidate
from bot.matching.reasons import explain
from bot.matching.scoring import (
    DEPTH_POINTS,
    FIT_POINTS,
    OVERLAP_POINTS,
    RATING_POINTS,
    SPARE_POINTS,
    UNKNOWN_OVERLAP,
    PairScore,
    Scorer,
)
from bot.taxonomy import Taxonomy

_FIRST_WINDOW = 24
_GROWTH = 4
_EPSILON = 1e-6
# A mentee may not be offered (or ask) a mentor who already said no, let a request lapse, or is
# being asked right now.
_CLOSED_TO = (RequestStatus.OPEN, RequestStatus.DECLINED, RequestStatus.EXPIRED,
              RequestStatus.UNDELIVERABLE)


@dataclass(frozen=True, slots=True)
class Matchmaker:
    """The taxonomy, the rules and the moment a ranking is made for."""

    taxonomy: Taxonomy
    config: MatchingConfig
    now: datetime

    def scorer(self) -> Scorer:
        """A scorer with today's date for time-zone overlap."""
        return Scorer(self.taxonomy, self.config, self.now.date())

    def goal(self, goal: str) -> GoalQuery:
        """The directory query for one learning goal."""
        return GoalQuery(goal, self.scorer().weights(goal))

    def name(self, skill_id: str) -> str:
        """A skill's display name."""
        skill = self.taxonomy.get(skill_id)
        return skill.name if skill is not None else skill_id


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A mentor worth asking, with the score and the reasons."""

    member_id: int
    score: float
    reasons: tuple[str, ...]
    facts: MentorFacts
    display_name: str = ""


@dataclass(frozen=True, slots=True)
class Shortfall:
    """Why nobody could be suggested for one goal."""

    goal: str
    reason: str
    wishable: bool  # worth a "tell me when a mentor is available"


@dataclass(frozen=True, slots=True)
class Ranking:
    """Suggestions, best first; when there are none, why (one entry per goal)."""

    suggestions: tuple[Suggestion, ...]
    shortfalls: tuple[Shortfall, ...] = ()


def excluded_from(
    mentee_id: int, pairings: Iterable[Pairing], requests: Iterable[MatchRequest]
) -> set[int]:
    """Mentors a mentee must not be offered: themself, past or present partners, and anyone who
    declined them, let their request lapse, or has their request open right now."""
    excluded = {mentee_id}
    excluded.update(p.partner_of(mentee_id) for p in pairings)
    excluded.update(r.mentor_id for r in requests if r.status in _CLOSED_TO)
    return excluded


async def excluded_mentors(store: MatchingStore, community_id: int, mentee_id: int) -> set[int]:
    """``excluded_from`` with the mentee's pairings and requests read from the store."""
    return excluded_from(
        mentee_id,
        await store.pairings.for_member(community_id, mentee_id),
        await store.requests.for_mentee(community_id, mentee_id, _CLOSED_TO),
    )


async def rank_mentors(
    store: MatchingStore,
    maker: Matchmaker,
    community_id: int,
    mentee: MenteeFacts,
    exclude: Collection[int],
    count: int | None = None,
) -> Ranking:
    """The ``count`` best available mentors for ``mentee`` (default: the configured count)."""
    want = count or maker.config.result_count
    if not mentee.goals:
        return Ranking((), ())
    scorer = maker.scorer()
    goals = [maker.goal(goal) for goal in mentee.goals]
    floor = maker.config.min_score
    parts = zone_parts(scorer, mentee.timezone)
    unknown = parts is None
    # One goal: stage by weight (exact skills first). Several goals: one stage over every
    # credited skill, where the bound already counts every goal.
    levels = sorted({w for goal in goals for w in goal.weights.values()}, reverse=True)
    if len(goals) > 1:
        levels = levels[-1:]
    scored: dict[int, tuple[PairScore, MentorCandidate]] = {}
    best: list[tuple[PairScore, MentorCandidate]] = []
    settled = False
    for stage, level in enumerate(levels):
        if settled:
            break
        below = levels[stage + 1] if stage + 1 < len(levels) else 0.0
        limit = max(_FIRST_WINDOW, want * 4)
        while True:
            found = await store.directory.candidates(community_id, CandidateQuery(
                goals=goals, exclude=exclude, now=maker.now,
                default_capacity=maker.config.default_capacity, limit=limit, min_weight=level,
                zone_parts=parts or {}, other_zone_part=UNKNOWN_OVERLAP if unknown else 1.0,
            ))
            for ranked in found:
                pair = scorer.score(mentee, ranked.candidate.facts)
                if pair is not None and pair.score >= floor:
                    scored[ranked.candidate.member_id] = (pair, ranked.candidate)
            best = sorted(scored.values(), key=lambda item: (-item[0].score, item[1].member_id))
            full = len(found) >= limit
            if _settled(best, want, floor, found, full, below):
                settled = True
                break
            if not full:
                break
            limit *= _GROWTH
    if best:
        return _ranking(maker, mentee, best[:want])
    return Ranking((), await _shortfalls(store, maker, community_id, mentee.goals, exclude))


def _settled(
    best: list[tuple[PairScore, MentorCandidate]],
    want: int,
    floor: float,
    found: list[RankedCandidate],
    full: bool,
    below: float,
) -> bool:
    """Whether no mentor left unread can enter the top ``want`` (see the module docstring).

    Unread mentors of this stage come after the last one read: a bound no higher, and at an
    equal bound a higher member id, so at an equal score they lose the tie. Mentors without a
    skill of this stage score at most ``FIT_POINTS × below`` plus every other part.
    """
    ceiling = -math.inf
    if below > 0:
        ceiling = FIT_POINTS * below + DEPTH_POINTS + OVERLAP_POINTS + SPARE_POINTS + RATING_POINTS
    last = found[-1] if full else None
    if ceiling < floor and (last is None or last.bound < floor - _EPSILON):
        return True
    if len(best) < want:
        return False
    score, member_id = best[want - 1][0].score, best[want - 1][1].member_id
    if score <= ceiling + _EPSILON:
        return False
    if last is None:
        return True
    return score > last.bound + _EPSILON or (
        score >= last.bound - _EPSILON and member_id < last.candidate.member_id
    )


def _ranking(
    maker: Matchmaker, mentee: MenteeFacts, best: Sequence[tuple[PairScore, MentorCandidate]]
) -> Ranking:
    return Ranking(tuple(
        Suggestion(
            candidate.member_id, pair.score,
            explain(maker.taxonomy, pair, mentee, candidate.facts, to_mentee=True),
            candidate.facts, candidate.display_name,
        )
        for pair, candidate in best
    ))


def zone_parts(scorer: Scorer, mentee_zone: str | None) -> Mapping[str, float] | None:
    """The mentee's overlap part with every IANA zone, or None when their zone is unknown."""
    if mentee_zone is None or zone(mentee_zone) is None:
        return None
    config = scorer.config
    return _zone_parts(mentee_zone, scorer.day, config.waking_start, config.waking_end)


@lru_cache(maxsize=256)
def _zone_parts(mentee_zone: str, day: date, start: time, end: time) -> Mapping[str, float]:
    scorer = Scorer(Taxonomy.load(), MatchingConfig(waking_start=start, waking_end=end), day)
    return MappingProxyType({z: scorer.overlap(mentee_zone, z)[0] for z in _all_zones()})


@cache
def _all_zones() -> tuple[str, ...]:
    return tuple(sorted(available_timezones() | {"UTC"}))


async def _shortfalls(
    store: MatchingStore,
    maker: Matchmaker,
    community_id: int,
    goals: Sequence[str],
    exclude: Collection[int],
) -> tuple[Shortfall, ...]:
    found = []
    for goal in goals:
        coverage = await store.directory.coverage(
            community_id, maker.goal(goal), now=maker.now,
            default_capacity=maker.config.default_capacity,
        )
        name = maker.name(goal)
        others = [c for c in coverage if c.member_id not in exclude]
        if not coverage:
            found.append(Shortfall(goal, f"nobody here offers mentoring in {name} or anything "
                                         "related yet", True))
        elif not others:
            found.append(Shortfall(goal, f"you've already been paired with, or asked, every "
                                         f"mentor who knows {name}", True))
        elif all(c.paused or c.full for c in others):
            if len(others) == 1:
                reason = f"the only mentor who knows {name} is paused or has no free slot"
            else:
                reason = (f"all {len(others)} mentors who know {name} are paused or have no "
                          "free slot")
            found.append(Shortfall(goal, reason + " right now", True))
        else:
            found.append(Shortfall(goal, f"the mentors near {name} fit too loosely (below the "
                                         f"minimum score of {maker.config.min_score:g})", False))
    return tuple(found)
