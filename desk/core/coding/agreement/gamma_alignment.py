"""The best alignment of γ (Mathet, Widlöcher & Métivier 2015), found exactly.

A unitary alignment takes at most one unit of each of the n annotators (the
others are "empty"); its disorder is the mean over the C(n,2) annotator pairs
of the dissimilarity: Δ∅ = 1 when either side is empty, else the positional
dissimilarity d(u, v) = ((|Δstart| + |Δend|) / (len u + len v))². An alignment
partitions all units into unitary alignments; its disorder is their summed
disorder over the mean number of units per annotator. γ needs the alignment
of least disorder.

Exact and fast. Taking unit v out of a unitary alignment K of k units into
one of its own changes the summed disorder by C(n,2) + k - 1 - Σ_{u∈K\\v} d(u, v)
(over C(n,2)), so a best alignment never uses a K where that is negative for
some v; in particular it never pairs units with d > C(n,2) + n - 1. Only the
few unitary alignments left (found with sorted searches, not by trying all
n-tuples as pygamma-agreement does) enter the set-partitioning program, which
HiGHS (via SciPy) solves as a linear program: its relaxation is integral for
two annotators and nearly always for more; when not, it branches. The tests
check the result against pygamma-agreement.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import comb, sqrt

import numpy as np

from desk.core.coding.agreement.set_partition import cheapest_partition


@dataclass
class Alignment:
    """The unitary alignments of a best alignment: their disorders and unit counts."""

    costs: np.ndarray
    sizes: np.ndarray
    annotators: int

    @property
    def units(self) -> int:
        return int(self.sizes.sum())

    @property
    def disorder(self) -> float:
        if self.units == 0:
            return float("nan")
        return float(self.costs.sum() / (self.units / self.annotators))


def dissimilarity(s1: np.ndarray, e1: np.ndarray, s2: np.ndarray,
                  e2: np.ndarray) -> np.ndarray:
    ratio = (np.abs(s1 - s2) + np.abs(e1 - e2)) / ((e1 - s1) + (e2 - s2))
    return np.asarray(ratio * ratio)


def best_alignment(units: list[np.ndarray]) -> Alignment:
    """`units[i]`: annotator i's (k_i, 2) [start, end) pairs, in any time unit."""
    n = len(units)
    starts = np.concatenate([u[:, 0] for u in units]).astype(np.float64)
    ends = np.concatenate([u[:, 1] for u in units]).astype(np.float64)
    owner = np.concatenate([np.full(len(u), i) for i, u in enumerate(units)]).astype(np.int64)
    if len(starts) == 0:
        return Alignment(np.zeros(0), np.zeros(0, dtype=np.int64), n)
    total = len(starts)
    c2 = comb(n, 2)
    pairs = _Pairs(starts, ends, owner, n, c2 + n - 1)
    # A unit without candidates stays alone; two units that only have each other
    # are joined when that is cheaper. Only the rest needs the solver.
    degree = np.bincount(np.concatenate([pairs.first, pairs.second]), minlength=total)
    lone_pair = (degree[pairs.first] == 1) & (degree[pairs.second] == 1)
    joined = (pairs.dist[lone_pair] + c2 - 1) / c2
    together = joined < 2.0
    simple = degree == 0
    simple[pairs.first[lone_pair]] = simple[pairs.second[lone_pair]] = True
    costs = [joined[together], np.ones(int((degree == 0).sum()) + 2 * int((~together).sum()))]
    sizes = [np.full(int(together.sum()), 2), np.ones(len(costs[1]), dtype=np.int64)]
    if not simple.all():
        rows = np.cumsum(~simple) - 1  # unit → row of the program
        members, tuple_costs = _unitary_alignments(pairs, total, n, ~simple)
        present = members >= 0
        chosen = cheapest_partition(np.where(present, rows[np.where(present, members, 0)], -1),
                            tuple_costs, int((~simple).sum()))
        costs.append(tuple_costs[chosen])
        sizes.append(present[chosen].sum(axis=1))
    return Alignment(np.concatenate(costs), np.concatenate(sizes).astype(np.int64), n)


