"""CSV: two tables that pandas reads with the right types and Excel opens cleanly."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from desk.core.errors import InputError
from desk.core.formats.registry import EXPORTERS
from desk.core.store import Project
from tests.core.formats.annotated import ANNOTATIONS, HOSTILE_TAG, SEGMENTS


def test_both_tables_read_in_pandas_with_types(coded: Project, tmp_path: Path) -> None:
    EXPORTERS["csv"].export(coded, tmp_path / "out.csv")
    segments = pd.read_csv(tmp_path / "out.segments.csv", encoding="utf-8-sig")
    annotations = pd.read_csv(tmp_path / "out.annotations.csv", encoding="utf-8-sig")
    assert len(segments) == len(SEGMENTS) and len(annotations) == len(ANNOTATIONS)
    assert str(segments["start"].dtype) == "float64" and str(segments["end"].dtype) == "float64"
    assert str(segments["segment_id"].dtype) == "int64"
    assert segments["start"].tolist() == [s[0] for s in SEGMENTS]
    assert segments["text"].tolist()[3] == SEGMENTS[3][3]
    tag_columns = [c for c in segments.columns if c.startswith("tag:")]
    assert f"tag:{HOSTILE_TAG}" in tag_columns and len(tag_columns) == 7
    assert all(str(segments[c].dtype) == "bool" for c in tag_columns)
    # ben's praise exchange (8–12 s) covers 1.8 s of the 3.8 s Harris line: not a label
    assert segments["tag:praise exchange"].tolist() == [True, True, False, False, False, False]
    assert segments["tag:delay"].tolist() == [False] * 6  # 0–3 s ends where speech starts
    assert segments[f"tag:{HOSTILE_TAG}"].tolist() == [False, False, False, True, False, False]
    assert str(annotations["duration"].dtype) == "float64"
    row = annotations[annotations["tag"] == "Harris attacks"].iloc[0]
    assert row["note"] == '<script>alert("note")</script>' and row["annotator"] == "ben"
    assert row["transcript"] == SEGMENTS[2][3]
    assert annotations["tag"].tolist().count("praise exchange") == 2
    assert "migration remarks" not in annotations["tag"].tolist()  # a suggestion


def test_excel_friendly_bytes(coded: Project, tmp_path: Path) -> None:
    EXPORTERS["csv"].export(coded, tmp_path / "out.csv")
    raw = (tmp_path / "out.segments.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.split(b"\r\n")
    assert len(lines) == len(SEGMENTS) + 2 and lines[-1] == b""
    assert b"\n" not in raw.replace(b"\r\n", b"")
    # a cell Excel would run as a formula is defused
    assert b"'=SUM(A1) +1 -2 @me right." in raw


def test_one_table_to_the_given_path(coded: Project, tmp_path: Path) -> None:
    written = EXPORTERS["csv"].export(coded, tmp_path / "codes.csv", table="annotations")
    assert written == tmp_path / "codes.csv"
    assert sorted(p.name for p in tmp_path.glob("*.csv")) == ["codes.csv"]
    assert pd.read_csv(written, encoding="utf-8-sig").columns[0] == "annotation_id"
    with pytest.raises(InputError, match="--table must be one of"):
        EXPORTERS["csv"].export(coded, tmp_path / "x.csv", table="words")


@pytest.mark.parametrize("cell, written", [
    ("ok;=1+1", "\"ok;'=1+1\""),  # a spreadsheet splitting at ; would start a cell at =
    ("a,@x", "\"a,'@x\""), ("a, =HYPERLINK(x)", '"a, =HYPERLINK(x)"'),
    ("=1+1", "'=1+1"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "\"'\t'=1\""),
    ("-2;+3", "\"'-2;'+3\""), ('say "hi"', '"say ""hi"""'), ("plain words", "plain words"),
])
def test_formula_triggers_after_any_separator_are_quoted(cell: str, written: str) -> None:
    from desk.core.formats.csv_tables import csv_line, safe_cell

    assert csv_line(["1", safe_cell(cell)]) == f"1,{written}\r\n"


def test_a_semicolon_reader_sees_no_formula(tmp_path: Path) -> None:
    import csv

    from desk.core.formats.csv_tables import safe_cell, write_table

    path = write_table(tmp_path / "t.csv", ["id", "note"],
                       [["1", safe_cell("ok;=1+1")], ["2", safe_cell("b,-1")]])
    text = path.read_text(encoding="utf-8-sig")
    for delimiter in (",", ";"):
        cells = [c for row in csv.reader(text.splitlines(), delimiter=delimiter) for c in row]
        assert not any(c.startswith(("=", "+", "-", "@")) for c in cells), (delimiter, cells)
    assert pd.read_csv(path, encoding="utf-8-sig")["note"].tolist() == ["ok;'=1+1", "b,'-1"]
