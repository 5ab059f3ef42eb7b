"""Pair scores and their reasons: skill fit through the taxonomy, depth, shared hours, capacity."""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.matching.config import MatchingConfig
from bot.matching.facts import MenteeFacts, MentorFacts
from bot.matching.reasons import explain
from bot.matching.scoring import (
    Scorer,
    depth_ceiling,
    depth_of,
    goal_weights,
    ranking_bound,
    rating_of,
    tenths,
)
from bot.taxonomy import Taxonomy

DAY = date(2026, 3, 2)


@cache
def taxonomy() -> Taxonomy:
    return Taxonomy.load()


def scorer(**config: object) -> Scorer:
    return Scorer(taxonomy(), MatchingConfig(**config), DAY)  # type: ignore[arg-type]


def mentor(skills: dict[str, float | None], **facts: object) -> MentorFacts:
    values: dict[str, object] = {"timezone": "Europe/Berlin", "capacity": 2} | facts
    return MentorFacts(skills=skills, **values)  # type: ignore[arg-type]


def test_weights_follow_the_taxonomy_relations() -> None:
    weights = goal_weights(taxonomy(), "kubernetes")
    assert weights["kubernetes"] == 1.0
    assert weights["docker"] == pytest.approx(0.4)
    assert goal_weights(taxonomy(), "django")["python"] == pytest.approx(0.6)


def test_reasons_name_exact_and_related_skills_depth_hours_and_slots() -> None:
    mentee = MenteeFacts(goals=("rust", "kubernetes"), timezone="Europe/Berlin")
    expert = mentor({"rust": 6.0, "docker": None}, timezone="America/New_York",
                    capacity=3, active_count=1, rating_sum=9, rating_count=2)
    pair = scorer().score(mentee, expert)
    assert pair is not None
    reasons = explain(taxonomy(), pair, mentee, expert)
    assert reasons == (
        "Knows Rust, which you want to learn",
        "Knows Docker, related to your goal Kubernetes",
        "Depth: 6 years of Rust (you: new to it)",
        "8 h of shared waking hours (Europe/Berlin / America/New_York)",
        "2 of 3 mentee slots free",
        "Rated 4.5/5 by 2 mentees",
    )
    assert [g.weight for g in pair.goals] == [1.0, pytest.approx(0.4)]
    assert pair.fit == pytest.approx((1.0 + 0.4) / 2)


def test_reasons_for_the_mentor_speak_of_the_goal_not_you() -> None:
    mentee = MenteeFacts(goals=("django",), timezone="Europe/Berlin")
    pythonista = mentor({"python": None}, fallback_years=8.0)
    pair = scorer().score(mentee, pythonista)
    assert pair is not None
    reasons = explain(taxonomy(), pair, mentee, pythonista, to_mentee=False)
    assert reasons[0] == "Knows Python, closely related to the goal Django"
    assert reasons[1] == "Depth: about 8 years of experience (mentee: new to it)"
    assert reasons[2] == "Same timezone (Europe/Berlin)"


def test_a_goal_the_mentor_does_not_cover_is_said_and_lowers_the_fit() -> None:
    mentee = MenteeFacts(goals=("rust", "elixir"), timezone=None)
    pair = scorer().score(mentee, mentor({"rust": 3.0}))
    assert pair is not None
    assert pair.fit == pytest.approx(0.5)
    reasons = explain(taxonomy(), pair, mentee, mentor({"rust": 3.0}))
    assert "Doesn't cover your goal Elixir" in reasons
    assert "Timezone not known for both, so shared hours can't be judged" in reasons


def test_no_fit_at_all_has_no_score() -> None:
    assert scorer().score(MenteeFacts(goals=("rust",)), mentor({"excel": 9.0})) is None
    assert scorer().score(MenteeFacts(goals=()), mentor({"rust": 9.0})) is None


def test_exact_beats_related_and_deeper_beats_shallower() -> None:
    mentee = MenteeFacts(goals=("kubernetes",), timezone="Europe/Berlin")
    exact = scorer().score(mentee, mentor({"kubernetes": 1.0}))
    related = scorer().score(mentee, mentor({"docker": 10.0}))
    deep = scorer().score(mentee, mentor({"kubernetes": 8.0}))
    assert exact is not None
    assert related is not None
    assert deep is not None
    assert deep.score > exact.score > related.score


