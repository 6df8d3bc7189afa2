"""Listening copies: the annotation's audio alone, as long as the annotation, equally loud."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest
from pydub import AudioSegment

from desk.core.coding.codebook import DEFAULT_PRESET, load_codebook
from desk.core.formats.audio_clips import (
    PEAK_CEILING_DBFS,
    TARGET_DBFS,
    annotation_audio,
    loudness_gain,
)
from desk.core.formats.registry import EXPORTERS
from desk.core.pipeline.media import probe
from desk.core.store import Project
from tests.conftest import make_media


def test_the_gain_reaches_the_target_without_clipping() -> None:
    assert loudness_gain(-30.0, -12.0) == pytest.approx(TARGET_DBFS + 30.0)
    assert loudness_gain(-30.0, -3.0) == pytest.approx(PEAK_CEILING_DBFS + 3.0)  # peak caps it
    assert loudness_gain(-8.0, -0.5) == pytest.approx(TARGET_DBFS + 8.0)  # loud: turned down
    assert loudness_gain(-math.inf, -math.inf) == 0.0  # silence stays silence


def test_quiet_and_loud_annotations_come_out_equally_loud(tmp_path: Path) -> None:
    # 4 s at amplitude 0.05, then 4 s at 0.6: two very different levels in one recording.
    recording = make_media(tmp_path / "levels.m4a", seconds=8, video=False,
                           audio="aevalsrc='if(lt(t,4),0.05,0.6)*sin(440*2*PI*t)'")
    with Project.create(tmp_path / "levels.desk", media=probe(recording)) as project:
        project.tags.apply_codebook(load_codebook(DEFAULT_PRESET))
        project.annotations.add("delay", 0.5, 3.5)
        project.annotations.add("delay", 4.5, 7.0)
        assert abs(annotation_audio(recording, 0.5, 3.5).dBFS
                   - annotation_audio(recording, 4.5, 7.0).dBFS) > 15  # before
        folder = EXPORTERS["clips"].export(project, tmp_path / "listen", normalise=True)
    clips = sorted(folder.glob("*.m4a"))
    assert len(clips) == 2 and (folder / "provenance.json").is_file()
    audio = [AudioSegment.from_file(str(c)) for c in clips]
    assert [round(a.duration_seconds, 1) for a in audio] == [3.0, 2.5]
    for clip in audio:
        assert clip.dBFS == pytest.approx(TARGET_DBFS, abs=1.0)
        assert clip.max_dBFS <= PEAK_CEILING_DBFS + 0.5
    assert not probe(clips[0]).has_video


def test_clips_of_a_video_recording_are_audio_only(tmp_project: Project, tmp_path: Path) -> None:
    tmp_project.annotations.add("Harris attacks", 2.0, 4.0)
    folder = EXPORTERS["clips"].export(tmp_project, tmp_path / "out", normalise=True)
    [clip] = folder.glob("*.m4a")
    assert clip.name == "harris-attacks_00-00-02.000.m4a"
    described = probe(clip)
    assert not described.has_video and described.duration == pytest.approx(2.0, abs=0.1)
    assert not any(p.name.startswith(".") for p in folder.iterdir())  # no part left behind
    shutil.rmtree(folder)
