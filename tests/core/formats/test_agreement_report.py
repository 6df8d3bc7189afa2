"""The agreement report: methods table cells, HTML (escaped) and CSV (two files)."""

from __future__ import annotations

import csv
from pathlib import Path

from desk.core.coding.agreement.measure import Settings, measure
from desk.core.coding.agreement.results import Estimate
from desk.core.coding.agreement.study import build_study
from desk.core.coding.disagreements import find_disagreements
from desk.core.formats import agreement_report
from desk.core.records import Annotation


def _result_and_list() -> tuple[object, list]:  # type: ignore[type-arg]
    coded = [Annotation("<b>attack</b>", 10, 20, annotator="ann", id=1),
             Annotation("<b>attack</b>", 10.5, 21, annotator="ben", id=2),
             Annotation("=SUM(A1)", 40, 50, annotator="ann", id=3),
             Annotation("=SUM(A1)", 60, 70, annotator="ben", id=4)]
    result = measure(build_study(coded, 120.0), Settings(replicates=50))
    return result, find_disagreements(coded, ["ann", "ben"])


def test_figures_read_like_a_methods_section() -> None:
    assert agreement_report.figure(Estimate(0.81234, 0.774, 0.845), "alpha") == (
        "0.812 [0.774, 0.845]")
    assert agreement_report.figure(Estimate(0.931, 0.92, 0.942), "percent") == (
        "93.1 % [92.0, 94.2]")
    assert agreement_report.figure(Estimate(None), "gamma") == "–"
    assert agreement_report.figure(Estimate(0.5), "kappa") == "0.500"


def test_html_escapes_and_holds_both_tables(tmp_path: Path) -> None:
    result, found = _result_and_list()
    page = agreement_report.write_html(tmp_path / "r.html", result, found,  # type: ignore[arg-type]
                                       "Agreement <test>").read_text("utf-8")
    assert "<b>attack</b>" not in page and "&lt;b&gt;attack&lt;/b&gt;" in page
    assert "<title>Agreement &lt;test&gt;</title>" in page
    assert page.count("<tr>") == 1 + 3 + 1 + len(found)  # headers, 2 tags + pooled, list
    assert "α ≥ 0.800 reliable" in page


def test_csv_is_safe_for_spreadsheets(tmp_path: Path) -> None:
    result, found = _result_and_list()
    written = agreement_report.write_csv(tmp_path / "r.csv", result, found)  # type: ignore[arg-type]
    assert [p.name for p in written] == ["r.csv", "r.disagreements.csv"]
    with written[0].open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["tag"] for r in rows] == ["<b>attack</b>", "'=SUM(A1)", "(all tags)"]
    assert rows[0]["gamma_reading"] in ("reliable", "tentative", "unreliable")
    assert rows[0]["units:ann"] == "1" and rows[2]["units:ben"] == "2"
    with written[1].open(encoding="utf-8-sig") as handle:
        listed = list(csv.DictReader(handle))
    # The attack codings agree within the 1 s tolerance; the =SUM ones are two moments.
    assert [(r["kind"], r["tags"]) for r in listed] == [("missing", "'=SUM(A1)")] * 2