class _Pairs:
    """Pairs of units of different annotators with d ≤ limit, looked up by code.

    d ≤ limit implies |Δstart| ≤ √limit (len u + len v); the other side's
    units are bucketed by length (powers of two) so a long unit far away is
    found without scanning every unit for every unit. A pair is stored once,
    lower annotator first.
    """

    def __init__(self, starts: np.ndarray, ends: np.ndarray, owner: np.ndarray, n: int,
                 limit: float) -> None:
        self.total = len(starts)
        self.owner = owner
        lengths = ends - starts
        index = np.arange(len(starts))
        buckets = np.floor(np.log2(np.maximum(lengths, 1e-9))).astype(np.int64)
        found: list[tuple[np.ndarray, np.ndarray]] = []
        for b in range(1, n):
            mine = index[owner < b]
            for bucket in np.unique(buckets[owner == b]):
                theirs = index[(owner == b) & (buckets == bucket)]
                theirs = theirs[np.argsort(starts[theirs], kind="stable")]
                radius = sqrt(limit) * (lengths[mine] + lengths[theirs].max())
                lo = np.searchsorted(starts[theirs], starts[mine] - radius, side="left")
                hi = np.searchsorted(starts[theirs], starts[mine] + radius, side="right")
                left, picked = _expand(mine, lo, hi)
                found.append((left, theirs[picked]))
        first = np.concatenate([f for f, _ in found]) if found else np.zeros(0, np.int64)
        second = np.concatenate([s for _, s in found]) if found else np.zeros(0, np.int64)
        dist = dissimilarity(starts[first], ends[first], starts[second], ends[second])
        keep = dist <= limit
        codes = first[keep] * self.total + second[keep]
        order = np.argsort(codes)
        self.codes, self.dist = codes[order], dist[keep][order]
        self.first, self.second = first[keep][order], second[keep][order]
        # Neighbours with a higher annotator, per unit (CSR over `first`).
        self.indptr = np.concatenate([[0], np.cumsum(np.bincount(self.first,
                                                                 minlength=self.total))])

    def lookup(self, low: np.ndarray, high: np.ndarray) -> np.ndarray:
        """d of each (low, high) pair (low's annotator first); inf when not a pair."""
        codes = low * self.total + high
        at = np.minimum(np.searchsorted(self.codes, codes), max(len(self.codes) - 1, 0))
        if len(self.codes) == 0:
            return np.full(len(codes), np.inf)
        return np.where(self.codes[at] == codes, self.dist[at], np.inf)


def _expand(rows: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each row r, the indices lo[r] … hi[r]-1, flattened as (repeated row, index)."""
    counts = hi - lo
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    return np.repeat(rows, counts), np.repeat(lo, counts) + offsets


def _unitary_alignments(pairs: _Pairs, total: int, n: int,
                        wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The unitary alignments a best alignment may use: (T, n) units (-1 empty), costs.

    Grown member by member in annotator order from each unit's neighbours,
    keeping those whose members are pairwise candidates; then the ones from
    which splitting a unit off is no worse are dropped.
    """
    c2 = comb(n, 2)
    level = np.flatnonzero(wanted)[:, None]
    grown = [level]
    while level.shape[1] < n and len(level):
        rows, at = _expand(np.arange(len(level)), pairs.indptr[level[:, -1]],
                           pairs.indptr[level[:, -1] + 1])
        candidate = np.column_stack([level[rows], pairs.second[at]])
        ok = np.ones(len(candidate), dtype=bool)
        for column in range(candidate.shape[1] - 2):
            ok &= np.isfinite(pairs.lookup(candidate[:, column], candidate[:, -1]))
        level = candidate[ok]
        grown.append(level)
    members_list, costs_list = [], []
    for k, level in enumerate(grown, start=1):
        if not len(level):
            continue
        d = np.zeros((len(level), k, k))
        for i in range(k):
            for j in range(i + 1, k):
                d[:, i, j] = d[:, j, i] = pairs.lookup(level[:, i], level[:, j])
        member_sums = d.sum(axis=2)
        useful = (member_sums < c2 + k - 1).all(axis=1) if k > 1 else np.ones(len(level), bool)
        level, d = level[useful], d[useful]
        cost = (d.sum(axis=(1, 2)) / 2 + c2 - comb(k, 2)) / c2
        members = np.full((len(level), n), -1, dtype=np.int64)
        members[np.arange(len(level))[:, None], pairs.owner[level]] = level
        members_list.append(members)
        costs_list.append(cost)
    return np.concatenate(members_list), np.concatenate(costs_list)
