"""A speaker named once is named in every export, and an export can hold one speaker's words."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pympi
import pytest
import srt
import webvtt
from praatio import textgrid

from desk.core.formats.registry import EXPORTERS
from desk.core.formats.selection import Selection
from desk.core.store import Project


@pytest.fixture
def renamed(coded: Project) -> Project:
    """The coded project after the analyst renamed "Elon Musk" to "Musk" and recoloured him."""
    coded.speaker_edits.rename("Elon Musk", "Musk")
    coded.speaker_edits.set_colour("Musk", "#AA0000")
    return coded


def test_a_rename_reaches_every_format(renamed: Project, tmp_path: Path) -> None:
    out = {f: EXPORTERS[f].export(renamed, tmp_path / f"out.{f}")
           for f in ("srt", "vtt", "json", "eaf", "textgrid", "html", "md", "docx")}
    cues = list(srt.parse(out["srt"].read_text(encoding="utf-8")))
    assert cues[1].content.startswith("Musk: You have done")
    assert webvtt.read(str(out["vtt"]))[1].voice == "Musk"
    assert "<v Musk>" in out["vtt"].read_text(encoding="utf-8")
    assert "Musk" in pympi.Elan.Eaf(str(out["eaf"])).get_tier_names()
    grid = textgrid.openTextgrid(str(out["textgrid"]), includeEmptyIntervals=True)
    assert "Musk" in grid.tierNames
    page = out["html"].read_text(encoding="utf-8")
    assert '<span class="speaker" style="color:#AA0000">Musk:</span>' in page
    assert "<h2>Summary by speaker</h2>" in page
    assert "## Summary by speaker" in out["md"].read_text(encoding="utf-8")
    document = docx.Document(str(out["docx"]))
    assert any(t.rows[0].cells[0].text == "Speaker" for t in document.tables)
    assert any(p.text.startswith("[00:00:06.500] Musk:") for p in document.paragraphs)
    data = json.loads(out["json"].read_text(encoding="utf-8"))
    musk = next(s for s in data["speakers"] if s["name"] == "Musk")
    assert (musk["colour"], musk["number"], musk["origin"]) == ("#AA0000", 2, "manual")
    assert data["transcript"]["segments"][1]["speaker_source"] == ""  # stored, not diarized
    assert data["transcript"]["segments"][1]["overlap"] is False


def test_the_speaker_summary_counts_turns(renamed: Project, tmp_path: Path) -> None:
    table = EXPORTERS["md"].export(renamed, tmp_path / "o.md").read_text(encoding="utf-8")
    # Trump speaks 3.0–6.5, 14.0–18.5, 24.0–28.0: 12 s in three turns, the longest 4.5 s;
    # at 24.0 he follows Musk's line with no pause, and it ended mid-sentence ("…</script>")
    assert "| Donald Trump | 3 | 00:00:12 | 40.0% | 3 | 00:00:04 | 1 |" in table
    assert "| Musk | 2 | 00:00:08 | 28.3% | 2 | 00:00:05 | 0 |" in table


def test_only_one_speakers_words(renamed: Project, tmp_path: Path) -> None:
    chosen = Selection(only_speakers=frozenset({"musk"}))
    path = EXPORTERS["json"].export(renamed, tmp_path / "musk.json", chosen)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert {s["speaker"] for s in data["transcript"]["segments"]} == {"Musk"}
    assert [s["name"] for s in data["speakers"]] == ["Musk"]
    assert data["provenance"]["includes"]["only_speakers"] == ["musk"]
    cues = list(srt.parse(EXPORTERS["srt"].export(renamed, tmp_path / "m.srt", chosen)
                          .read_text(encoding="utf-8")))
    assert len(cues) == 2 and all(c.content.startswith("Musk:") for c in cues)
