"""What splitting a step's decoder call costs: one call of 8 lanes against calls of 4.

    .venv/bin/python benchmarks/decoder_calls.py [--steps 24] [--rounds 3]

The batched decoder (desk/core/pipeline/engines/batched_decoder.py) decodes a
step of up to 8 lanes; one CTranslate2 call says nothing until its last lane is
done, so the progress bar stands still for it. This runs the same encoder
outputs (30 s steps of the benchmark speech, tiny.en int8, beam 5) through
calls of 8 and of 4, interleaved, and prints wall and CPU time, the longest
call, and whether the outputs are identical. Figures, not asserts.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--steps", type=int, default=24)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from faster_whisper import WhisperModel
    from faster_whisper.audio import pad_or_trim
    from faster_whisper.tokenizer import Tokenizer
    from faster_whisper.transcribe import get_ctranslate2_storage, get_suppressed_tokens

    model = WhisperModel(str(resolve_model("tiny.en").path), device="cpu", compute_type="int8",
                         cpu_threads=args.threads)
    audio = read_audio(speech_media(14).path)
    step = 30 * SAMPLE_RATE
    count = min(args.steps, audio.size // step)
    features = np.stack([pad_or_trim(model.feature_extractor(audio[i * step:(i + 1) * step])
                                     [..., :-1]) for i in range(count)])
    tokenizer = Tokenizer(model.hf_tokenizer, False, task="transcribe", language="en")
    prompt = model.get_prompt(tokenizer, [], without_timestamps=False)
    suppress = get_suppressed_tokens(tokenizer, [-1])
    encoded = np.concatenate([np.asarray(model.encode(features[i:i + 2]))
                              for i in range(0, count, 2)])

    def call(rows: list[int]) -> list:
        return model.model.generate(
            get_ctranslate2_storage(np.ascontiguousarray(encoded[rows])),
            [list(prompt)] * len(rows), beam_size=5, max_length=448, suppress_blank=True,
            suppress_tokens=suppress, return_scores=True, return_no_speech_prob=True,
            max_initial_timestamp_index=50)

    def run(lanes: int) -> tuple[list, float, float, float]:
        outputs: list = []
        longest = 0.0
        wall, cpu = time.perf_counter(), time.process_time()
        for batch in range(0, count, 8):
            for first in range(batch, min(batch + 8, count), lanes):
                started = time.perf_counter()
                outputs += [(r.sequences_ids[0], r.scores[0], r.no_speech_prob)
                            for r in call(list(range(first, min(first + lanes, batch + 8,
                                                                count))))]
                longest = max(longest, time.perf_counter() - started)
        return outputs, time.perf_counter() - wall, time.process_time() - cpu, longest

    call([0, 1])  # warm up
    print(f"tiny.en int8 beam 5, {args.threads} threads, {count} steps in batches of 8; "
          f"load average {os.getloadavg()[0]:.1f}")
    reference = None
    for _ in range(args.rounds):
        for lanes in (8, 4):
            outputs, wall, cpu, longest = run(lanes)
            reference = reference or outputs
            print(f"  calls of {lanes} lanes: wall {wall:6.2f} s, CPU {cpu:6.2f} s, longest "
                  f"call {longest:5.2f} s, outputs identical: {outputs == reference}",
                  flush=True)
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
