"""κ and α on time slices against scikit-learn, statsmodels and the krippendorff package."""

from __future__ import annotations

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

from desk.core.coding.agreement import slice_coefficients as sc


def _histogram(coded: np.ndarray) -> np.ndarray:
    """Pattern counts of a (coders, slices) boolean matrix."""
    m = coded.shape[0]
    patterns = (coded.astype(np.int64) << np.arange(m)[:, None]).sum(axis=0)
    return np.bincount(patterns, minlength=1 << m).astype(np.float64)


def _codings(m: int, slices: int, seed: int) -> np.ndarray:
    """Correlated codings: a shared truth each coder follows most of the time."""
    rng = np.random.default_rng(seed)
    truth = rng.random(slices) < 0.3
    flips = rng.random((m, slices)) < 0.15
    return truth[None, :] ^ flips


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_cohen_kappa_matches_scikit_learn(seed: int) -> None:
    coded = _codings(2, 5000, seed)
    expected = cohen_kappa_score(coded[0], coded[1])
    assert sc.cohen_kappa(_histogram(coded)) == pytest.approx(expected, abs=1e-9)
    # Without the slices nobody coded: the same as scikit-learn on the rest.
    kept = coded[:, coded.any(axis=0)]
    assert sc.cohen_kappa(sc.without_neither(_histogram(coded))) == pytest.approx(
        cohen_kappa_score(kept[0], kept[1]), abs=1e-9)


@pytest.mark.parametrize("m", [2, 3, 4, 5])
def test_alpha_matches_the_krippendorff_package(m: int) -> None:
    coded = _codings(m, 4000, m)
    expected = krippendorff.alpha(reliability_data=coded.astype(float),
                                  level_of_measurement="nominal")
    assert sc.krippendorff_alpha(_histogram(coded), m) == pytest.approx(expected, abs=1e-9)
    kept = coded[:, coded.any(axis=0)]
    expected_kept = krippendorff.alpha(reliability_data=kept.astype(float),
                                       level_of_measurement="nominal")
    assert sc.krippendorff_alpha(sc.without_neither(_histogram(coded)), m) == pytest.approx(
        expected_kept, abs=1e-9)


@pytest.mark.parametrize("m", [3, 4])
def test_fleiss_kappa_matches_statsmodels(m: int) -> None:
    coded = _codings(m, 3000, 10 + m)
    table, _ = aggregate_raters(coded.T.astype(int))
    assert sc.fleiss_kappa(_histogram(coded), m) == pytest.approx(fleiss_kappa(table),
                                                                  abs=1e-9)
    assert sc.kappa_name(m) == "Fleiss' κ" and sc.kappa_name(2) == "Cohen's κ"


def test_percent_agreement_is_the_share_of_agreeing_pairs() -> None:
    coded = _codings(2, 2000, 7)
    assert sc.percent_agreement(_histogram(coded), 2) == pytest.approx(
        float((coded[0] == coded[1]).mean()), abs=1e-12)
    three = np.array([[1, 1, 0, 0], [1, 0, 0, 1], [1, 1, 1, 0]], dtype=bool)
    # Slice by slice: 3 of 3 pairs agree, 1 of 3, 1 of 3, 1 of 3.
    assert sc.percent_agreement(_histogram(three), 3) == pytest.approx((1 + 3 * (1 / 3)) / 4)


def test_perfect_agreement_is_one_and_no_variation_is_undefined() -> None:
    truth = _codings(1, 1000, 4)[0]
    same = np.vstack([truth, truth, truth])
    for m, coded in ((2, same[:2]), (3, same)):
        hist = _histogram(coded)
        assert sc.kappa(hist, m) == pytest.approx(1.0)
        assert sc.krippendorff_alpha(hist, m) == pytest.approx(1.0)
    nobody = _histogram(np.zeros((2, 100), dtype=bool))
    assert np.isnan(sc.cohen_kappa(nobody))
    assert np.isnan(sc.krippendorff_alpha(nobody, 2))


def test_independent_random_codings_are_near_chance() -> None:
    rng = np.random.default_rng(11)
    coded = rng.random((3, 200_000)) < 0.25
    hist = _histogram(coded)
    assert abs(sc.fleiss_kappa(hist, 3)) < 0.01
    assert abs(sc.krippendorff_alpha(hist, 3)) < 0.01
    assert abs(sc.cohen_kappa(_histogram(coded[:2]))) < 0.01


def test_replicates_are_computed_row_by_row() -> None:
    coded = _codings(2, 500, 9)
    hist = _histogram(coded)
    stacked = np.vstack([hist, hist * 2, sc.without_neither(hist)])
    values = sc.krippendorff_alpha(stacked, 2)
    assert values[0] == pytest.approx(sc.krippendorff_alpha(hist, 2))
    assert values[2] == pytest.approx(sc.krippendorff_alpha(sc.without_neither(hist), 2))
