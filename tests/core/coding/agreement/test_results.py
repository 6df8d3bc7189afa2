"""Result records: undefined figures, rounding and the JSON shape."""

from __future__ import annotations

from desk.core.coding.agreement.results import FIGURES, Estimate, TagAgreement


def test_an_undefined_figure_has_no_interval() -> None:
    assert Estimate.of(float("nan"), (0.1, 0.2)) == Estimate(None)
    assert Estimate.of(0.5, (0.4, 0.6)) == Estimate(0.5, 0.4, 0.6)
    assert Estimate(0.81234567, 0.8, 0.9).to_json() == {
        "value": 0.812346, "ci95": [0.8, 0.9], "reading": "reliable"}


def test_a_row_lists_every_figure() -> None:
    row = TagAgreement("delay", {"ann": 2}, {"ann": 12.34567},
                       {key: Estimate(0.5) for key, _ in FIGURES})
    data = row.to_json()
    assert data["tag"] == "delay" and data["coded_seconds"] == {"ann": 12.346}
    assert [k for k in data if k not in ("tag", "units", "coded_seconds")] == [
        key for key, _ in FIGURES]
