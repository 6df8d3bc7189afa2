"""What one 30 s Whisper step costs on this machine, and the floor that sets for a long file.

Every transcription of speech, however it is batched, needs at least one
encoder pass per 30 s of speech, a decoder run that writes the words, and
(for word timestamps) one alignment. This script measures each part with
faster-whisper (tiny.en, int8) on 16 steps of the benchmark speech, at the
batch sizes Desk uses, and prints the lowest possible time for the 2 h of
speech in the 2 h 40 min benchmark file: every step full (30 s), no step
decoded twice, nothing else running. Figures, not asserts.

Run: .venv/bin/python benchmarks/step_costs.py [--threads 2] [--steps 16]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from transcribe_media import speech_media

from desk.core.pipeline.decode import read_audio
from desk.core.pipeline.engines.base import SAMPLE_RATE
from desk.core.weights.catalog import resolve_model

LONG_SPEECH_SECONDS = 2 * 3600.0  # the speech in benchmarks' 2 h 40 min file
LONG_TOTAL_SECONDS = 9600.0
TARGET_SPEED = 32.0


def timed(action, repeat: int = 1) -> float:
    started = time.perf_counter()
    for _ in range(repeat):
        action()
    return (time.perf_counter() - started) / repeat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--steps", type=int, default=16)
    args = parser.parse_args()

    from faster_whisper import WhisperModel
    from faster_whisper.audio import pad_or_trim
    from faster_whisper.tokenizer import Tokenizer
    from faster_whisper.transcribe import get_ctranslate2_storage, get_suppressed_tokens

    model_ref = resolve_model("tiny.en")
    model = WhisperModel(str(model_ref.path), device="cpu", compute_type="int8",
                         cpu_threads=args.threads)
    audio = read_audio(speech_media(6).path)
    step = round(30 * SAMPLE_RATE)
    count = min(args.steps, audio.size // step)
    features = np.stack([
        pad_or_trim(model.feature_extractor(audio[i * step:(i + 1) * step])[..., :-1])
        for i in range(count)
    ])
    tokenizer = Tokenizer(model.hf_tokenizer, False, task="transcribe", language="en")
    prompt = model.get_prompt(tokenizer, [], without_timestamps=False)
    suppress = get_suppressed_tokens(tokenizer, [-1])
    model.encode(features[:1])  # warm up

    print(f"tiny.en int8, {args.threads} thread(s), {os.cpu_count()} cores, {count} steps of 30 s "
          f"of benchmark speech; load average {os.getloadavg()[0]:.1f}")
    encode = {}
    for batch in (1, 2, 8):
        encode[batch] = timed(lambda b=batch: [model.encode(features[i:i + b])
                                               for i in range(0, count, b)]) / count
        print(f"  encoder, batch {batch}: {encode[batch] * 1000:6.0f} ms per step")
    encoded = np.concatenate([np.asarray(model.encode(features[i:i + 2]))
                              for i in range(0, count, 2)])

    def generate(beam: int, batch: int) -> list:
        results = []
        for i in range(0, count, batch):
            results += model.model.generate(
                get_ctranslate2_storage(encoded[i:i + batch]), [list(prompt)] * len(
                    encoded[i:i + batch]), beam_size=beam, max_length=448, suppress_blank=True,
                suppress_tokens=suppress, return_scores=True, return_no_speech_prob=True,
                max_initial_timestamp_index=50)
        return results

    decode: dict[tuple[int, int], float] = {}
    tokens: list[list[int]] = []
    for beam in (1, 5):
        for batch in (1, 8):
            started = time.perf_counter()
            results = generate(beam, batch)
            decode[beam, batch] = (time.perf_counter() - started) / count
            if beam == 5 and batch == 8:
                tokens = [[t for t in r.sequences_ids[0] if t < tokenizer.eot] for r in results]
            print(f"  decoder, beam {beam}, batch {batch}: {decode[beam, batch] * 1000:6.0f} ms "
                  f"per step")
    storage = get_ctranslate2_storage(encoded)
    align = timed(lambda: model.model.align(storage, tokenizer.sot_sequence, tokens,
                                            [3000] * count)) / count
    print(f"  word alignment, batch {count}: {align * 1000:6.0f} ms per step")

    steps = LONG_SPEECH_SECONDS / 30
    print(f"\nfloor for the long file ({steps:.0f} full steps of speech; dead air and start-up "
          f"not counted), target {LONG_TOTAL_SECONDS / TARGET_SPEED:.0f} s = {TARGET_SPEED:.0f}x:")
    for beam in (1, 5):
        per_step = min(encode.values()) + decode[beam, 8] + align
        total = steps * per_step
        print(f"  beam {beam}: {per_step * 1000:.0f} ms per step -> {total:.0f} s, "
              f"{LONG_TOTAL_SECONDS / total:.1f}x real time at best")


if __name__ == "__main__":
    main()
