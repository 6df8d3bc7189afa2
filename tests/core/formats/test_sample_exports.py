"""transcripts/: the sample's committed exports are readable, and the documented command
that regenerates them works."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import docx
import pandas as pd
import pympi
import pytest
import srt
import webvtt
from jsonschema import validate
from praatio import textgrid

from desk.core.resources import resource_path

REPO = Path(__file__).resolve().parents[3]
TRANSCRIPTS = REPO / "transcripts"
FILES = ("sample.srt", "sample.srt.provenance.json", "sample.vtt", "sample.segments.csv",
         "sample.annotations.csv", "sample.csv.provenance.json", "sample.json", "sample.eaf",
         "sample.TextGrid", "sample.html", "sample.md", "sample.docx")


def _check_exports(folder: Path) -> dict:
    """Open every export with its independent reader; returns the JSON export."""
    for name in FILES:
        assert (folder / name).stat().st_size < 100_000, f"{name} should stay small"
    data = json.loads((folder / "sample.json").read_text(encoding="utf-8"))
    schema = json.loads(resource_path("schema", "desk-project.schema.json").read_text("utf-8"))
    validate(data, schema)
    segments = data["transcript"]["segments"]
    assert len(list(srt.parse((folder / "sample.srt").read_text(encoding="utf-8")))) == len(
        segments)
    assert len(webvtt.read(str(folder / "sample.vtt"))) == len(segments)
    assert len(pd.read_csv(folder / "sample.segments.csv", encoding="utf-8-sig")) == len(
        segments)
    table = pd.read_csv(folder / "sample.annotations.csv", encoding="utf-8-sig")
    assert table["tag"].tolist() == ["delay", "DDoS claim", "praise exchange",
                                     "Harris attacks"]
    eaf = pympi.Elan.Eaf(str(folder / "sample.eaf"))
    assert {"HOST", "GUEST", "delay", "Harris attacks"} <= set(eaf.get_tier_names())
    grid = textgrid.openTextgrid(str(folder / "sample.TextGrid"), includeEmptyIntervals=True)
    assert grid.tierNames[:3] == ("HOST", "GUEST", "words")
    assert "Harris attacks" in (folder / "sample.html").read_text(encoding="utf-8")
    assert "Harris attacks" in (folder / "sample.md").read_text(encoding="utf-8")
    assert docx.Document(str(folder / "sample.docx")).tables
    clip, provenance = sorted((folder / "sample-clips").iterdir())
    assert clip.name == "harris-attacks_00-00-40.145.mp4" and provenance.name == "provenance.json"
    return data


def test_committed_exports_open_in_their_readers() -> None:
    data = _check_exports(TRANSCRIPTS)
    assert data["media"]["path"] == "resources/sample/sample.mp4"
    assert {s["name"] for s in data["speakers"]} == {"HOST", "GUEST"}
    assert "Kamala Harris" in " ".join(s["text"] for s in data["transcript"]["segments"])


@pytest.mark.slow
def test_regenerate_from_truth(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(TRANSCRIPTS / "regenerate.py"), "--from-truth",
                           "--out", str(tmp_path)], capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("wrote ") == len(FILES) + 2  # and a clip and its provenance
    data = _check_exports(tmp_path)
    truth = json.loads((TRANSCRIPTS / "sample.truth.json").read_text(encoding="utf-8"))
    segments = data["transcript"]["segments"]
    assert [s["text"] for s in segments] == [u["text"] for u in truth["utterances"]]
    assert [s["speaker"] for s in segments] == [u["speaker"] for u in truth["utterances"]]
    assert [(a["tag"], a["start"]) for a in data["annotations"]] == [
        ("delay", 0.0), ("DDoS claim", 18.0), ("praise exchange", 28.966),
        ("Harris attacks", 40.145)]
