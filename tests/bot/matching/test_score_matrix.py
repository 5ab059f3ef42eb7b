"""The numpy score matrix of cohort rounds equals the pair scorer, cell by cell."""

from __future__ import annotations

from datetime import date

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.matching.config import MatchingConfig
from bot.matching.facts import MenteeFacts, MentorFacts
from bot.matching.score_matrix import score_matrix
from bot.matching.scoring import Scorer
from bot.taxonomy import Taxonomy

TAXONOMY = Taxonomy.load()
SKILLS = ["go", "rust", "python", "django", "kubernetes", "docker", "react", "javascript",
          "postgresql", "mysql", "excel"]
ZONES = [None, "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Not/AZone"]
years = st.one_of(st.none(), st.sampled_from([0.0, 1.0, 2.5, 6.0, 12.0]))
mentees = st.builds(
    MenteeFacts,
    goals=st.lists(st.sampled_from(SKILLS), max_size=3, unique=True).map(tuple),
    goal_years=st.dictionaries(st.sampled_from(SKILLS), st.sampled_from([1.0, 3.0]), max_size=2),
    timezone=st.sampled_from(ZONES),
)
mentors = st.builds(
    MentorFacts,
    skills=st.dictionaries(st.sampled_from(SKILLS), years, max_size=5),
    timezone=st.sampled_from(ZONES),
    fallback_years=years,
    capacity=st.integers(1, 4),
    active_count=st.integers(0, 4),
    rating_sum=st.integers(0, 15),
    rating_count=st.integers(0, 3),
)


@settings(max_examples=60, deadline=None)
@given(people=st.lists(mentees, min_size=1, max_size=6),
       guides=st.lists(mentors, min_size=1, max_size=6))
def test_every_cell_equals_the_pair_score(
    people: list[MenteeFacts], guides: list[MentorFacts]
) -> None:
    scorer = Scorer(TAXONOMY, MatchingConfig(), date(2026, 3, 2))
    matrix = score_matrix(scorer, people, guides)
    assert matrix.shape == (len(people), len(guides))
    for i, mentee in enumerate(people):
        for j, mentor in enumerate(guides):
            pair = scorer.score(mentee, mentor)
            if pair is None:
                assert np.isnan(matrix[i, j])
            else:
                assert abs(matrix[i, j] - pair.score) < 1e-9


def test_empty_sides_give_an_empty_matrix() -> None:
    scorer = Scorer(TAXONOMY, MatchingConfig(), date(2026, 3, 2))
    assert score_matrix(scorer, [], [MentorFacts({"go": 1.0})]).shape == (0, 1)
    assert score_matrix(scorer, [MenteeFacts(("go",))], []).shape == (1, 0)
