"""Knowing a recording: probed with ffmpeg alone (ffprobe only as the referee), fingerprinted.

Desk never runs ffprobe (the Windows build's ffmpeg has none); these tests use
Debian's ffprobe only to check independently what `probe` reports, and one of
them runs `probe` with a PATH that holds ffmpeg and nothing else.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from desk.core.errors import MediaError
from desk.core.pipeline import media as media_module
from desk.core.pipeline.media import fingerprint, parse_input_info, probe
from tests.conftest import make_media


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", *args], check=True)


def ffprobe_duration(path: Path) -> float:
    done = subprocess.run(["ffprobe", "-v", "error", "-print_format", "json", "-show_format",
                           str(path)], capture_output=True, text=True, check=True)
    return float(json.loads(done.stdout)["format"]["duration"])


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("probe")
    made = {name: root / name for name in
            ("talk.m4a", "clip.mp4", "mute.mp4", "cover.mp3", "long.mkv")}
    ffmpeg("-f", "lavfi", "-i", "sine=f=300:d=7.25", "-c:a", "aac", str(made["talk.m4a"]))
    ffmpeg("-f", "lavfi", "-i", "sine=f=440:d=8", "-f", "lavfi",
           "-i", "color=c=blue:s=64x36:r=5:d=8", "-c:a", "aac", "-c:v", "libx264",
           "-shortest", str(made["clip.mp4"]))
    ffmpeg("-f", "lavfi", "-i", "color=c=red:s=64x36:r=5:d=2", "-c:v", "libx264",
           str(made["mute.mp4"]))
    # An audio file with cover art: a picture stream that is not a video track.
    cover = root / "cover.png"
    ffmpeg("-f", "lavfi", "-i", "color=c=green:s=32x32:d=1", "-frames:v", "1", str(cover))
    ffmpeg("-f", "lavfi", "-i", "sine=f=500:d=3", "-i", str(cover), "-map", "0:a", "-map",
           "1:v", "-c:a", "libmp3lame", "-c:v", "png", "-disposition:v", "attached_pic",
           str(made["cover.mp3"]))
    # Over an hour: the hours field of the duration counts.
    ffmpeg("-f", "lavfi", "-i", "anullsrc=r=8000:cl=mono:d=3723.5", "-c:a", "libopus",
           "-b:a", "6k", str(made["long.mkv"]))
    return made


def test_probe_describes_video_and_audio_only_recordings(tmp_path: Path,
                                                         tone_media: Path) -> None:
    video = probe(tone_media)
    assert video.has_video and video.has_audio
    assert video.duration == pytest.approx(30.0, abs=0.1)
    assert video.size == tone_media.stat().st_size and Path(video.path).is_absolute()
    audio = probe(make_media(tmp_path / "talk.m4a", seconds=4, video=False))
    assert not audio.has_video and audio.duration == pytest.approx(4.0, abs=0.1)


def test_the_fingerprint_follows_the_content_not_the_name(tmp_path: Path,
                                                          tone_media: Path) -> None:
    moved = tmp_path / "renamed copy.mp4"
    shutil.copy(tone_media, moved)
    assert fingerprint(moved) == fingerprint(tone_media) == probe(moved).fingerprint
    with moved.open("r+b") as handle:  # same size, one byte changed in the middle
        handle.seek(moved.stat().st_size // 2)
        handle.write(b"\xff")
    assert fingerprint(moved) != fingerprint(tone_media)


@pytest.mark.parametrize(("name", "video"), [("talk.m4a", False), ("clip.mp4", True),
                                              ("long.mkv", False)])
def test_streams_and_duration_agree_with_ffprobe(files: dict[str, Path], name: str,
                                                 video: bool) -> None:
    found = probe(files[name])
    assert found.has_audio and found.has_video is video
    assert found.duration == pytest.approx(ffprobe_duration(files[name]), abs=0.006)
    assert found.size == files[name].stat().st_size and found.fingerprint.startswith("s3:")


def test_cover_art_is_not_a_video_track(files: dict[str, Path]) -> None:
    found = probe(files["cover.mp3"])
    assert found.has_audio and not found.has_video
    assert found.duration == pytest.approx(3.0, abs=0.1)


def test_what_cannot_be_used_is_one_clear_error(files: dict[str, Path], tmp_path: Path) -> None:
    with pytest.raises(MediaError, match=r"mute\.mp4 has no audio stream \(video without"):
        probe(files["mute.mp4"])
    text = tmp_path / "notes.mp4"
    text.write_text("not a recording\n" * 50)
    with pytest.raises(MediaError, match=r"notes\.mp4 is not a readable recording \((?!.*/)"):
        probe(text)
    (tmp_path / "empty.wav").write_bytes(b"")
    with pytest.raises(MediaError, match="is empty"):
        probe(tmp_path / "empty.wav")
    with pytest.raises(MediaError, match="recording not found"):
        probe(tmp_path / "gone.mp4")
    with pytest.raises(MediaError, match="is a folder"):
        probe(tmp_path)


def test_probing_needs_only_ffmpeg(files: dict[str, Path], tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    only = tmp_path / "bin"
    only.mkdir()
    (only / "ffmpeg").symlink_to(subprocess.check_output(["which", "ffmpeg"], text=True).strip())
    monkeypatch.setenv("PATH", str(only))
    assert probe(files["clip.mp4"]).has_video
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    with pytest.raises(MediaError, match="ffmpeg was not found"):
        probe(files["clip.mp4"])
    assert not any(Path(p, "ffprobe").exists() for p in os.environ["PATH"].split(os.pathsep))


# What the Windows build's ffmpeg (9.0.2, gyan.dev) prints under Wine for the sample.
FFMPEG_9_REPORT = """\
Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'Z:\\\\tmp\\\\sample.mp4':
  Metadata:
    major_brand     : isom
  Duration: 00:01:13.72, start: 0.000000, bitrate: 58 kb/s
  Stream #0:0[0x1](und): Video: h264 (High) (avc1 / 0x31637661), yuv420p(progressive), \
320x180 [SAR 1:1 DAR 16:9], 5 kb/s, 10 fps, 10 tbr, 10240 tbn (default)
    Metadata:
      handler_name    : VideoHandler
  Stream #0:1[0x2](und): Audio: aac (LC) (mp4a / 0x6134706D), 22050 Hz, mono, fltp, \
49 kb/s (default)
At least one output file must be specified
"""


def test_reads_the_report_of_other_ffmpeg_versions() -> None:
    info = parse_input_info(FFMPEG_9_REPORT)
    assert info is not None
    assert (info.duration, info.has_audio, info.has_video) == (73.72, True, True)
    unknown = parse_input_info("Input #0, lrc, from 'x':\n  Duration: N/A, bitrate: N/A\n"
                               "  Stream #0:0: Subtitle: text\n")
    assert unknown is not None and unknown.duration == 0.0 and not unknown.has_audio
    assert parse_input_info("x.mp4: Invalid data found when processing input\n") is None


def test_an_unknown_length_is_refused(monkeypatch: pytest.MonkeyPatch, files: dict[str, Path]
                                      ) -> None:
    monkeypatch.setattr(media_module, "read_input_info",
                        lambda path: parse_input_info(
                            "Input #0, matroska, from 'x':\n  Duration: N/A\n"
                            "  Stream #0:0: Audio: opus, 48000 Hz, mono, fltp\n"))
    with pytest.raises(MediaError, match="no playable length"):
        probe(files["talk.m4a"])
