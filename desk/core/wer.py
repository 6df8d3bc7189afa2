"""Word error rate: how far a transcript is from what was said.

Used by the engine tests and the benchmarks to judge transcripts of generated
speech. Case and punctuation are ignored, since Whisper's choices there say
nothing about whether it heard the words.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")


def normalized_words(text: str) -> list[str]:
    """Lower-case words without punctuation ("Later, they" → ["later", "they"])."""
    return _WORD.findall(text.lower().replace("’", "'"))


def word_edit_distance(reference: list[str], hypothesis: list[str]) -> int:
    """Substitutions + deletions + insertions turning `reference` into `hypothesis`."""
    previous = list(range(len(hypothesis) + 1))
    for i, ref_word in enumerate(reference, start=1):
        current = [i]
        for j, hyp_word in enumerate(hypothesis, start=1):
            current.append(
                min(
                    previous[j] + 1,  # deletion
                    current[j - 1] + 1,  # insertion
                    previous[j - 1] + (ref_word != hyp_word),  # substitution or match
                )
            )
        previous = current
    return previous[-1]


def word_error_rate(reference: str, hypothesis: str) -> float:
    """Edits per reference word; 0.0 is perfect, above 1.0 is possible."""
    ref, hyp = normalized_words(reference), normalized_words(hypothesis)
    if not ref:
        return 0.0 if not hyp else 1.0
    return word_edit_distance(ref, hyp) / len(ref)
