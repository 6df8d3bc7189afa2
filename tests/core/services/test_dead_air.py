"""Dead air: stored once, scanned from the recording only when the project has none."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.core.errors import InputError, MediaError
from desk.core.records import Silence
from desk.core.services.dead_air import (
    ensure_dead_air,
    recording_to_scan,
    scan_dead_air,
    store_dead_air,
)
from desk.core.store import Project
from tests.conftest import make_media


def test_a_recording_with_a_pause_is_scanned_once(tmp_path: Path) -> None:
    from desk.core.pipeline.media import probe

    # 4 s tone, 8 s silence, 4 s tone.
    media = make_media(tmp_path / "pause.m4a", seconds=16, video=False,
                       audio="aevalsrc='if(between(t,4,12),0,0.3*sin(440*2*PI*t))'")
    with Project.create(tmp_path / "p.desk", media=probe(media)) as project:
        assert recording_to_scan(project) == media.resolve()
        found = ensure_dead_air(project)
        assert len(found) == 1
        assert found[0].start == pytest.approx(4.0, abs=0.3)
        assert found[0].end == pytest.approx(12.0, abs=0.3)
        assert recording_to_scan(project) is None  # stored: not scanned again
        assert ensure_dead_air(project) == found


def test_the_three_steps_a_window_runs_apart(tmp_project: Project) -> None:
    recording = recording_to_scan(tmp_project)
    assert recording is not None
    assert scan_dead_air(recording) == []  # a steady tone has no dead air
    assert store_dead_air(tmp_project, []) == []  # nothing stored: scanned again next time
    assert recording_to_scan(tmp_project) == recording
    stored = store_dead_air(tmp_project, [Silence(1.0, 9.0)])
    assert [(s.start, s.end) for s in stored] == [(1.0, 9.0)]
    assert recording_to_scan(tmp_project) is None


def test_no_recording_or_a_missing_file_is_a_clear_error(tmp_path: Path,
                                                         tmp_project: Project) -> None:
    with Project.create(tmp_path / "bare.desk") as bare, \
            pytest.raises(InputError, match="no recording"):
        recording_to_scan(bare)
    media = tmp_project.media.get()
    assert media is not None
    media.path = str(tmp_path / "gone.mp4")
    tmp_project.media.set(media)
    with pytest.raises(MediaError, match="recording not found"):
        ensure_dead_air(tmp_project)
