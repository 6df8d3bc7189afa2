"""Where a window's decoding time goes, part by part, for each decoding choice.

    .venv/bin/python benchmarks/decode_parts.py [--decodings accurate,faster,adaptive]

Transcribes the 13-min benchmark speech as one window with Desk's faster
engine and adds up the CPU time (all threads) spent in the encoder, each
decoder pass (by beam width) and the word alignment, beside the whole CPU and
wall time, the WER and the share of steps decoded again. CPU time is the
steadier figure on a shared machine. Figures, not asserts.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.transcribe_media import speech_media, word_error_rate
from desk.core.pipeline.decode import read_audio
from desk.core.pipeline.engines import batched_decoder
from desk.core.pipeline.engines.base import TranscribeOptions
from desk.core.pipeline.engines.faster_engine import FasterWhisperEngine
from desk.core.weights.catalog import resolve_model

COST: dict[str, float] = defaultdict(float)


def timed(key: str, call: Any) -> Any:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return call(*args, **kwargs)
        finally:
            COST[key(args) if callable(key) else key] += time.process_time() - started
    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--decodings", default="accurate,faster,adaptive")
    args = parser.parse_args()
    engine = FasterWhisperEngine(resolve_model("tiny.en"), args.threads)
    model = engine._model
    model.encode = timed("encoder", model.encode)
    model.add_word_timestamps = timed("alignment", model.add_word_timestamps)
    generate = batched_decoder.BatchedDecoder._generate
    batched_decoder.BatchedDecoder._generate = timed(  # type: ignore[method-assign]
        lambda a: f"decoder, beam {a[-1]}", generate)
    item = speech_media(14)
    audio = read_audio(item.path)
    print(f"{item.label} ({item.duration / 60:.1f} min), {args.threads} threads, load average "
          f"{os.getloadavg()[0]:.1f}")
    for decoding in args.decodings.split(","):
        COST.clear()
        cpu, wall = time.process_time(), time.perf_counter()
        text = " ".join(s.text for s in engine.transcribe(
            audio, TranscribeOptions(language="en", decoding=decoding)))
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        decoder = engine.last_decoder
        again = f", {decoder.steps_again} of {decoder.steps} steps again" if decoder else ""
        parts = ", ".join(f"{k} {v:.1f}" for k, v in sorted(COST.items()))
        print(f"  {decoding:9} CPU {cpu:5.1f} s (wall {wall:5.1f} s): {parts}; WER "
              f"{100 * word_error_rate(item.reference, text):.2f} %{again} "
              f"(load {os.getloadavg()[0]:.1f})", flush=True)


if __name__ == "__main__":
    main()
