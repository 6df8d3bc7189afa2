"""What every engine shares: its options as stored settings, and how many threads it uses."""

from __future__ import annotations

import pytest

from desk.core.pipeline.engines.base import TranscribeOptions, default_threads


def test_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESK_THREADS", "3")
    assert default_threads() == 3
    monkeypatch.setenv("DESK_THREADS", "many")
    assert 1 <= default_threads() <= 8


def test_options_are_stored_with_the_transcript() -> None:
    options = TranscribeOptions(language="de", initial_prompt="Kamala Harris", beam_size=1,
                                extra={"engine": "faster"})
    settings = options.to_settings()
    assert settings["language"] == "de" and settings["initial_prompt"] == "Kamala Harris"
    assert settings["beam_size"] == 1 and settings["engine"] == "faster"
    assert settings["word_timestamps"] is True
