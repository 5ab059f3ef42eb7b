"""Cohort rounds: the optimal plan, reasons for pairs, and why the others got nobody."""

from __future__ import annotations

from datetime import date

from bot.matching.cohort import CohortMentee, CohortMentor, plan_round
from bot.matching.config import MatchingConfig
from bot.matching.facts import MenteeFacts, MentorFacts
from bot.matching.scoring import Scorer
from bot.taxonomy import Taxonomy

SCORER = Scorer(Taxonomy.load(), MatchingConfig(min_score=25.0), date(2026, 3, 2))


def mentee(key: str, *goals: str, zone: str | None = "Europe/Berlin") -> CohortMentee:
    return CohortMentee(key, MenteeFacts(goals=goals, timezone=zone))


def mentor(key: str, slots: int, **skills: float | None) -> CohortMentor:
    facts = MentorFacts(skills=skills, timezone="Europe/Berlin", capacity=max(slots, 1))
    return CohortMentor(key, facts, slots)


def test_the_plan_is_optimal_and_every_pair_has_reasons() -> None:
    # "ana" fits A a bit better than B, but "bo" only fits A: the optimum gives A to bo.
    plan = plan_round(
        SCORER,
        [mentee("ana", "go"), mentee("bo", "rust")],
        [mentor("A", 1, go=6.0, rust=6.0), mentor("B", 1, go=2.0)],
    )
    assert [(p.mentee, p.mentor) for p in plan.pairs] == [("ana", "B"), ("bo", "A")]
    assert plan.unmatched == ()
    assert plan.total_score == sum(p.score for p in plan.pairs)
    assert plan.pairs[1].reasons[0] == "Knows Rust, a learning goal"


def test_unmatched_mentees_are_told_why() -> None:
    plan = plan_round(
        SCORER,
        [
            mentee("nogoal"),
            mentee("haskell", "haskell"),
            mentee("banned", "go"),
            mentee("first", "rust"),
            mentee("second", "rust"),
            mentee("nospace", "python"),
        ],
        [mentor("gopher", 1, go=5.0), mentor("rustacean", 1, rust=8.0),
         mentor("full", 0, python=9.0)],
        banned=[("banned", "gopher")],
    )
    why = {u.mentee: u.reason for u in plan.unmatched}
    assert why["nogoal"] == "no learning goals to match on"
    assert why["haskell"] == "no mentor offers Haskell or anything related yet"
    assert why["banned"] == "already paired with, or turned down by, every mentor who fits"
    assert why["nospace"] == "every mentor who fits is full"
    matched = {p.mentee for p in plan.pairs}
    assert matched == {"first"}  # both want rust; the tie goes to the first, deterministically
    assert why["second"].startswith("the mentors who fit went to mentees they fit better")


def test_same_input_same_plan() -> None:
    people = [mentee(f"m{i}", "go", "rust") for i in range(6)]
    guides = [mentor("A", 2, go=3.0), mentor("B", 2, rust=3.0), mentor("C", 1, go=1.0)]
    assert plan_round(SCORER, people, guides) == plan_round(SCORER, people, guides)


def test_a_fit_below_the_minimum_score_is_not_made() -> None:
    plan = plan_round(SCORER, [mentee("weak", "nextjs", zone=None)],
                      [mentor("js", 1, javascript=None)], min_score=60)
    assert plan.pairs == ()
    assert plan.unmatched[0].reason.startswith("the best fit scores ")
    assert plan.unmatched[0].reason.endswith("below the minimum of 60")
    assert plan_round(SCORER, [mentee("weak", "nextjs", zone=None)],
                      [mentor("js", 1, javascript=None)], min_score=25).pairs != ()


def test_a_mentee_who_also_mentors_is_not_matched_with_themself() -> None:
    both = CohortMentee("x", MenteeFacts(goals=("go",), timezone="Europe/Berlin"))
    plan = plan_round(SCORER, [both], [mentor("x", 1, go=9.0)], banned=[("x", "x")])
    assert plan.pairs == ()
