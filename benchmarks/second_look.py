"""Which greedy steps beam search would change, and what each second-look threshold buys.

    .venv/bin/python benchmarks/second_look.py [--media speech14|sample|both] [--threads 2]
    .venv/bin/python benchmarks/second_look.py --sweep    # end to end, each rule: WER and time

Runs Desk's batched decoder over the benchmark speech in "accurate" mode and,
for every lane step, also decodes the same encoder output greedily. For each
step it keeps what the greedy answer says about itself (average log-probability,
compression ratio, tokens per second, no-speech probability) and how many
words beam search writes differently (word edit distance between the two
texts). Then, for each threshold of the second look alone and for Desk's rule
(desk/core/pipeline/engines/second_look.py), it prints the share of steps that
would be decoded again and the share of the differing words those steps hold.
A step's words are not comparable one to one (greedy may stop the step
elsewhere), so `--sweep` measures what counts: each rule end to end through
Desk's faster engine (word timestamps on), with its word error rate, wall
time and the share of steps decoded again, beside greedy and beam 5
everywhere. Figures, not asserts.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.transcribe_media import sample_media, speech_media
from desk.core.pipeline.decode import read_audio
from desk.core.pipeline.engines.batched_decoder import BatchedDecoder
from desk.core.pipeline.engines.second_look import SecondLook, StepLook
from desk.core.wer import normalized_words


@dataclass
class StepPair:
    look: StepLook  # the greedy answer's evidence
    greedy: str
    beam: str
    differing: int  # words beam search writes differently


def word_distance(a: str, b: str) -> int:
    x, y = normalized_words(a), normalized_words(b)
    row = list(range(len(y) + 1))
    for i, word in enumerate(x, 1):
        previous, row[0] = row[0], i
        for j, other in enumerate(y, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (word != other))
    return row[-1]


class RecordingDecoder(BatchedDecoder):
    """The accurate decoder that also asks the greedy decoder about every step."""

    pairs: list[StepPair]

    def _generate(self, encoded: Any, count: int, beam_size: int) -> list[Any]:
        beam = super()._generate(encoded, count, beam_size)
        greedy = super()._generate(encoded, count, 1)
        for g, b in zip(greedy, beam, strict=True):
            text_g = self._text(g)
            text_b = self._text(b)
            self.pairs.append(StepPair(self.look(g, self._seconds), text_g, text_b,
                                       word_distance(text_g, text_b)))
        return beam

    def _text(self, output: Any) -> str:
        return self._tokenizer.decode([t for t in output.sequences_ids[0]
                                       if t < self._tokenizer.eot])


def record(model: Any, audio: Any) -> list[StepPair]:
    decoder = RecordingDecoder(model, "en", 5, None, False, 8, lambda piece, start: [])
    decoder.pairs = []
    original = decoder._step

    def step(audio_: Any, lanes: Any, plan: Any, meter: Any) -> None:
        # the step's audio length, for tokens per second (the same for every lane: ~30 s)
        spans = [plan.step_end(lane.seek, lane.span.end) - lane.seek for lane in lanes]
        decoder._seconds = sum(spans) / len(spans)
        original(audio_, lanes, plan, meter)

    decoder._step = step  # type: ignore[method-assign]
    list(decoder.decode(audio))
    return decoder.pairs


def share(pairs: list[StepPair], rule: SecondLook) -> tuple[float, float]:
    flagged = [p for p in pairs if rule.doubtful(p.look)]
    words = sum(p.differing for p in pairs) or 1
    return len(flagged) / max(1, len(pairs)), sum(p.differing for p in flagged) / words


OFF = SecondLook(min_avg_logprob=-99.0, max_compression_ratio=99.0, max_tokens_per_second=99.0,
                 max_no_speech_prob=-1.0)


def report(label: str, pairs: list[StepPair]) -> None:
    changed = [p for p in pairs if p.differing]
    print(f"\n{label}: {len(pairs)} lane steps, {len(changed)} where beam search writes other "
          f"words ({sum(p.differing for p in pairs)} words in all)")
    print("  steps beam search changes (greedy evidence):")
    for p in changed:
        look = p.look
        print(f"    lp {look.avg_logprob:6.3f} cr {look.compression_ratio:4.2f} "
              f"tok/s {look.tokens / max(look.seconds, 1):4.1f} nsp {look.no_speech_prob:4.2f} "
              f"diff {p.differing:3d}  greedy: {p.greedy[:60]!r}  beam: {p.beam[:60]!r}")
    print("  one threshold alone: decoded again / differing words covered")
    for lp in (-0.2, -0.25, -0.3, -0.35, -0.4, -0.5, -0.6):
        f, w = share(pairs, replace(OFF, min_avg_logprob=lp))
        print(f"    avg log-prob < {lp:5.2f}: {100 * f:5.1f}% of steps, {100 * w:5.1f}% of words")
    for cr in (1.6, 1.8, 2.0, 2.2, 2.4):
        f, w = share(pairs, replace(OFF, max_compression_ratio=cr))
        print(f"    compression > {cr:4.1f}: {100 * f:5.1f}% of steps, {100 * w:5.1f}% of words")
    for tps in (4.0, 5.0, 6.0):
        f, w = share(pairs, replace(OFF, max_tokens_per_second=tps))
        print(f"    tokens/s > {tps:4.1f}: {100 * f:5.1f}% of steps, {100 * w:5.1f}% of words")
    f, w = share(pairs, replace(OFF, max_no_speech_prob=0.6))
    print(f"    empty with sound: {100 * f:5.1f}% of steps, {100 * w:5.1f}% of words")
    f, w = share(pairs, SecondLook())
    print(f"  Desk's rule {SecondLook()}: {100 * f:.1f}% of steps, {100 * w:.1f}% of words")


def sweep(model_ref: Any, threads: int, items: list[Any]) -> None:
    """Each rule end to end: WER, wall time, steps decoded again (see the module doc)."""
    import time

    from benchmarks.transcribe_media import word_error_rate
    from desk.core.pipeline.engines import faster_engine
    from desk.core.pipeline.engines.base import TranscribeOptions
    from desk.core.pipeline.engines.faster_engine import FasterWhisperEngine

    engine = FasterWhisperEngine(model_ref, threads)
    rules = [("faster", None), ("accurate", None)] + [
        (f"adaptive lp<{lp}", replace(SecondLook(), min_avg_logprob=lp))
        for lp in (-0.3, -0.35, -0.4, -0.45, -0.5)
    ] + [("adaptive, Desk's rule", SecondLook())]
    for item in items:
        audio = read_audio(item.path)
        print(f"\n{item.label} ({item.duration / 60:.1f} min), end to end, word timestamps on:")
        for label, rule in rules:
            decoding = label.split()[0].rstrip(",")
            if rule is not None:
                faster_engine.SecondLook = lambda beam, r=rule: replace(r, beam_size=beam)
            started = time.perf_counter()
            text = " ".join(s.text for s in engine.transcribe(
                audio, TranscribeOptions(language="en", decoding=decoding)))
            wall = time.perf_counter() - started
            faster_engine.SecondLook = SecondLook
            decoder = engine.last_decoder
            again = (f"{100 * decoder.steps_again / max(1, decoder.steps):5.1f}% of "
                     f"{decoder.steps} steps again" if decoder and rule else "")
            print(f"  {label:24} WER {100 * word_error_rate(item.reference, text):5.2f}%  "
                  f"wall {wall:6.1f} s  {again}  (load {os.getloadavg()[0]:.1f})", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--media", choices=["speech14", "sample", "both"], default="both")
    parser.add_argument("--sweep", action="store_true", help="each rule end to end")
    args = parser.parse_args()
    from faster_whisper import WhisperModel

    from desk.core.weights.catalog import resolve_model

    model_ref = resolve_model("tiny.en")
    model = WhisperModel(str(model_ref.path), device="cpu", compute_type="int8",
                         cpu_threads=args.threads)
    print(f"tiny.en int8, {args.threads} threads, load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    media = {"sample": [sample_media()], "speech14": [speech_media(14)],
             "both": [sample_media(), speech_media(14)]}[args.media]
    if args.sweep:
        sweep(model_ref, args.threads, media)
        return
    for item in media:
        report(item.label, record(model, read_audio(item.path)))


if __name__ == "__main__":
    main()
