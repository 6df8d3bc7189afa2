"""The cheapest exact partition of items into given groups (HiGHS, via highspy).

γ's best alignment is such a set-partitioning problem. It is solved as the
equivalent packing problem: choose disjoint groups of two or more items that
save the most over leaving their items alone (a lone item is always a group).
That drops the lone items' columns (a third of them) and the all-alone start
is feasible, so HiGHS's dual simplex needs no presolve; both cut the solve
time in half. Its linear relaxation is solved first; every connected part of
the problem whose relaxed solution is integral is solved exactly by it (the
parts do not interact), and only the parts with fractional values are solved
again as integer programs with no optimality gap. HiGHS is the solver SciPy
also uses; highspy is its own small binding, without SciPy's 40 MB.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Iterator

import highspy
import numpy as np

INTEGRAL = 1e-7  # how far from 0 or 1 a relaxed value may be and count as integral
_first_solver = threading.Lock()
_banner_shown = False


def cheapest_partition(members: np.ndarray, costs: np.ndarray, total: int) -> np.ndarray:
    """Indices of the groups that cover every item 0…total-1 once at least cost.

    `members` is (groups, width) with -1 padding; the single-item groups must
    be among them (so a partition always exists).
    """
    present = members >= 0
    sizes = present.sum(axis=1)
    lone = np.flatnonzero(sizes == 1)
    alone = np.full(total, -1, dtype=np.int64)  # item → its single-item group
    alone[members[lone].max(axis=1)] = lone
    savings = sizes - costs
    joint = np.flatnonzero((sizes > 1) & (savings > 0))  # the others never help
    chosen = joint[_cheapest_packing(members[joint], savings[joint], total)]
    covered = np.zeros(total, dtype=bool)
    covered[members[chosen][present[chosen]]] = True
    return np.sort(np.concatenate([chosen, alone[~covered]]))


def _cheapest_packing(members: np.ndarray, savings: np.ndarray, total: int) -> np.ndarray:
    """Indices of disjoint groups of most total savings."""
    if len(savings) == 0:
        return np.zeros(0, dtype=np.int64)
    x = _solve(members, savings, total, integer=False)
    fractional = (x > INTEGRAL) & (x < 1 - INTEGRAL)
    if not fractional.any():
        return np.asarray(np.flatnonzero(x > 0.5))
    anchor = _anchors(members)
    labels = _parts(members, anchor, total)
    group_part = labels[anchor]
    redo = np.isin(group_part, np.unique(group_part[fractional]))
    items = np.flatnonzero(np.isin(labels, np.unique(group_part[fractional])))
    renumber = np.full(total, -1, dtype=np.int64)
    renumber[items] = np.arange(len(items))
    sub = members[redo]
    sub = np.where(sub >= 0, renumber[np.where(sub >= 0, sub, 0)], -1)
    exact = _solve(sub, savings[redo], len(items), integer=True)
    kept = np.flatnonzero(~redo & (x > 0.5))
    return np.sort(np.concatenate([kept, np.flatnonzero(redo)[exact > 0.5]]))


def _anchors(members: np.ndarray) -> np.ndarray:
    """Each group's smallest item."""
    padded = np.where(members >= 0, members, members.max(axis=1, keepdims=True))
    return np.asarray(padded.min(axis=1))


def _parts(members: np.ndarray, anchor: np.ndarray, total: int) -> np.ndarray:
    """Per item, the smallest item it is connected to through shared groups."""
    labels = np.arange(total)
    row, column = np.nonzero(members >= 0)
    item, owner = members[row, column], anchor[row]
    while True:
        low = np.minimum(labels[item], labels[owner])
        new = labels.copy()
        np.minimum.at(new, item, low)
        np.minimum.at(new, owner, low)
        new = new[new]
        if np.array_equal(new, labels):
            return labels
        labels = new


def _solve(members: np.ndarray, savings: np.ndarray, total: int, integer: bool) -> np.ndarray:
    """x of: maximise Σ savings·x, each item in at most one group, 0 ≤ x ≤ 1 (or integer)."""
    present = members >= 0
    sizes = present.sum(axis=1)
    count = len(savings)
    solver = _new_solver()
    if not integer:
        solver.setOptionValue("presolve", "off")  # x = 0 is feasible: nothing to simplify
    solver.passModel(
        count, total, int(sizes.sum()), int(highspy.MatrixFormat.kColwise),
        int(highspy.ObjSense.kMaximize), 0.0, np.asarray(savings, dtype=np.float64),
        np.zeros(count), np.ones(count), np.full(total, -highspy.kHighsInf), np.ones(total),
        np.concatenate([[0], np.cumsum(sizes)]).astype(np.int32),
        members[present].astype(np.int32), np.ones(int(sizes.sum())),
        np.full(count, int(highspy.HighsVarType.kInteger) if integer else 0, dtype=np.int32))
    solver.run()
    status = solver.getModelStatus()
    if status != highspy.HighsModelStatus.kOptimal:  # choosing nothing always fits
        raise RuntimeError(f"set partition: HiGHS says {solver.modelStatusToString(status)}")
    return np.array(solver.getSolution().col_value)


def _new_solver() -> highspy.Highs:
    global _banner_shown
    with _first_solver:
        if _banner_shown:
            solver = highspy.Highs()  # type: ignore[no-untyped-call]
        else:
            # The first Highs() prints HiGHS's banner on stdout from C++, which
            # would corrupt `desk agreement --json`: send it to /dev/null once.
            with _stdout_silenced():
                solver = highspy.Highs()  # type: ignore[no-untyped-call]
            _banner_shown = True
    solver.setOptionValue("output_flag", False)
    solver.setOptionValue("threads", 1)
    solver.setOptionValue("mip_rel_gap", 0.0)
    solver.setOptionValue("mip_abs_gap", 0.0)
    return solver


@contextlib.contextmanager
def _stdout_silenced() -> Iterator[None]:
    if sys.stdout is not None:
        sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # no stdout at all (a Windows GUI process): nothing to protect
        yield
        return
    fd = 1
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), fd)
        yield
    finally:
        os.dup2(saved, fd)
        os.close(saved)
