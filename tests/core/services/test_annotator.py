"""Who is coding: the chosen name, else $DESK_ANNOTATOR, else the login name."""

from __future__ import annotations

import getpass

import pytest

from desk.core.services.annotator import default_annotator, preset_annotator


def test_the_chosen_name_then_the_preset_then_the_login(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESK_ANNOTATOR", "  preset ")
    assert preset_annotator() == "preset"
    assert default_annotator("  Anna ") == "Anna"
    assert default_annotator() == default_annotator("   ") == "preset"
    monkeypatch.delenv("DESK_ANNOTATOR")
    assert preset_annotator() == ""
    assert default_annotator() == getpass.getuser()


def test_no_login_name_is_an_empty_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DESK_ANNOTATOR")

    def no_user() -> str:
        raise KeyError("uid not in passwd")

    monkeypatch.setattr(getpass, "getuser", no_user)
    assert default_annotator() == ""
