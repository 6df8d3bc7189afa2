"""`desk speaker`: rename, merge, split, colour, confirm — each one `desk undo` step."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk.core.records import Segment, Transcript, Word
from desk.core.store import Project
from tests.cli.cli_run import digest, run


@pytest.fixture
def diarized(project_path: Path) -> Path:
    """The project with two automatic speakers over three segments."""
    with Project.open(project_path) as project:
        t = project.transcripts.create(Transcript("faster", "tiny.en"))
        project.transcripts.add_segments(t.id, [
            Segment(0.0, 2.0, "we will win", [Word(0.0, 0.5, "we"), Word(0.5, 1.0, "will"),
                                             Word(1.0, 2.0, "win")],
                    speaker="Speaker 1", speaker_source="auto"),
            Segment(2.0, 3.0, "thank you.", [Word(2.0, 2.5, "thank"), Word(2.5, 3.0, "you.")],
                    speaker="Speaker 2", speaker_source="auto"),
        ])
    return project_path


def _speakers(capsys: pytest.CaptureFixture[str], path: Path) -> list[dict[str, object]]:
    code, out, err = run(capsys, "speaker", "list", path, "--json")
    assert code == 0, err
    data: list[dict[str, object]] = json.loads(out)
    return data


def test_rename_merge_and_undo(diarized: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "speaker", "rename", diarized, "Speaker 1", "Donald Trump")
    assert code == 0 and "Donald Trump" in out
    code, out, _ = run(capsys, "segments", diarized)
    assert "Donald Trump: we will win" in out
    listed = _speakers(capsys, diarized)
    assert [(s["number"], s["name"], s["origin"]) for s in listed] == [
        (1, "Donald Trump", "manual"), (2, "Speaker 2", "auto")]
    assert listed[0]["talk_seconds"] == 2.0 and listed[0]["turns"] == 1
    code, _, _ = run(capsys, "speaker", "merge", diarized, "Speaker 2", "Donald Trump")
    assert code == 0
    assert [s["name"] for s in _speakers(capsys, diarized)] == ["Donald Trump"]
    assert run(capsys, "undo", diarized)[0] == 0
    assert [s["name"] for s in _speakers(capsys, diarized)] == ["Donald Trump", "Speaker 2"]


def test_split_and_table(diarized: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "speaker", "split", diarized, "0.9", "2.0", "--to", "Elon Musk",
                         "--from", "speaker 1")
    assert code == 0, err
    assert "1 segment " in out
    code, out, _ = run(capsys, "segments", diarized)
    assert "Elon Musk: win" in out and "Speaker 1: we will" in out
    code, out, _ = run(capsys, "speaker", "list", diarized)
    assert out.splitlines()[0].split()[:3] == ["#", "speaker", "colour"]
    assert "Elon Musk" in out
    code, out, _ = run(capsys, "stats", diarized)
    assert "interruptions" in out


def test_bad_input_is_one_line_and_changes_nothing(
        diarized: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(diarized)
    for argv in (["rename", diarized, "Kamala", "X"],
                 ["merge", diarized, "Speaker 1", "Speaker 1"],
                 ["colour", diarized, "Speaker 1", "blue"], ["confirm", diarized, "Speaker 1"],
                 ["split", diarized, "3", "1", "--to", "X"],
                 ["assign", diarized, "999", "--to", "X"]):
        code, _, err = run(capsys, "speaker", *argv)
        assert code == 2 and err.startswith("desk: error: ") and err.count("\n") == 1, argv
    assert digest(diarized) == before


def test_add_colour_assign_and_voice_match(diarized: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "speaker", "add", diarized)
    assert code == 0 and "Speaker 3" in out
    assert run(capsys, "speaker", "colour", diarized, "Speaker 3", "#112233")[0] == 0
    code, out, _ = run(capsys, "segments", diarized, "--json")
    first = json.loads(out)[0]["id"]
    assert run(capsys, "speaker", "assign", diarized, first, "--to", "Speaker 3")[0] == 0
    with Project.open(diarized) as project, project.database.transaction() as conn:
        conn.execute("UPDATE speakers SET name='Elon Musk', matched_profile='Elon Musk', "
                     "matched_score=0.8, match_status='suggested' WHERE position=2")
    code, out, _ = run(capsys, "speaker", "list", diarized)
    assert "Elon Musk 0.80 (suggested)" in out
    assert run(capsys, "speaker", "reject", diarized, "Elon Musk")[0] == 0
    listed = _speakers(capsys, diarized)
    assert [(s["name"], s["colour"], s["segments"]) for s in listed] == [
        ("Speaker 1", "#0072B2", 0), ("Speaker 2", "#E69F00", 1), ("Speaker 3", "#112233", 1)]
    assert listed[1]["match_status"] == "rejected"


def test_what_did_one_speaker_say(diarized: Path, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "speaker", "rename", diarized, "Speaker 2", "Elon Musk")[0] == 0
    code, out, _ = run(capsys, "search", diarized, "thank", "--speaker", "elon musk")
    assert code == 0 and "Elon Musk: [thank] you." in out
    code, out, _ = run(capsys, "search", diarized, "win", "--speaker", "Elon Musk", "--json")
    assert code == 0 and json.loads(out) == []
    code, _, err = run(capsys, "search", diarized, "win", "--speaker", "Kamala")
    assert code == 2 and "no speaker 'Kamala'" in err
    target = tmp_path / "musk.srt"
    code, out, err = run(capsys, "export", diarized, "-f", "srt", "-o", target,
                         "--speaker", "elon MUSK")
    assert code == 0, err
    assert target.read_text(encoding="utf-8").count("-->") == 1
    assert "Elon Musk: thank you." in target.read_text(encoding="utf-8")
    provenance = json.loads((tmp_path / "musk.srt.provenance.json").read_text("utf-8"))
    assert provenance["includes"]["only_speakers"] == ["Elon Musk"]
    code, _, err = run(capsys, "export", diarized, "-f", "srt", "--speaker", "Kamala")
    assert code == 2 and "no speaker" in err
    code, _, err = run(capsys, "export", diarized, "-f", "srt", "--speaker", "Elon Musk",
                       "--no-speakers")
    assert code == 2 and "--no-speakers" in err
