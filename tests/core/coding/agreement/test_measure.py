"""A whole agreement run: every figure per tag and pooled, reproducible by its seed."""

from __future__ import annotations

import math
import random

import pytest

from desk.core.coding.agreement.measure import ALL_TAGS, Settings, measure
from desk.core.coding.agreement.results import FIGURES
from desk.core.coding.agreement.study import build_study
from desk.core.records import Annotation

DURATION = 1800.0
TAGS = ("attack", "praise", "delay")


def _events(seed: int, count: int = 120) -> list[tuple[str, float, float]]:
    rng = random.Random(seed)
    events = []
    for _ in range(count):
        start = rng.uniform(0, DURATION - 40)
        events.append((rng.choice(TAGS), start, start + rng.uniform(2, 30)))
    return events


def _coded(events: list[tuple[str, float, float]], coder: str, jitter: float = 0.0,
           seed: int = 0) -> list[Annotation]:
    rng = random.Random(seed)
    found = []
    for tag, start, end in events:
        s = max(0.0, start + rng.gauss(0, jitter)) if jitter else start
        e = max(s + 0.5, end + rng.gauss(0, jitter)) if jitter else end
        found.append(Annotation(tag, round(s, 3), round(min(e, DURATION), 3), annotator=coder))
    return found


def test_identical_codings_agree_perfectly_on_every_figure() -> None:
    events = _events(1)
    study = build_study(_coded(events, "ann") + _coded(events, "ben"), DURATION)
    result = measure(study, Settings(replicates=200))
    assert result.kappa_name == "Cohen's κ"
    for row in result.rows:
        for key, _label in FIGURES:
            if key in ("kappa_coded", "alpha_coded"):
                # Leaving out the slices nobody coded leaves one value: nothing to correct.
                assert row.figures[key].value is None, (row.tag, key)
            else:
                assert row.figures[key].value == pytest.approx(1.0), (row.tag, key)
    assert result.overall.tag == ALL_TAGS
    assert result.overall.units == {"ann": 120, "ben": 120}


def test_independent_codings_are_near_chance_and_jitter_lands_between() -> None:
    study = build_study(_coded(_events(2), "ann") + _coded(_events(3), "ben")
                        + _coded(_events(4), "cleo"), DURATION)
    result = measure(study, Settings(replicates=200))
    assert result.kappa_name == "Fleiss' κ"
    for key in ("kappa", "alpha", "alpha_u", "gamma"):
        assert abs(result.overall.figures[key].value) < 0.1, key  # type: ignore[arg-type]
    events = _events(5)
    close = build_study(_coded(events, "ann", 1.0, 1) + _coded(events, "ben", 1.0, 2),
                        DURATION)
    figures = measure(close, Settings(replicates=200)).overall.figures
    for key in ("kappa", "alpha", "alpha_u", "gamma"):
        estimate = figures[key]
        assert 0.6 < estimate.value < 1.0, key  # type: ignore[operator]
        assert estimate.low is not None and estimate.high is not None
        assert estimate.low <= estimate.value <= estimate.high


def test_the_seed_reproduces_every_figure() -> None:
    events = _events(6)
    study = build_study(_coded(events, "ann", 2.0, 1) + _coded(events, "ben", 2.0, 2),
                        DURATION)
    first = measure(study, Settings(seed=3, replicates=100)).to_json()
    again = measure(study, Settings(seed=3, replicates=100)).to_json()
    other = measure(study, Settings(seed=4, replicates=100)).to_json()
    assert first == again
    assert first["overall"]["gamma"]["ci95"] != other["overall"]["gamma"]["ci95"]


def test_a_tag_only_one_coder_used_disagrees_on_its_coded_slices() -> None:
    events = [("attack", 10.0, 20.0)]
    study = build_study([*_coded(events, "ann"), Annotation("praise", 50, 60, annotator="ben")],
                        100.0)
    result = measure(study, Settings(replicates=50))
    attack = next(r for r in result.tags if r.tag == "attack")
    assert attack.units == {"ann": 1, "ben": 0}
    assert attack.figures["kappa"].value is not None
    # Only "ann alone" slices are coded: they disagree on every one of them, so
    # α = 1 - (n - 1) o_01 / (n_0 n_1) with 100 slices: 1 - 199 · 100 / 100² = -0.99.
    assert attack.figures["percent_coded"].value == 0.0
    assert attack.figures["alpha_coded"].value == pytest.approx(-0.99)
    assert attack.figures["alpha_coded"].reading == "unreliable"
    praise = next(r for r in result.tags if r.tag == "praise")
    assert praise.figures["kappa_coded"].value is not None
    assert math.isclose(attack.coded_seconds["ann"], 10.0)
