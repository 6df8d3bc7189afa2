"""The study: each annotator's ranges per tag, in milliseconds; who and what is compared."""

from __future__ import annotations

import numpy as np
import pytest

from desk.core.coding.agreement.study import annotators_of, build_study, merge_ranges
from desk.core.errors import InputError
from desk.core.records import Annotation
from tests.core.coding.agreement.test_measure import DURATION, _coded, _events


def test_ranges_are_whole_milliseconds_and_merge_for_coverage() -> None:
    coded = [Annotation("delay", 1.0004, 2.5, annotator="ann"),
             Annotation("delay", 2.0, 3.0, annotator="ann"),
             Annotation("delay", 5.0, 6.0, annotator="ben")]
    study = build_study(coded, 10.0)
    assert study.units("delay", "ann").tolist() == [[1000, 2500], [2000, 3000]]
    assert study.merged("delay", "ann").tolist() == [[1000, 3000]]
    assert study.coded_ms("delay", "ann") == 2000 and study.unit_count("delay", "ann") == 2
    assert merge_ranges(np.array([[5, 6], [1, 2], [2, 3]])).tolist() == [[1, 3], [5, 6]]


def test_the_consensus_is_compared_only_when_named() -> None:
    coded = [Annotation("delay", 0, 1, annotator=n) for n in ("ann", "ben", "consensus")]
    assert annotators_of(coded) == ["ann", "ben"]
    assert build_study(coded, 10.0).annotators == ("ann", "ben")
    assert build_study(coded, 10.0, ["ann", "consensus"]).annotators == ("ann", "consensus")


def test_study_choices_are_checked() -> None:
    annotations = _coded(_events(7, 5), "ann") + _coded(_events(8, 5), "ben")
    with pytest.raises(InputError, match="at least two annotators"):
        build_study(annotations, DURATION, annotators=["ann"])
    with pytest.raises(InputError, match="no annotations by zoe"):
        build_study(annotations, DURATION, annotators=["ann", "zoe"])
    with pytest.raises(InputError, match="no annotations with tag nope"):
        build_study(annotations, DURATION, tags=["nope"])
    suggested = [Annotation("attack", 1, 2, annotator="cleo", source="suggested")]
    study = build_study(annotations + suggested, DURATION, tags=["ATTACK"])
    assert study.annotators == ("ann", "ben") and study.tags == ("attack",)
