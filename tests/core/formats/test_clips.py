"""Evidence clips cut with the real ffmpeg from the real recording."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from desk.core.errors import FormatError, InputError, MediaError
from desk.core.formats.clips import can_copy, clip_name, keyframe_before, slug
from desk.core.formats.registry import EXPORTERS
from desk.core.formats.selection import Selection
from desk.core.records import Media
from desk.core.store import Project


def _duration(path: Path) -> float:
    done = subprocess.run(["ffprobe", "-v", "error", "-print_format", "json", "-show_format",
                           str(path)], capture_output=True, check=True)
    return float(json.loads(done.stdout)["format"]["duration"])


def test_names_say_tag_and_time() -> None:
    assert clip_name("Harris attacks", 723.5, ".mp4") == "harris-attacks_00-12-03.500.mp4"
    assert slug('<b>bold</b> & "tag"') == "b-bold-b-tag"
    assert slug("../../etc") == "etc" and slug("***") == "tag"


def test_one_clip_per_annotation_of_a_tag(coded: Project, tmp_path: Path) -> None:
    folder = EXPORTERS["clips"].export(coded, tmp_path / "clips",
                                       Selection(tags=frozenset({"praise exchange"})))
    clips = sorted(p.name for p in folder.iterdir() if p.suffix == ".mp4")
    assert clips == ["praise-exchange_00-00-03.000.mp4", "praise-exchange_00-00-08.000.mp4"]
    # the tone's only keyframes are at 0 and 25 s: a copy would start 3 s early, so the
    # clips were re-encoded and are exact
    assert _duration(folder / clips[0]) == pytest.approx(7.0, abs=0.15)
    assert _duration(folder / clips[1]) == pytest.approx(4.0, abs=0.15)


def test_stream_copy_when_a_keyframe_is_close(tmp_path: Path, tone_media: Path) -> None:
    dense = tmp_path / "dense.mp4"  # a keyframe every second, as in a livestream recording
    subprocess.run(["ffmpeg", "-loglevel", "error", "-i", str(tone_media), "-c:a", "copy",
                    "-c:v", "libx264", "-g", "10", "-t", "12", str(dense)], check=True)
    assert keyframe_before(dense, 4.5) == pytest.approx(4.0)
    assert can_copy(dense, 4.5, has_video=True)
    assert not can_copy(tone_media, 4.5, has_video=True)  # keyframe 4.5 s early
    assert can_copy(tone_media, 4.5, has_video=False)


def test_precise_cuts_are_exact(coded: Project, tmp_path: Path) -> None:
    folder = EXPORTERS["clips"].export(coded, tmp_path / "exact",
                                       Selection(tags=frozenset({"Harris attacks"})),
                                       precise=True)
    clip, provenance = sorted(folder.iterdir(), key=lambda p: p.suffix == ".json")
    assert clip.name == "harris-attacks_00-00-10.200.mp4"
    assert _duration(clip) == pytest.approx(3.8, abs=0.15)
    facts = json.loads(provenance.read_text(encoding="utf-8"))  # the folder says what it is
    assert facts["files"] == [clip.name] and facts["recording"] == "tone.mp4"
    assert facts["includes"]["tags"] == ["Harris attacks"]


def test_missing_recording_and_a_tag_without_annotations(coded: Project, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no annotations to cut with tag 'unchallenged claim'"):
        EXPORTERS["clips"].export(coded, tmp_path / "c",
                                  Selection(tags=frozenset({"unchallenged claim"})))
    coded.media.set(Media(str(tmp_path / "gone.mp4"), 1, "s3:x", 30.0, True))
    with pytest.raises(MediaError, match="recording not found: .*gone.mp4"):
        EXPORTERS["clips"].export(coded, tmp_path / "c")
    assert not (tmp_path / "c").exists()


def test_one_annotation_cut_on_its_own(coded: Project, tmp_path: Path) -> None:
    from desk.core.formats.clips import export_clip

    media = coded.media.get()
    assert media is not None
    annotation = coded.annotations.list(tag="praise exchange")[0]
    clip = export_clip(media, annotation, tmp_path)
    assert clip == tmp_path / "praise-exchange_00-00-03.000.mp4"
    assert _duration(clip) == pytest.approx(annotation.duration, abs=0.15)
    with pytest.raises(FormatError, match="folder does not exist"):
        export_clip(media, annotation, tmp_path / "nowhere")
