"""`desk codebook`: add, edit, export and import tags from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.cli_run import run


@pytest.fixture


def test_codebook_add_edit_export_import(project_path: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "codebook", project_path, "--add", "fact check", "--colour", "#123456",
               "--key", "7", "--keywords", "false, wrong")[0] == 0
    assert run(capsys, "codebook", project_path, "--edit", "fact check", "--rename",
               "fact-check", "--key", "8")[0] == 0
    code, _, err = run(capsys, "codebook", project_path, "--add", "dup", "--key", "8")
    assert code == 2 and "already used by tag 'fact-check'" in err
    out_file = tmp_path / "mein codebook.json"
    assert run(capsys, "codebook", project_path, "--export", out_file)[0] == 0
    exported = json.loads(out_file.read_text(encoding="utf-8"))
    assert exported["tags"][-1] == {"name": "fact-check", "description": "", "colour": "#123456",
                                    "key": 8, "keywords": ["false", "wrong"]}
    assert run(capsys, "codebook", project_path, "--edit", "fact-check", "--archive")[0] == 0
    code, out, _ = run(capsys, "codebook", project_path, "--json")
    assert json.loads(out)[-1]["archived"] is True
    assert run(capsys, "codebook", project_path, "--import", "interview")[0] == 0
    code, out, _ = run(capsys, "codebook", project_path, "--json")
    assert "evasion" in {t["name"] for t in json.loads(out)}
