"""Speaker diarization: DER on the sample's two voices and a real phone call, and its cost.

    .venv/bin/python benchmarks/speakers.py            # ~2 min on 2 shared cores
    .venv/bin/python benchmarks/speakers.py --long     # ~6 min: the 2 h 40 min file

For each recording: transcribe it with Desk's faster engine (tiny.en, a fresh project via
`desk transcribe`), then diarize the transcript's words in this process (speaker count
found automatically). DER comes from pyannote.metrics (collar 0.25 s, overlap scored)
against the truth: the sample's `transcripts/sample.truth.json`, and the RTTM of the
pyannote-audio wheel's phone call (`.venv/wheels`, see .ci/setup). It is scored for Desk's
speaker turns (desk.core.coding.stats.turns: one speaker's consecutive segments, pauses
inside a turn included, as its statistics and the truth's utterances count them) and, for
comparison, for the bare runs of one speaker's words. The same DER is also printed on the
true words (oracle speech regions), which isolates the speaker part from Whisper's word
timings. The cost is diarization time / transcription time (the share a run with speakers
adds; target: ≤ 0.3, i.e. ≤ 1.3× the time without).

`--long` measures that cost where it counts, in one run: `desk transcribe` of the
2 h 40 min benchmark file (benchmarks/make_long_media.py; Desk's default engine and
model, 2 threads) into a fresh project, then `desk speakers` on it as the app runs it
(the speaker job's child, 2 lanes of 1 torch thread; the profile library left out so that the
user's profiles cannot change the figure), each timed from its command's start to its
end (start-up and model loading included).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desk.core.coding.stats import turns as speaker_turns  # noqa: E402
from desk.core.records import Segment, Word  # noqa: E402
from desk.core.speakers.diarize import Diarization, diarize  # noqa: E402
from desk.core.speakers.model import SpeakerEmbedder  # noqa: E402
from desk.core.store import Project  # noqa: E402

Turns = list[tuple[float, float, str]]


def spread(start: float, end: float, text: str) -> Segment:
    tokens = text.split()
    step = (end - start) / len(tokens)
    return Segment(start, end, text, [Word(start + i * step, start + (i + 1) * step, t)
                                      for i, t in enumerate(tokens)])


def sample() -> tuple[Path, Turns, list[Segment]]:
    truth = json.loads((REPO / "transcripts" / "sample.truth.json").read_text())
    turns = [(u["start"], u["end"], u["speaker"]) for u in truth["utterances"]]
    words = [spread(u["start"], u["end"], u["text"]) for u in truth["utterances"]]
    return REPO / "resources" / "sample" / "sample.mp4", turns, words


def phone_call(folder: Path) -> tuple[Path, Turns, list[Segment]] | None:
    wheels = sorted((Path(sys.prefix) / "wheels").glob("pyannote_audio-*.whl"))
    if not wheels:
        return None
    with zipfile.ZipFile(wheels[-1]) as archive:
        for name in ("sample.wav", "sample.rttm", "sample.stm"):
            (folder / name).write_bytes(archive.read("pyannote/audio/sample/" + name))
    turns = [(float(p[3]), float(p[3]) + float(p[4]), p[7]) for p in
             (line.split() for line in (folder / "sample.rttm").read_text().splitlines())]
    words = [spread(float(p[3]), float(p[4]), p[5]) for p in
             (line.split(maxsplit=5) for line in (folder / "sample.stm").read_text().splitlines())]
    return folder / "sample.wav", turns, words


def der(turns: Turns, result: Diarization, as_turns: bool = True) -> float:
    """DER of Desk's speaker turns (`as_turns`: the runs of one speaker's segments that its
    statistics count, pauses inside a turn included, as the truth's utterances include
    them), or of the bare word runs (every pause between sentences then counts as missed)."""
    from pyannote.core import Annotation, Timeline
    from pyannote.core import Segment as Span
    from pyannote.metrics.diarization import DiarizationErrorRate

    reference, hypothesis = Annotation(), Annotation()
    for start, end, who in turns:
        reference[Span(start, end)] = who
    runs = [Segment(s.segment.words[p.first].start, s.segment.words[p.last].end, "",
                    speaker=f"S{p.label}") for s in result.segments for p in s.parts]
    spans = ([(t.start, t.end, t.speaker) for t in speaker_turns(runs)] if as_turns
             else [(r.start, r.end, r.speaker) for r in runs])
    for start, end, who in spans:
        hypothesis[Span(start, end)] = who
    extent = reference.get_timeline().extent() | hypothesis.get_timeline().extent()
    metric = DiarizationErrorRate(collar=0.25, skip_overlap=False)
    return float(metric(reference, hypothesis, uem=Timeline([extent])))


def desk(*args: str) -> tuple[str, float]:
    """Run a `desk` command from this checkout; its stdout and wall time."""
    began = time.perf_counter()
    done = subprocess.run([sys.executable, "-c",
                           "import sys; from desk.cli import main; sys.exit(main())", *args],
                          check=True, capture_output=True, text=True, cwd=REPO,
                          env=dict(os.environ, PYTHONPATH=str(REPO)))
    return done.stdout, time.perf_counter() - began


def long_file() -> int:
    """Transcription, then speakers, of the 2 h 40 min file: both times and their ratio."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from make_long_media import ensure_long_media

    media = ensure_long_media()
    print(f"{media.name}; {os.getloadavg()[0]:.1f} load before", flush=True)
    with tempfile.TemporaryDirectory() as temp:
        project = Path(temp) / "long.desk"
        said, transcription = desk("transcribe", str(media), "-p", str(project),
                                   "--threads", "2")
        print(f"desk transcribe: {transcription:.1f} s ({said.strip().splitlines()[-1]})",
              flush=True)
        out, diarization = desk("speakers", str(project), "--no-profiles", "--json")
        found = json.loads(out)
    print(f"desk speakers: {diarization:.1f} s ({len(found['speakers'])} speakers, "
          f"{found['segments']} segments labelled, {found['split']} cut); "
          f"{os.getloadavg()[0]:.1f} load after")
    print(f"speakers / transcription {diarization / transcription:.2f} (target ≤ 0.30): "
          f"with speakers {(transcription + diarization) / transcription:.2f}× the time "
          f"without (target ≤ 1.3×)")
    return 0


