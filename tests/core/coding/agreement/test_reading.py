"""The reading aid beside every figure."""

from __future__ import annotations

from desk.core.coding.agreement.reading import reading, threshold_note


def test_thresholds() -> None:
    assert [reading(v) for v in (0.95, 0.8, 0.7999, 0.667, 0.5, -0.2)] == [
        "reliable", "reliable", "tentative", "tentative", "unreliable", "unreliable"]
    assert reading(None) == reading(float("nan")) == "not defined"
    assert threshold_note() == "α ≥ 0.800 reliable, ≥ 0.667 tentative (Krippendorff)"
