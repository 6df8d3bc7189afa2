"""Praat TextGrid: read by praatio and by Praat itself; every tier tiles the recording."""

from __future__ import annotations

import shutil
import subprocess
from itertools import pairwise
from pathlib import Path

import pytest
from praatio import textgrid

from desk.core.formats.registry import EXPORTERS
from desk.core.formats.textgrid import Interval, tile
from desk.core.store import Project
from tests.core.formats.annotated import HOSTILE_TAG, SEGMENTS

PRAAT_SCRIPT = """form Count tiers
    sentence path
endform
Read from file: path$
n = Get number of tiers
writeInfoLine: "tiers", tab$, n
for i to n
    name$ = Get tier name: i
    k = Get number of intervals: i
    labelled = Count intervals where: i, "is not equal to", ""
    appendInfoLine: name$, tab$, k, tab$, labelled
endfor
"""


@pytest.fixture
def grid(coded: Project, tmp_path: Path) -> Path:
    return EXPORTERS["textgrid"].export(coded, tmp_path / "out.TextGrid")


def test_praatio_reads_tiers_that_tile(grid: Path) -> None:
    tg = textgrid.openTextgrid(str(grid), includeEmptyIntervals=True)
    assert tg.tierNames == ("Donald Trump", "Elon Musk", "transcript", "words", "delay",
                            "DDoS claim", "praise exchange", "praise exchange #2",
                            "Harris attacks", "migration remarks", "unchallenged claim",
                            HOSTILE_TAG)
    for name in tg.tierNames:
        entries = tg.getTier(name).entries
        assert entries[0].start == 0 and entries[-1].end == tg.maxTimestamp
        assert all(a.end == b.start for a, b in pairwise(entries))
    labelled = {name: [e for e in tg.getTier(name).entries if e.label]
                for name in tg.tierNames}
    assert [e.label for e in labelled["Elon Musk"]] == [SEGMENTS[1][3], SEGMENTS[4][3]]
    assert len(labelled["words"]) == sum(len(s[3].split()) for s in SEGMENTS)
    assert [(e.start, e.end, e.label) for e in labelled["praise exchange"]] == [
        (3.0, 10.0, "mutual praise")]
    assert [(e.start, e.end, e.label) for e in labelled["praise exchange #2"]] == [
        (8.0, 12.0, "praise exchange")]  # no note: the tag's name marks the stretch
    assert labelled["migration remarks"] == []  # suggestions stay out


@pytest.mark.skipif(shutil.which("praat") is None, reason="Praat is not installed")
def test_praat_itself_opens_it(grid: Path, tmp_path: Path) -> None:
    script = tmp_path / "count.praat"
    script.write_text(PRAAT_SCRIPT, encoding="utf-8")
    done = subprocess.run(["praat", "--run", str(script), str(grid)], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    rows = [line.split("\t") for line in done.stdout.strip().splitlines()]
    assert rows[0] == ["tiers", "12"]
    counts = {name: (int(total), int(labelled)) for name, total, labelled in rows[1:]}
    assert counts["Donald Trump"][1] == 3 and counts["transcript"][1] == 1
    assert counts["Harris attacks"] == (3, 1)
    assert counts[HOSTILE_TAG] == (3, 1)  # quotes in names survive Praat's doubling
    assert counts["words"][1] == sum(len(s[3].split()) for s in SEGMENTS)


def test_no_words_tier_on_request(coded: Project, tmp_path: Path) -> None:
    path = EXPORTERS["textgrid"].export(coded, tmp_path / "x.TextGrid", words=False)
    assert "words" not in textgrid.openTextgrid(str(path), False).tierNames


def test_tile_fills_gaps_and_drops_empty_items() -> None:
    tiled = tile([Interval(1.0, 2.0, "a"), Interval(2.0, 2.0, "zero"), Interval(3.5, 4.0, "b")],
                 0.0, 5.0)
    assert [(i.start, i.end, i.label) for i in tiled] == [
        (0.0, 1.0, ""), (1.0, 2.0, "a"), (2.0, 3.5, ""), (3.5, 4.0, "b"), (4.0, 5.0, "")]
    assert [(i.start, i.end) for i in tile([], 0.0, 2.0)] == [(0.0, 2.0)]
