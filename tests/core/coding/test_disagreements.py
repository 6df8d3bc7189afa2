"""The disagreement list: its three kinds, sizes, order, tolerance and stable keys."""

from __future__ import annotations

import pytest

from desk.core.coding.disagreements import find_disagreements
from desk.core.records import Annotation

_ids = iter(range(1, 10_000))


def _a(coder: str, tag: str, start: float, end: float) -> Annotation:
    return Annotation(tag, start, end, annotator=coder, id=next(_ids))


def test_the_three_kinds_largest_first() -> None:
    annotations = [
        _a("ann", "delay", 0, 40), _a("ben", "delay", 0.3, 40.2),  # agree (within 1 s)
        _a("ann", "praise", 50, 60),  # ben coded nothing: missing, 10 s
        _a("ann", "attack", 100, 120), _a("ben", "migration", 101, 119),  # same span
        _a("ann", "delay", 200, 230), _a("ben", "delay", 203, 236),  # boundaries 3 + 6 s
        _a("ben", "praise", 300, 302),  # missing, 2 s
    ]
    found = find_disagreements(annotations, ["ann", "ben"])
    assert [(d.kind, d.tags, round(d.size, 3)) for d in found] == [
        ("tag", ("attack", "migration"), 18.0),
        ("missing", ("praise",), 10.0),
        ("boundaries", ("delay",), 9.0),
        ("missing", ("praise",), 2.0),
    ]
    tag = found[0]
    assert [a.tag for a in tag.sides["ann"]] == ["attack"]
    assert [a.tag for a in tag.sides["ben"]] == ["migration"]
    assert tag.describe() == "ann: attack; ben: migration"
    assert found[1].sides["ben"] == () and found[1].describe() == "ann: praise; ben: nothing"
    assert "boundaries differ" in found[2].describe()
    assert found[2].key == "-".join(str(a.id) for a in found[2].sources)
    assert (found[2].start, found[2].end) == (200, 236)


def test_tolerance_decides_what_counts_as_the_same_boundary() -> None:
    annotations = [_a("ann", "delay", 10, 20), _a("ben", "delay", 11.5, 20)]
    assert [d.kind for d in find_disagreements(annotations, ["ann", "ben"], 1.0)] == [
        "boundaries"]
    assert find_disagreements(annotations, ["ann", "ben"], 2.0) == []


def test_a_slight_overlap_is_two_moments_not_a_boundary_dispute() -> None:
    annotations = [_a("ann", "delay", 10, 20), _a("ben", "delay", 19, 40)]
    found = find_disagreements(annotations, ["ann", "ben"])
    assert sorted((d.kind, d.size) for d in found) == [("missing", 10), ("missing", 21)]


def test_three_coders_and_only_the_chosen_ones() -> None:
    annotations = [_a("ann", "delay", 0, 10), _a("ben", "delay", 0, 10),
                   _a("cleo", "delay", 50, 60), _a("ann", "praise", 70, 80)]
    three = find_disagreements(annotations, ["ann", "ben", "cleo"])
    assert [(d.kind, sorted(n for n, s in d.sides.items() if s)) for d in three] == [
        ("missing", ["ann", "ben"]), ("missing", ["cleo"]), ("missing", ["ann"])]
    # Between ann and ben only: cleo's range is not theirs, the delay they agree on.
    [only] = find_disagreements(annotations, ["ann", "ben"])
    assert (only.kind, only.tags, set(only.sides)) == ("missing", ("praise",), {"ann", "ben"})


def test_suggestions_are_nobodys_decision() -> None:
    suggestion = Annotation("delay", 0, 30, annotator="ann", source="suggested", id=1)
    assert find_disagreements([suggestion], ["ann", "ben"]) == []


@pytest.mark.parametrize("count", [200, 1000])
def test_matching_codings_give_no_disagreements(count: int) -> None:
    coded = [_a(c, "delay", i * 10 + (0.5 if c == "ben" else 0), i * 10 + 5)
             for i in range(count) for c in ("ann", "ben")]
    assert find_disagreements(coded, ["ann", "ben"]) == []