def test_depth_is_relative_to_the_mentees_own_years() -> None:
    assert depth_of(6.0, 0.0) == 1.0
    assert depth_of(6.0, 4.0) == pytest.approx(0.4)
    assert depth_of(2.0, 5.0) == 0.0
    assert depth_of(None, 0.0) == pytest.approx(0.4)
    learner = MenteeFacts(goals=("rust",), goal_years={"rust": 4.0}, timezone="Europe/Berlin")
    pair = scorer().score(learner, mentor({"rust": 6.0}))
    assert pair is not None
    assert pair.depth == pytest.approx(0.4)
    assert "Depth: 6 years of Rust (you: 4 years)" in explain(
        taxonomy(), pair, learner, mentor({"rust": 6.0})
    )


def test_ratings_nudge_lightly_both_ways() -> None:
    mentee = MenteeFacts(goals=("rust",), timezone="Europe/Berlin")
    plain = scorer().score(mentee, mentor({"rust": 5.0}))
    loved = scorer().score(mentee, mentor({"rust": 5.0}, rating_sum=25, rating_count=5))
    disliked = scorer().score(mentee, mentor({"rust": 5.0}, rating_sum=5, rating_count=5))
    assert plain is not None
    assert loved is not None
    assert disliked is not None
    assert disliked.score < plain.score < loved.score
    assert loved.score - plain.score < 5.0
    assert rating_of(3, 1) == 0.0
    assert rating_of(0, 0) == 0.0


def test_spare_capacity_counts() -> None:
    mentee = MenteeFacts(goals=("rust",), timezone="Europe/Berlin")
    free = scorer().score(mentee, mentor({"rust": 5.0}, capacity=2, active_count=0))
    busy = scorer().score(mentee, mentor({"rust": 5.0}, capacity=2, active_count=1))
    assert free is not None
    assert busy is not None
    assert free.score - busy.score == pytest.approx(2.5)


def test_ties_between_skills_prefer_more_years_then_the_smaller_id() -> None:
    mentee = MenteeFacts(goals=("kubernetes",))
    pair = scorer().score(mentee, mentor({"istio": 2.0, "docker": 7.0, "k3s": None}))
    assert pair is not None
    assert pair.goals[0].skill == "docker"
    pair = scorer().score(mentee, mentor({"istio": None, "docker": None}))
    assert pair is not None
    assert pair.goals[0].skill == "docker"


RELATED_TO_GO = sorted(goal_weights(Taxonomy.load(), "go"))


@settings(max_examples=150, deadline=None)
@given(
    skills=st.dictionaries(st.sampled_from([*RELATED_TO_GO, "rust", "python"]),
                           st.one_of(st.none(), st.floats(0, 30)), min_size=1, max_size=6),
    fallback=st.one_of(st.none(), st.floats(0, 30)),
    capacity=st.integers(1, 5), active=st.integers(0, 5),
    ratings=st.tuples(st.integers(0, 5), st.integers(1, 5)),
    goals=st.lists(st.sampled_from(["go", "rust", "kubernetes"]), min_size=1, max_size=3,
                   unique=True),
)
def test_the_directory_bound_never_underestimates_a_score(
    skills: dict[str, float | None], fallback: float | None, capacity: int, active: int,
    ratings: tuple[int, int], goals: list[str],
) -> None:
    count, average = ratings[0], ratings[1]
    facts = MentorFacts(skills, "Asia/Tokyo", fallback, capacity, min(active, capacity),
                        count * average, count)
    mentee = MenteeFacts(goals=tuple(goals), timezone="Europe/Berlin")
    pair = scorer().score(mentee, facts)
    if pair is None:
        return
    s = scorer()
    cover = sum(
        max((tenths(s.weights(g)[k]) for k in skills if k in s.weights(g)), default=0)
        for g in goals
    )
    depth = max(depth_ceiling(skills[k], fallback) for k in skills
                if any(k in s.weights(g) for g in goals))
    bound = ranking_bound(cover, len(goals), depth, pair.overlap,
                          facts.spare, facts.capacity, facts.rating_sum, facts.rating_count)
    assert pair.score <= bound + 1e-9
