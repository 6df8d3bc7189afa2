"""Tiers: overlapping ranges spread over as few tiers as possible, names that say which."""

from __future__ import annotations

import itertools

from desk.core.formats.tiers import assign_tiers, tier_name


def test_overlaps_go_to_new_tiers_and_free_tiers_are_reused() -> None:
    ranges = [(0.0, 5.0), (1.0, 2.0), (2.0, 3.0), (5.0, 6.0), (1.5, 7.0)]
    tiers = assign_tiers(ranges, lambda r: r[0], lambda r: r[1])
    assert tiers == [[(0.0, 5.0), (5.0, 6.0)], [(1.0, 2.0), (2.0, 3.0)], [(1.5, 7.0)]]
    for tier in tiers:
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(tier))
    assert assign_tiers([], lambda r: r[0], lambda r: r[1]) == []


def test_tier_names() -> None:
    assert [tier_name("delay", i) for i in range(3)] == ["delay", "delay #2", "delay #3"]