def transcribe(media: Path, folder: Path) -> tuple[list[Segment], float]:
    project = folder / f"{media.parent.name}-{media.stem}.desk"  # both files are "sample"
    _, elapsed = desk("transcribe", str(media), "-p", str(project), "--engine", "faster",
                      "--threads", "2")
    with Project.open(project, writable=False) as opened:
        return opened.transcripts.segments(), elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--long", action="store_true",
                        help="the 2 h 40 min file: desk transcribe, then desk speakers")
    if parser.parse_args().long:
        return long_file()
    embedder = SpeakerEmbedder(threads=2)
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        cases = [("sample (two espeak voices)", *sample(), 0.05)]
        call = phone_call(folder)
        if call is None:
            print("phone call: the pyannote-audio wheel is not in .venv/wheels (run .ci/setup)")
        else:
            cases.append(("phone call (pyannote sample, real)", *call, 0.15))
        for name, media, turns, true_words, target in cases:
            oracle = diarize(media, true_words, embedder=embedder)
            words, transcription = transcribe(media, folder)
            began = time.perf_counter()
            result = diarize(media, words, embedder=embedder)
            diarization = time.perf_counter() - began
            print(f"{name}: {result.speaker_count} speakers found; DER of the speaker turns "
                  f"{der(turns, result):.1%} on Whisper's words (target ≤ {target:.0%}), "
                  f"{der(turns, oracle):.1%} on the true words; of the word runs "
                  f"{der(turns, result, False):.1%} / {der(turns, oracle, False):.1%}; "
                  f"transcription {transcription:.1f} s, "
                  f"speakers {diarization:.1f} s: with speakers "
                  f"{(transcription + diarization) / transcription:.2f}× the time without "
                  f"(target ≤ 1.3×)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
