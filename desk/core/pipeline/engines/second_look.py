"""Adaptive decoding: decode every step greedily, and again with beam search where in doubt.

Why: beam search (width 5) costs about twice the greedy decoder per step
(benchmarks/step_costs.py), but on most steps it writes the same words. The
greedy answer is kept where the model was sure of it; a step is decoded again
with beam search, from the same encoder output (the audio is not encoded
twice), when its greedy text looks doubtful:

* its average token log-probability is low (the model hesitated), or
* it compresses well (the start of a repetition loop), or
* it is long for its audio (more tokens per second than people speak), or
* it says nothing although the audio has sound in it.

The thresholds were measured on the benchmark speech (benchmarks/second_look.py
prints, for each threshold, the share of steps decoded again and the words
that beam search changes there; benchmarks/README.md has the figures).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StepLook:
    """What the greedy pass says about one step of one lane."""

    avg_logprob: float
    compression_ratio: float
    tokens: int  # text tokens, timestamps not counted
    seconds: float  # the audio the step read
    no_speech_prob: float


@dataclass(frozen=True)
class SecondLook:
    """When a greedy step is decoded again, and with which beam."""

    beam_size: int = 5
    min_avg_logprob: float = -0.40
    max_compression_ratio: float = 2.0
    max_tokens_per_second: float = 6.0
    max_no_speech_prob: float = 0.6  # over this, an empty step is silence, not a doubt

    def doubtful(self, look: StepLook) -> bool:
        """Whether beam search should decode this step again (see the module doc)."""
        if look.tokens == 0:
            return look.no_speech_prob <= self.max_no_speech_prob
        return (
            look.avg_logprob < self.min_avg_logprob
            or look.compression_ratio > self.max_compression_ratio
            or look.tokens > self.max_tokens_per_second * max(look.seconds, 1.0)
        )
