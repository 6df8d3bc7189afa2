"""The peers of `benchmarks/peers.py`, each in a fresh process: `peer_runners.py TOOL FILE`.

Prints one JSON line, {"text": ...}, on stdout. Every runner uses the same
tiny.en weights Desk uses (the embedded CTranslate2 folder; whisper.cpp gets
a ggml file converted from their openai `.pt`) and `--threads` CPU threads.
The peers are benchmark-only packages (`pip install -e '.[bench]'`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def faster_sequential(path: Path, threads: int) -> str:
    """Plain faster-whisper: WhisperModel.transcribe, beam 5, word timestamps, its defaults."""
    model = _whisper_model(threads)
    segments, _ = model.transcribe(str(path), language="en", beam_size=5, word_timestamps=True)
    return " ".join(s.text for s in segments)


def faster_batched(path: Path, threads: int, timestamps: bool = False) -> str:
    """faster-whisper's BatchedInferencePipeline with its own VAD (Silero), beam 5, batch 8."""
    from faster_whisper import BatchedInferencePipeline

    pipeline = BatchedInferencePipeline(_whisper_model(threads))
    segments, _ = pipeline.transcribe(str(path), language="en", beam_size=5, batch_size=8,
                                      word_timestamps=True, without_timestamps=not timestamps)
    return " ".join(s.text for s in segments)


def whisper_cpp(path: Path, threads: int, ggml: Path) -> str:
    """whisper.cpp through pywhispercpp: its defaults (greedy), token timestamps on."""
    from pywhispercpp.model import Model

    from desk.core.pipeline.decode import read_audio

    model = Model(str(ggml), n_threads=threads, print_progress=False, print_realtime=False,
                  redirect_whispercpp_logs_to=None)
    segments = model.transcribe(read_audio(path), language="en", token_timestamps=True)
    return " ".join(s.text for s in segments)


def _whisper_model(threads: int):  # type: ignore[no-untyped-def]
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from faster_whisper import WhisperModel

    from desk.core.weights.catalog import resolve_model

    return WhisperModel(str(resolve_model("tiny.en").path), device="cpu", compute_type="int8",
                        cpu_threads=threads, local_files_only=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tool", choices=["faster-sequential", "faster-batched",
                                         "faster-batched-timestamps", "whisper.cpp"])
    parser.add_argument("file", type=Path)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--ggml", type=Path)
    args = parser.parse_args()
    if args.tool == "faster-sequential":
        text = faster_sequential(args.file, args.threads)
    elif args.tool == "whisper.cpp":
        text = whisper_cpp(args.file, args.threads, args.ggml)
    else:
        text = faster_batched(args.file, args.threads, args.tool.endswith("timestamps"))
    print(json.dumps({"text": text}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
