"""Settings, keyboard and layout: typed QSettings, configurable shortcuts, restored docks."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.ui.settings import Settings


def test_settings_are_typed_persistent_and_versioned(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DESK_ANNOTATOR")
    path = tmp_path / "desk.ini"
    settings = Settings(path)
    assert settings.annotator == ""  # first run: the app will ask
    settings.annotator = "  Anna Müller "
    settings.skip_seconds = 120  # clamped to a sane range
    settings.theme = "neon"  # unknown: falls back
    settings.add_recent(tmp_path / "a.desk")
    settings.add_recent(tmp_path / "b.desk")
    settings.add_recent(tmp_path / "a.desk")
    again = Settings(path)
    assert again.annotator == "Anna Müller"
    assert again.skip_seconds == 60.0 and again.theme == "system"
    assert again.recent_projects == [str(tmp_path / "a.desk"), str(tmp_path / "b.desk")]
    assert again.store.value("version") in (2, "2")
    monkeypatch.setenv("DESK_ANNOTATOR", "preset")
    assert Settings(tmp_path / "other.ini").annotator == "preset"  # tests and shared installs


def test_an_older_settings_file_is_upgraded_and_kept_aside(tmp_path: Path) -> None:
    """Version 1 kept the tagging pane's options under tagging/ (now coding/) and a beam size."""
    path = tmp_path / "desk.ini"
    old = ("[General]\nversion=1\nannotator=Bea\n\n[tagging]\nsnap_to_words=true\n"
           "min_silence=7.5\n\n[playback]\nvolume=35\n\n[transcribe]\nbeam_size=1\n")
    path.write_text(old, encoding="utf-8")
    settings = Settings(path)
    assert (settings.snap_to_words, settings.min_silence) == (True, 7.5)
    assert (settings.annotator, settings.volume) == ("Bea", 35)
    assert settings.decoding == "faster"  # a beam of 1 was the faster choice
    assert not settings.store.contains("transcribe/beam_size")
    assert not settings.store.contains("tagging/snap_to_words")
    assert (tmp_path / "desk.ini.v1-backup").read_text(encoding="utf-8") == old
    assert Settings(path).snap_to_words  # upgraded once, read again as it is


def test_a_newer_settings_file_is_read_but_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "desk.ini"
    newer = "[General]\nversion=99\n\n[playback]\nvolume=abc\nskip_seconds=2.5\n"
    path.write_text(newer, encoding="utf-8")
    settings = Settings(path)
    assert (settings.volume, settings.skip_seconds) == (80, 2.5)  # malformed: the default
    assert path.read_text(encoding="utf-8") == newer
