"""Maximum-total-score assignment of mentees to mentors with capacities, solved exactly.

Three exact methods, measured at 5,000 mentees × 1,000 mentors (benchmarks/match_bench.py):

* ``MIN_COST_FLOW`` — OR-Tools' min-cost flow on source → mentee → mentor → sink, capacities on
  the mentor → sink arcs, a zero-cost source → sink arc for "unmatched". No column expansion;
  the fastest by far, so it is used whenever OR-Tools is installed. Costs are integers: scores
  count in 1/10,000 of a point.
* ``SPARSE_ASSIGNMENT`` — scipy's ``min_weight_full_bipartite_matching`` (LAPJVsp) with one
  row per mentor slot and a dummy column per slot; the fallback without OR-Tools.
* ``DENSE_ASSIGNMENT`` — scipy's ``linear_sum_assignment`` on the dense slot-expanded matrix;
  the slowest, kept for the measurement.

A mentor never gets more slots than the mentees it may take. Pairs that are not allowed are
absent (sparse, flow) or 0 (dense); every allowed pair scores above 0, so the best full
assignment restricted to its positive cells is the best partial one.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

COST_SCALE = 10_000  # min-cost flow works in integers: 1/10,000 of a point
_DUMMY = 1e-9


class Method(StrEnum):
    """Which exact solver to use."""

    AUTO = "auto"
    MIN_COST_FLOW = "min-cost-flow"
    SPARSE_ASSIGNMENT = "sparse-assignment"
    DENSE_ASSIGNMENT = "dense-assignment"


@dataclass(frozen=True, slots=True)
class Assignment:
    """Chosen (mentee index, mentor index) pairs, sorted, and their total score."""

    pairs: tuple[tuple[int, int], ...]
    total: float


def allowed_cells(scores: FloatArray, banned: BoolArray, min_score: float) -> BoolArray:
    """Pairs that may be matched: scored, above 0, at least ``min_score`` and not banned."""
    with np.errstate(invalid="ignore"):
        ok: BoolArray = ~np.isnan(scores) & (scores > 0) & (scores >= min_score)
    return ok & ~banned


def has_min_cost_flow() -> bool:
    """Whether OR-Tools is installed."""
    return importlib.util.find_spec("ortools") is not None


def optimal_assignment(
    scores: FloatArray, allowed: BoolArray, capacities: IntArray, method: Method = Method.AUTO
) -> Assignment:
    """The assignment with the highest total score: each mentee at most once, mentor j at most
    ``capacities[j]`` times, only through allowed cells."""
    n, m = scores.shape
    if capacities.shape != (m,) or allowed.shape != scores.shape:
        raise ValueError("scores, allowed and capacities do not agree in shape")
    usable = allowed & (capacities > 0)[None, :]
    slots = np.minimum(np.maximum(capacities, 0), usable.sum(axis=0)).astype(np.int64)
    rows, cols = np.nonzero(usable)
    if rows.size == 0:
        return Assignment((), 0.0)
    if method is Method.AUTO:
        method = Method.MIN_COST_FLOW if has_min_cost_flow() else Method.SPARSE_ASSIGNMENT
    if method is Method.MIN_COST_FLOW:
        chosen = _min_cost_flow(scores, rows, cols, slots, n, m)
    elif method is Method.SPARSE_ASSIGNMENT:
        chosen = _sparse(scores, rows, cols, slots, n)
    else:
        chosen = _dense(scores, usable, slots)
    pairs = tuple(sorted(chosen))
    return Assignment(pairs, float(sum(scores[i, j] for i, j in pairs)))


def _min_cost_flow(
    scores: FloatArray, rows: IntArray, cols: IntArray, slots: IntArray, n: int, m: int
) -> list[tuple[int, int]]:
    from ortools.graph.python import min_cost_flow  # type: ignore[import-untyped,import-not-found,unused-ignore]

    source, sink = n + m, n + m + 1
    edges = rows.size
    tails = np.concatenate([np.full(n, source), rows, n + np.arange(m), [source]])
    heads = np.concatenate([np.arange(n), n + cols, np.full(m, sink), [sink]])
    capacity = np.concatenate([np.ones(n + edges), slots, [n]]).astype(np.int64)
    unit = np.rint(scores[rows, cols] * COST_SCALE).astype(np.int64)
    cost = np.concatenate([np.zeros(n), -unit, np.zeros(m + 1)]).astype(np.int64)
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(
        tails.astype(np.int32), heads.astype(np.int32), capacity, cost
    )
    flow.set_node_supply(source, n)
    flow.set_node_supply(sink, -n)
    status = flow.solve()
    if status != flow.OPTIMAL:
        raise RuntimeError(f"min-cost flow did not solve the round: {status}")
    used = np.asarray(flow.flows(np.arange(n, n + edges, dtype=np.int32))) > 0
    return list(zip(rows[used].tolist(), cols[used].tolist(), strict=True))


def _sparse(
    scores: FloatArray, rows: IntArray, cols: IntArray, slots: IntArray, n: int
) -> list[tuple[int, int]]:
    # one matrix row per mentor slot; slot rows of mentor j are first[j] .. first[j]+slots[j]-1
    first = np.concatenate([[0], np.cumsum(slots)[:-1]])
    total_slots = int(slots.sum())
    copies = slots[cols]
    edge_rows = np.repeat(first[cols], copies) + _ranges(copies)
    edge_cols = np.repeat(rows, copies)
    weights = np.repeat(scores[rows, cols], copies)
    dummy = np.arange(total_slots)
    # scipy is imported when a round runs: it costs ~40 MB that serving commands never needs
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import min_weight_full_bipartite_matching

    graph = csr_matrix(
        (np.concatenate([weights, np.full(total_slots, _DUMMY)]),
         (np.concatenate([edge_rows, dummy]), np.concatenate([edge_cols, n + dummy]))),
        shape=(total_slots, n + total_slots),
    )
    slot_rows, mentee_cols = min_weight_full_bipartite_matching(graph, maximize=True)
    owner = np.repeat(np.arange(slots.size), slots)
    return [
        (int(c), int(owner[r]))
        for r, c in zip(slot_rows.tolist(), mentee_cols.tolist(), strict=True) if c < n
    ]


def _dense(scores: FloatArray, usable: BoolArray, slots: IntArray) -> list[tuple[int, int]]:
    rows = np.flatnonzero(usable.any(axis=1))
    columns = np.repeat(np.arange(slots.size), slots)
    value = np.where(usable[np.ix_(rows, columns)], scores[np.ix_(rows, columns)], 0.0)
    from scipy.optimize import linear_sum_assignment

    chosen_rows, chosen_cols = linear_sum_assignment(value, maximize=True)
    return [
        (int(rows[r]), int(columns[c]))
        for r, c in zip(chosen_rows.tolist(), chosen_cols.tolist(), strict=True)
        if value[r, c] > 0
    ]


def _ranges(counts: IntArray) -> IntArray:
    """0..c-1 for each count c, concatenated."""
    ends = np.cumsum(counts)
    total = int(ends[-1]) if ends.size else 0
    result: IntArray = np.arange(total) - np.repeat(ends - counts, counts)
    return result


def greedy_assignment(scores: FloatArray, allowed: BoolArray, capacities: IntArray) -> Assignment:
    """Baseline: take the best remaining allowed pair until nothing fits (not optimal)."""
    rows, cols = np.nonzero(allowed & (capacities > 0)[None, :])
    values = scores[rows, cols]
    order = np.lexsort((cols, rows, -values))
    left = capacities.astype(np.int64).copy()
    taken = np.zeros(scores.shape[0], dtype=bool)
    pairs = []
    for k in order.tolist():
        r, c = int(rows[k]), int(cols[k])
        if not taken[r] and left[c] > 0:
            taken[r] = True
            left[c] -= 1
            pairs.append((r, c))
    return Assignment(tuple(sorted(pairs)), float(sum(scores[i, j] for i, j in pairs)))


def first_come_assignment(
    scores: FloatArray, allowed: BoolArray, capacities: IntArray
) -> Assignment:
    """Baseline: mentees in order each take their best mentor with room left (not optimal)."""
    left = capacities.astype(np.int64).copy()
    pairs = []
    for r in range(scores.shape[0]):
        open_cols = np.flatnonzero(allowed[r] & (left > 0))
        if open_cols.size == 0:
            continue
        c = int(open_cols[np.argmax(scores[r, open_cols])])
        left[c] -= 1
        pairs.append((r, c))
    return Assignment(tuple(pairs), float(sum(scores[i, j] for i, j in pairs)))
