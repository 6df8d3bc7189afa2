"""`desk --self-test`: prove that this installation of Desk has every working part.

A frozen app can look complete and still lack a VLC plugin, the ffmpeg it
shells out to, or the embedded Whisper weights; those show up only when an
analyst opens a recording. The self-test exercises each part for real on the
bundled sample recording: libvlc plays 1 s with dummy audio/video outputs,
Whisper transcribes 10 s with the embedded model, and a project file is
written, reopened and deleted. It prints one summary line and exits 0 only if
every check passed; the release workflow runs it on each frozen build.

This module lives outside desk/core because it loads libvlc.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from desk.core.errors import DeskError

log = logging.getLogger(__name__)

PLAY_SECONDS = 1.0
PLAY_TIMEOUT = 15.0
TRANSCRIBE_SECONDS = 10.0
# The sample opens with 18 s of dead air (the stream starting late), then talk.
SPEECH_START = 18.0
MIN_WORDS = 3  # ten seconds of the sample's speech give many more; silence gives none


@dataclass
class CheckResult:
    """The outcome of one check, as shown in the summary line."""

    name: str
    ok: bool
    detail: str
    seconds: float = 0.0

    def summary(self) -> str:
        verdict = "ok" if self.ok else "FAILED"
        return f"{self.name} {verdict} ({self.detail})"


class CheckFailed(Exception):
    """A check found the part broken; the message is the reason shown to the user."""


def _run_check(name: str, check: Callable[[], str]) -> CheckResult:
    started = time.monotonic()
    try:
        detail = check()
        ok = True
    except (CheckFailed, DeskError, OSError) as exc:
        detail, ok = str(exc) or type(exc).__name__, False
    except Exception as exc:  # the self-test reports every failure, it never crashes
        log.exception("self-test check %s crashed", name)
        detail, ok = f"{type(exc).__name__}: {exc}", False
    return CheckResult(name, ok, detail, time.monotonic() - started)


def _load_vlc() -> object:
    """Import python-vlc, turning its exits and missing-library errors into a failure."""
    try:
        import vlc
    except SystemExit as exc:  # python-vlc exits when PYTHON_VLC_LIB_PATH cannot be loaded
        raise CheckFailed(
            f"libvlc could not be loaded (python-vlc exited with {exc.code})"
        ) from None
    except (ImportError, OSError, NotImplementedError) as exc:
        raise CheckFailed(f"libvlc could not be loaded: {exc}") from None
    if getattr(vlc, "dll", None) is None:
        raise CheckFailed("libvlc could not be loaded")
    return vlc


def check_playback(media: Path, seconds: float = PLAY_SECONDS) -> str:
    """Play `seconds` of `media` through libvlc with dummy outputs; decoding must happen."""
    vlc = _load_vlc()
    instance = vlc.Instance(["--quiet", "--no-xlib", "--aout=adummy", "--vout=vdummy",
                             "--no-video-title-show"])
    if instance is None:
        raise CheckFailed("libvlc started without plugins (VLC_PLUGIN_PATH is wrong?)")
    player = instance.media_player_new()
    item = instance.media_new_path(str(media))
    player.set_media(item)
    try:
        if player.play() != 0:
            raise CheckFailed("libvlc refused to play the sample")
        deadline = time.monotonic() + PLAY_TIMEOUT
        while player.get_time() < seconds * 1000:
            if player.get_state() in (vlc.State.Error, vlc.State.Ended):
                raise CheckFailed(f"libvlc stopped playing: state {player.get_state()}")
            if time.monotonic() > deadline:
                raise CheckFailed(f"libvlc played only {max(player.get_time(), 0)} ms "
                                  f"in {PLAY_TIMEOUT:.0f} s")
            time.sleep(0.05)
        stats = vlc.MediaStats()
        item.get_stats(stats)
        played = player.get_time() / 1000
    finally:
        player.stop()
        player.release()
        item.release()
        instance.release()
    if stats.decoded_audio <= 0:
        raise CheckFailed("libvlc decoded no audio (codec plugins missing?)")
    version = vlc.libvlc_get_version().decode(errors="replace").split()[0]
    library = getattr(vlc.dll, "_name", "?")
    return f"libvlc {version} from {library}, {played:.1f} s, {stats.decoded_audio} audio blocks"


def check_transcription(media: Path, start: float = SPEECH_START,
                        seconds: float = TRANSCRIBE_SECONDS) -> str:
    """Transcribe `seconds` of `media` from `start` with the embedded tiny.en model."""
    from desk.core.pipeline.decode import read_audio
    from desk.core.pipeline.engines.base import TranscribeOptions
    from desk.core.pipeline.engines.registry import load_engine
    from desk.core.pipeline.ffmpeg_tools import ffmpeg_path
    from desk.core.weights.catalog import resolve_model

    model = resolve_model("tiny.en")
    engine = load_engine("auto", model)
    audio = read_audio(media, start, start + seconds)
    if audio.size < seconds * 16_000 * 0.9:
        raise CheckFailed(f"ffmpeg decoded only {audio.size / 16_000:.1f} s of audio")
    started = time.monotonic()
    segments = list(engine.transcribe(audio, TranscribeOptions(language="en", beam_size=1)))
    elapsed = time.monotonic() - started
    words = " ".join(s.text.strip() for s in segments).split()
    if len(words) < MIN_WORDS:
        raise CheckFailed(f"{engine.name} heard {len(words)} words in {seconds:.0f} s of speech")
    preview = " ".join(words[:6])
    return (f"{engine.name} {model.name} ({model.source}), {seconds:.0f} s in {elapsed:.1f} s, "
            f"{len(words)} words \"{preview}…\", ffmpeg {ffmpeg_path()}")


def check_project(media: Path) -> str:
    """Write a project on `media`, reopen it read-only, then delete it."""
    from desk.core.services.project_setup import create_project
    from desk.core.store import Project

    folder = Path(tempfile.mkdtemp(prefix="desk-self-test-"))
    path = folder / "self-test.desk"
    try:
        with create_project(media, path) as project:
            tags = project.tags.list()
            tag = tags[0].name
            project.annotations.add(tag, 1.0, 2.5, note="self-test", annotator="self-test")
        with Project.open(path, writable=False) as project:
            stored = project.annotations.list()
            duration = project.media.duration()
        if len(stored) != 1 or stored[0].note != "self-test":
            raise CheckFailed(f"the reopened project holds {len(stored)} annotations, not 1")
        if not duration or duration <= 0:
            raise CheckFailed("the reopened project lost its recording")
        path.unlink()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if path.exists():
        raise CheckFailed(f"could not delete {path}")
    return f"write, reopen, delete; {len(tags)} tags"


def sample_media() -> Path:
    from desk.core.resources import resource_path

    return resource_path("sample", "sample.mp4")


def run_self_test(media: Path | None = None, out: TextIO | None = None) -> int:
    """Run every check, print one summary line, return the exit code (0 = all passed)."""
    out = out or sys.stdout
    media = media or sample_media()
    started = time.monotonic()
    if not media.is_file():
        results = [CheckResult("sample", False, f"missing: {media}")]
    else:
        results = [
            _run_check("playback", lambda: check_playback(media)),
            _run_check("transcription", lambda: check_transcription(media)),
            _run_check("project", lambda: check_project(media)),
        ]
    passed = all(r.ok for r in results)
    frozen = " (frozen)" if getattr(sys, "frozen", False) else ""
    verdict = "PASS" if passed else "FAIL"
    line = (f"desk self-test{frozen}: {verdict} in {time.monotonic() - started:.1f} s: "
            + "; ".join(r.summary() for r in results))
    print(line, file=out, flush=True)
    for result in results:
        log.info("self-test %s: %s (%.2f s)", result.name, result.ok, result.seconds)
    return 0 if passed else 1


if __name__ == "__main__":  # `python -m desk.selftest`, e.g. from a debugger
    sys.exit(run_self_test(Path(os.environ["DESK_SELF_TEST_MEDIA"])
                           if os.environ.get("DESK_SELF_TEST_MEDIA") else None))
