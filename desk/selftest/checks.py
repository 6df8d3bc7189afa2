"""The parts `desk --self-test` checks, each on real components (see desk/selftest)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

PLAY_SECONDS = 1.0
PLAY_TIMEOUT = 15.0
TRANSCRIBE_SECONDS = 10.0
# The sample opens with 18 s of dead air (the stream starting late), then talk.
SPEECH_START = 18.0
MIN_WORDS = 3  # ten seconds of the sample's speech give many more; silence gives none
NOT_BUNDLED = "libvlc not bundled in this build"


@dataclass
class CheckResult:
    """The outcome of one check, as shown in the report."""

    name: str
    ok: bool
    detail: str
    seconds: float = 0.0
    skipped: bool = False  # a part this build does not carry, by design

    @property
    def verdict(self) -> str:
        return "skipped" if self.skipped else "ok" if self.ok else "FAILED"

    def summary(self) -> str:
        return f"{self.name} {self.verdict} ({self.detail})"


class CheckFailed(Exception):
    """A check found the part broken; the message is the reason shown to the user."""


def _load_vlc() -> ModuleType:
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
    module: ModuleType = vlc
    return module


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


def check_model() -> str:
    """Load the embedded tiny.en with the engine this installation uses."""
    from desk.core.pipeline.engines.registry import load_engine
    from desk.core.weights.catalog import resolve_model

    started = time.monotonic()
    model = resolve_model("tiny.en")
    engine = load_engine("auto", model)
    return f"{engine.name} {model.name} ({model.source}) in {time.monotonic() - started:.1f} s"


def cut_speech(media: Path, start: float, seconds: float, target: Path) -> Path:
    """`seconds` of `media` from `start` as a 16 kHz WAV, cut by the ffmpeg Desk uses."""
    from desk.core.pipeline.ffmpeg_tools import ffmpeg_path

    command = [ffmpeg_path(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
               "-ss", f"{start:.3f}", "-t", f"{seconds:.3f}", "-i", str(media), "-vn",
               "-ac", "1", "-ar", "16000", str(target)]
    done = subprocess.run(command, capture_output=True, timeout=120, check=False)
    if done.returncode != 0 or not target.is_file():
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["?"]
        raise CheckFailed(f"ffmpeg could not cut the sample: {reason[0][:200]}")
    return target


def check_transcription(media: Path, start: float = SPEECH_START,
                        seconds: float = TRANSCRIBE_SECONDS,
                        project_path: Path | None = None) -> str:
    """Transcribe `seconds` of `media` from `start` through the job child, as the app does.

    The project is left at `project_path` for the export check; without one it
    goes into a temporary folder that is removed.
    """
    from desk.core.pipeline.ffmpeg_tools import ffmpeg_path
    from desk.core.pipeline.jobs import JobOptions, run_transcription, worker_command
    from desk.core.services.project_setup import create_project
    from desk.core.store import Project
    from desk.core.weights.catalog import resolve_model

    own_folder = project_path is None
    if project_path is None:
        folder = Path(tempfile.mkdtemp(prefix="desk-self-test-"))
        path = folder / "transcribed.desk"
    else:
        path = Path(project_path)
        folder = path.parent
    try:
        clip = cut_speech(media, start, seconds, folder / "speech.wav")
        create_project(clip, path).close()
        options = JobOptions(engine="auto", model="tiny.en", language="en", beam_size=1)
        started = time.monotonic()
        final = run_transcription(path, options)
        elapsed = time.monotonic() - started
        if final.kind != "finished":
            raise CheckFailed(f"the transcription child {final.kind}: {final.message}")
        with Project.open(path, writable=False) as project:
            transcript = project.transcripts.current()
            words = " ".join(s.text.strip() for s in project.transcripts.segments()).split()
    finally:
        if own_folder:
            shutil.rmtree(folder, ignore_errors=True)
    engine = transcript.engine if transcript else "?"
    if len(words) < MIN_WORDS:
        raise CheckFailed(f"{engine} heard {len(words)} words in {seconds:.0f} s of speech")
    model = resolve_model("tiny.en")
    child = Path(worker_command(path, options)[0]).name
    preview = " ".join(words[:6])
    return (f"{engine} {model.name} ({model.source}), {seconds:.0f} s in {elapsed:.1f} s "
            f"through the job child ({child}), {len(words)} words \"{preview}...\", "
            f"ffmpeg {ffmpeg_path()}")


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


def check_export(project_path: Path, folder: Path) -> str:
    """Export a transcribed project: a Word report and an evidence clip, both read back."""
    from desk.core.formats.registry import EXPORTERS
    from desk.core.pipeline.media import probe
    from desk.core.store import Project

    folder.mkdir(parents=True, exist_ok=True)
    with Project.open(project_path) as project:
        first = project.transcripts.segments()[0]
        end = min(first.end, first.start + 3.0)
        project.annotations.add(project.tags.list()[0].name, first.start, end,
                                note="self-test", annotator="self-test")
        report = EXPORTERS["docx"].export(project, folder / "report.docx")
        clips = EXPORTERS["clips"].export(project, folder / "clips")
    with zipfile.ZipFile(report) as archive:
        document = archive.read("word/document.xml").decode("utf-8")
    word = next((w for w in first.text.split() if w.isalpha()), "")
    if word not in document:
        raise CheckFailed(f"the Word report lacks the transcript (no '{word}')")
    written = sorted(clips.iterdir())
    if not written:
        raise CheckFailed("the clip export wrote no file")
    clip = written[0]
    length = probe(clip).duration
    if abs(length - (end - first.start)) > 0.5:
        raise CheckFailed(f"the clip is {length:.2f} s long, not {end - first.start:.2f} s")
    return f"docx {report.stat().st_size} bytes, clip {clip.name} {length:.1f} s"


def sample_media() -> Path:
    from desk.core.resources import resource_path

    return resource_path("sample", "sample.mp4")
