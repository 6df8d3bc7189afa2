"""The second look's rule: which greedy steps beam search decodes again."""

from __future__ import annotations

from desk.core.pipeline.engines.second_look import SecondLook, StepLook

RULE = SecondLook()


def look(**changes: float) -> StepLook:
    sure = {"avg_logprob": -0.15, "compression_ratio": 1.5, "tokens": 80, "seconds": 28.0,
            "no_speech_prob": 0.05}
    return StepLook(**{**sure, **changes})  # type: ignore[arg-type]


def test_a_step_the_model_is_sure_of_keeps_its_greedy_text() -> None:
    assert not RULE.doubtful(look())


def test_hesitation_repetition_and_too_many_words_are_doubtful() -> None:
    assert RULE.doubtful(look(avg_logprob=RULE.min_avg_logprob - 0.05))
    assert RULE.doubtful(look(compression_ratio=RULE.max_compression_ratio + 0.1))
    assert RULE.doubtful(look(tokens=RULE.max_tokens_per_second * 28 + 1))


def test_an_empty_step_is_doubtful_unless_it_is_silence() -> None:
    assert RULE.doubtful(look(tokens=0, no_speech_prob=0.2))
    assert not RULE.doubtful(look(tokens=0, no_speech_prob=0.9))
