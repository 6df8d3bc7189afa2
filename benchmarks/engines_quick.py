"""Real-time factor of each engine on a generated 60 s clip (figures, not asserts).

espeak-ng reads a few sentences about the case, with pauses, until the clip
is 60 s long; each engine transcribes the whole clip as one Desk window would
be handed to it. Printed per engine: load time, wall time, CPU time of this
process, real-time factor (wall / audio; below 1 is faster than real time),
and the word error rate against the script. Wall time inflates when other jobs
share the cores; CPU time shows what the work costs on an idle machine.
Run: .venv/bin/python benchmarks/engines_quick.py [--model tiny.en] [--beam 5] [--threads N]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desk.core.pipeline.engines.base import SAMPLE_RATE, TranscribeOptions, default_threads
from desk.core.pipeline.engines.registry import available_engines, load_engine
from desk.core.weights.catalog import resolve_model
from desk.core.wer import word_error_rate

CLIP_SECONDS = 60.0
SENTENCES = (
    "The show started late because the servers failed.",
    "Musk said that a large attack had slowed the stream.",
    "Both men praised each other for a long time.",
    "Later they spoke about the election and the economy.",
    "Many people listened to the entire conversation.",
    "The host asked about energy prices and the border.",
    "Critics said the claims about the attack were never proven.",
)


def make_clip(folder: Path) -> tuple[np.ndarray, str]:
    """Speak the sentences (with half-second pauses) until the clip is 60 s long."""
    pieces: list[np.ndarray] = []
    spoken: list[str] = []
    pause = np.zeros(SAMPLE_RATE // 2, dtype=np.float32)
    total = 0
    index = 0
    while total < CLIP_SECONDS * SAMPLE_RATE:
        sentence = SENTENCES[index % len(SENTENCES)]
        raw = folder / f"s{index}.wav"
        subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(raw), sentence],
                       check=True)
        pcm = subprocess.run(
            ["ffmpeg", "-loglevel", "error", "-i", str(raw), "-f", "f32le", "-ac", "1",
             "-ar", str(SAMPLE_RATE), "-"],
            check=True, capture_output=True,
        ).stdout
        speech = np.frombuffer(pcm, dtype=np.float32)
        pieces += [speech, pause]
        spoken.append(sentence)
        total += speech.size + pause.size
        index += 1
    clip = np.concatenate(pieces)[: int(CLIP_SECONDS * SAMPLE_RATE)].copy()
    return clip, " ".join(spoken)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="tiny.en")
    parser.add_argument("--beam", type=int, default=5, help="beam size; 0 = greedy")
    parser.add_argument("--threads", type=int, default=None,
                        help=f"inference threads (default {default_threads()})")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        clip, script = make_clip(Path(tmp))
    seconds = clip.size / SAMPLE_RATE
    model = resolve_model(args.model)
    options = TranscribeOptions(beam_size=args.beam or None)
    threads = args.threads or default_threads()
    print(f"clip {seconds:.0f} s, model {model.name} ({model.format}, {model.source}), "
          f"beam {args.beam or 'greedy'}, {threads} thread(s)")
    print(f"{'engine':8} {'load s':>7} {'wall s':>7} {'cpu s':>7} {'RTF':>6} {'WER':>6}")
    for name in available_engines():
        started = time.perf_counter()
        engine = load_engine(name, model, threads)
        loaded = time.perf_counter() - started
        wall, cpu = time.perf_counter(), time.process_time()
        segments = list(engine.transcribe(clip, options))
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        wer = word_error_rate(script, " ".join(s.text for s in segments))
        print(f"{name:8} {loaded:7.1f} {wall:7.1f} {cpu:7.1f} {wall / seconds:6.2f} {wer:6.1%}")


if __name__ == "__main__":
    main()
