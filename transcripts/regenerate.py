"""Regenerate the sample recording's annotated transcript in every export format.

    python transcripts/regenerate.py [--from-truth] [--out DIR]

The steps of `desk demo --no-gui`, then coding and exporting: a new project on
resources/sample/sample.mp4 with the default codebook, transcribed offline
with the embedded tiny.en model (or, with --from-truth, built from
transcripts/sample.truth.json: faster and identical everywhere); speakers
named from the truth file (Whisper does not tell voices apart); four
annotations (the delay over the dead air, the DDoS claim, the praise
exchange, the attack on Harris); then every format of `desk export` into
transcripts/ as sample.* (clips: sample-clips/, the Harris attack only, to
keep the folder small). The project itself is temporary.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desk.core.coding.codebook import load_codebook  # noqa: E402
from desk.core.formats.registry import EXPORTERS  # noqa: E402
from desk.core.pipeline.media import probe  # noqa: E402
from desk.core.records import Segment, Transcript, Word  # noqa: E402
from desk.core.store import Project  # noqa: E402

SAMPLE = Path("resources/sample/sample.mp4")  # relative: exports name no machine's folders
TRUTH = REPO / "transcripts" / "sample.truth.json"
OUT = REPO / "transcripts"  # where the committed exports live
ANNOTATOR = "desk-sample"


def _truth() -> dict:
    return json.loads(TRUTH.read_text(encoding="utf-8"))


def _truth_segments(truth: dict) -> list[Segment]:
    """Segments from the truth file, words spread by length (no aligner at hand)."""
    segments = []
    for utterance in truth["utterances"]:
        tokens = utterance["text"].split()
        span = utterance["end"] - utterance["start"]
        total = sum(len(t) + 1 for t in tokens)
        words, cursor = [], utterance["start"]
        for token in tokens:
            length = span * (len(token) + 1) / total
            words.append(Word(round(cursor, 3), round(cursor + length, 3), token, 1.0))
            cursor += length
        segments.append(Segment(utterance["start"], utterance["end"], utterance["text"],
                                words, speaker=utterance["speaker"]))
    return segments


def _transcribe(project_path: Path) -> None:
    from desk.core.pipeline.jobs import JobOptions, run_transcription

    final = run_transcription(project_path, JobOptions(model="tiny.en", language="en"))
    if final.kind != "finished":
        raise SystemExit(f"transcription {final.kind}: {final.message}")


def _name_speakers(project: Project, truth: dict) -> None:
    """Each segment gets the speaker of the truth utterance it overlaps most."""
    by_speaker: dict[str, list[int]] = {}
    for segment in project.transcripts.segments(with_words=False):
        overlaps = [(min(segment.end, u["end"]) - max(segment.start, u["start"]), u["speaker"])
                    for u in truth["utterances"]]
        best, speaker = max(overlaps)
        if best > 0 and segment.id is not None:
            by_speaker.setdefault(speaker, []).append(segment.id)
    for speaker, ids in by_speaker.items():
        project.edits.set_speaker(ids, speaker, ANNOTATOR)


def _annotate(project: Project, truth: dict) -> None:
    said = truth["utterances"]
    dead = truth["dead_air"][0]
    project.annotations.add("delay", dead["start"], dead["end"], annotator=ANNOTATOR,
                            note="dead air before the stream starts")
    project.annotations.add("DDoS claim", said[0]["start"], said[0]["end"], annotator=ANNOTATOR,
                            note="the late start is blamed on a 'massive DDoS attack'")
    project.annotations.add("praise exchange", said[1]["start"], said[2]["end"],
                            annotator=ANNOTATOR, note="mutual compliments")
    project.annotations.add("Harris attacks", said[3]["start"], said[3]["end"],
                            annotator=ANNOTATOR, note="'a disaster', 'weak'")


def build(project_path: Path, from_truth: bool) -> None:
    truth = _truth()
    media = probe(SAMPLE)
    with Project.create(project_path, media=replace(media, path=SAMPLE.as_posix()),
                        codebook=load_codebook("trump-musk-x-2024")) as project:
        if from_truth:
            transcript = project.transcripts.create(
                Transcript("truth", TRUTH.name, "en", total=media.duration))
            assert transcript.id is not None
            project.transcripts.add_segments(transcript.id, _truth_segments(truth))
            project.versions.complete(transcript.id, media.duration)
    if not from_truth:
        _transcribe(project_path)
    with Project.open(project_path) as project:
        if not from_truth:
            _name_speakers(project, truth)
        _annotate(project, truth)


def export_all(project_path: Path, out: Path = OUT) -> list[Path]:
    written = []
    with Project.open(project_path, writable=False) as project:
        for fmt in EXPORTERS.values():
            if fmt.writes_folder:
                folder = out / "sample-clips"
                shutil.rmtree(folder, ignore_errors=True)
                harris = replace(fmt.default_selection(), tags=frozenset({"Harris attacks"}))
                written += fmt.export_files(project, folder, harris)[1:]
            else:
                target = out / ("sample.csv" if fmt.name == "csv" else f"sample{fmt.suffix}")
                written += fmt.export_files(project, target)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--from-truth", action="store_true",
                        help="build the transcript from sample.truth.json instead of Whisper")
    parser.add_argument("--out", type=Path, default=OUT,
                        help="folder for the exports (default: transcripts/)")
    args = parser.parse_args()
    out = args.out.resolve()
    os.chdir(REPO)
    with tempfile.TemporaryDirectory() as tmp:
        project_path = Path(tmp) / "sample.desk"
        build(project_path, args.from_truth)
        for path in export_all(project_path, out):
            print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
