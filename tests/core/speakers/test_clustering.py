"""Spectral clustering of voice prints: the count found, or given; small clusters folded."""

from __future__ import annotations

import numpy as np
import pytest

from desk.core.speakers.clustering import cluster, eigengap_count, fold_small, merge_alike


def voices(counts: list[int], spread: float = 0.35, seed: int = 3) -> np.ndarray:
    """Unit vectors around one random direction per voice, as CAM++ gives."""
    rng = np.random.default_rng(seed)
    points = []
    for count in counts:
        centre = rng.normal(size=192)
        centre /= np.linalg.norm(centre)
        for _ in range(count):
            v = centre + spread * rng.normal(size=192) / np.sqrt(192) * 3
            points.append(v / np.linalg.norm(v))
    return np.array(points)


@pytest.mark.parametrize("counts", [[40], [30, 25], [20, 20, 15], [25, 10, 10, 10]])
def test_the_number_of_voices_is_found(counts: list[int]) -> None:
    found = cluster(voices(counts))
    assert len(found.centres) == len(counts) and not found.count_given
    expected = np.repeat(np.arange(len(counts)), counts)
    assert np.array_equal(found.labels, expected)  # numbered by first appearance


def test_a_given_count_is_used() -> None:
    found = cluster(voices([30, 30]), speakers=3)
    assert len(found.centres) == 3 and found.count_given
    assert len(cluster(voices([30, 30]), speakers=1).centres) == 1
    with pytest.raises(ValueError):
        cluster(voices([5]), speakers=0)


def test_tiny_inputs() -> None:
    assert len(cluster(np.zeros((0, 192))).labels) == 0
    assert list(cluster(voices([1])).labels) == [0]


def test_many_windows_are_clustered_on_a_sample() -> None:
    found = cluster(voices([1200, 900]))
    assert len(found.centres) == 2
    assert np.array_equal(found.labels, np.repeat([0, 1], [1200, 900]))


def test_eigengap_and_the_clean_up_steps() -> None:
    assert eigengap_count(np.array([0.0, 0.01, 0.02, 0.6, 0.7]), 4) == 3
    points = voices([20, 20, 1])
    labels = np.repeat([0, 1, 2], [20, 20, 1])
    assert set(fold_small(points, labels, 2)) == {0, 1}
    same = voices([20], seed=5)
    assert set(merge_alike(same, np.repeat([0, 1], 10), 0.5)) == {0}
