"""openai's official checkpoints: their file names and the hashes Desk checks them against."""

from __future__ import annotations

from desk.core.weights.official import ALIASES, OFFICIAL_SHA256, checkpoint_file_name


def test_file_names_follow_openai_whisper() -> None:
    assert checkpoint_file_name("tiny.en") == "tiny.en.pt"
    assert checkpoint_file_name("large") == "large-v3.pt" == f"{ALIASES['large']}.pt"
    assert all(len(sha) == 64 and int(sha, 16) >= 0 for sha in OFFICIAL_SHA256.values())
