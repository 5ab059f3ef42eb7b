"""The cohort solver finds the maximum total score exactly, where greedy choices do not."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.matching.solver import (
    Method,
    allowed_cells,
    first_come_assignment,
    greedy_assignment,
    has_min_cost_flow,
    optimal_assignment,
)

EXACT = [Method.SPARSE_ASSIGNMENT, Method.DENSE_ASSIGNMENT] + (
    [Method.MIN_COST_FLOW] if has_min_cost_flow() else []
)


def _open(scores: np.ndarray, min_score: float = 0.0) -> np.ndarray:
    return allowed_cells(scores, np.zeros(scores.shape, dtype=bool), min_score)


@pytest.mark.parametrize("method", [Method.AUTO, *EXACT])
def test_the_issue_example_optimum_is_14_where_greedy_first_best_gets_12(method: Method) -> None:
    # Mentee 1 scores 8 with mentor A and 5 with B; mentee 2 scores 9 with A and 4 with B.
    # Taking each mentee's best in turn gives 1→A (8) then 2→B (4) = 12; the optimum is 14.
    scores = np.array([[8.0, 5.0], [9.0, 4.0]])
    capacities = np.array([1, 1])
    greedy = first_come_assignment(scores, _open(scores), capacities)
    assert (greedy.pairs, greedy.total) == (((0, 0), (1, 1)), 12.0)
    best = optimal_assignment(scores, _open(scores), capacities, method)
    assert (best.pairs, best.total) == (((0, 1), (1, 0)), 14.0)


@pytest.mark.parametrize("method", EXACT)
def test_best_pair_first_greedy_is_beaten_too(method: Method) -> None:
    scores = np.array([[9.0, 8.0], [8.0, 1.0]])
    capacities = np.array([1, 1])
    assert greedy_assignment(scores, _open(scores), capacities).total == 10.0
    assert optimal_assignment(scores, _open(scores), capacities, method).total == 16.0


@pytest.mark.parametrize("method", EXACT)
def test_capacity_lets_one_mentor_take_several_mentees(method: Method) -> None:
    scores = np.array([[9.0, 1.0], [8.0, 2.0], [7.0, 3.0]])
    best = optimal_assignment(scores, _open(scores), np.array([2, 1]), method)
    assert best.pairs == ((0, 0), (1, 0), (2, 1))
    assert best.total == 20.0


@pytest.mark.parametrize("method", EXACT)
def test_banned_pairs_minimum_score_and_zero_capacity_are_respected(method: Method) -> None:
    scores = np.array([[9.0, 30.0, 40.0], [20.0, np.nan, 50.0]])
    banned = np.array([[False, True, False], [False, False, False]])
    allowed = allowed_cells(scores, banned, 10.0)
    best = optimal_assignment(scores, allowed, np.array([1, 1, 0]), method)
    assert best.pairs == ((1, 0),)  # 0→A is under the minimum, 0→B banned, C has no room


@pytest.mark.parametrize("method", EXACT)
def test_nothing_to_do(method: Method) -> None:
    empty = np.zeros((0, 2))
    assert optimal_assignment(empty, _open(empty), np.array([1, 1]), method).pairs == ()
    none = np.full((2, 2), np.nan)
    assert optimal_assignment(none, _open(none), np.array([1, 1]), method).total == 0.0


def test_shapes_must_agree() -> None:
    scores = np.ones((2, 2))
    with pytest.raises(ValueError, match="shape"):
        optimal_assignment(scores, _open(scores), np.array([1, 1, 1]))


def _brute_force(scores: np.ndarray, allowed: np.ndarray, capacities: np.ndarray) -> float:
    n, m = scores.shape
    best = 0.0
    for choice in itertools.product(range(-1, m), repeat=n):
        used = np.bincount([c for c in choice if c >= 0], minlength=m)
        if any(used > capacities):
            continue
        if any(c >= 0 and not allowed[i, c] for i, c in enumerate(choice)):
            continue
        best = max(best, sum(scores[i, c] for i, c in enumerate(choice) if c >= 0))
    return best


@settings(max_examples=80, deadline=None)
@given(
    cells=st.lists(st.lists(st.one_of(st.none(), st.integers(1, 40)), min_size=3, max_size=3),
                   min_size=1, max_size=5),
    capacities=st.lists(st.integers(0, 2), min_size=3, max_size=3),
)
def test_every_exact_method_reaches_the_brute_force_optimum(
    cells: list[list[int | None]], capacities: list[int]
) -> None:
    scores = np.array([[np.nan if v is None else float(v) for v in row] for row in cells])
    allowed = _open(scores, 5.0)
    cap = np.array(capacities)
    expected = _brute_force(scores, allowed, cap)
    for method in EXACT:
        found = optimal_assignment(scores, allowed, cap, method)
        assert found.total == pytest.approx(expected), method
        taken = np.bincount([j for _, j in found.pairs], minlength=3)
        assert all(taken <= cap)
        assert len({i for i, _ in found.pairs}) == len(found.pairs)
        assert greedy_assignment(scores, allowed, cap).total <= found.total + 1e-9
