"""What every command prints: aligned tables, readable JSON."""

from __future__ import annotations

import pytest

from desk.cli.common import print_json, print_table


def test_tables_align_all_but_the_last_column(capsys: pytest.CaptureFixture[str]) -> None:
    print_table([["1", "delay", "a long note"], ["12", "Harris attacks", "x"]],
                ["id", "tag", "note"])
    assert capsys.readouterr().out.splitlines() == [
        "id  tag             note",
        "1   delay           a long note",
        "12  Harris attacks  x"]
    print_table([], ["id", "tag"])
    assert capsys.readouterr().out == ""


def test_json_keeps_accents(capsys: pytest.CaptureFixture[str]) -> None:
    print_json({"speaker": "Müller"})
    assert capsys.readouterr().out == '{\n  "speaker": "Müller"\n}\n'
