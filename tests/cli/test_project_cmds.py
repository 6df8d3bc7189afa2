"""The CLI contract: output shapes, exit codes, and bad input that changes nothing."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desk.core.store import Project
from tests.cli.cli_run import digest, run


def test_new_tag_list_json_shape(project_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "tag", project_path, "1.5", "00:04.250", "delay", "--note",
               "dead air", "--annotator", "Anna Müller")[0] == 0
    assert run(capsys, "tag", project_path, "0:10", "0:12", "praise exchange")[0] == 0
    code, out, _ = run(capsys, "annotations", project_path, "--json")
    data = json.loads(out)
    assert code == 0 and len(data) == 2
    assert set(data[0]) == {"id", "tag", "start", "end", "note", "annotator", "source",
                            "created_at", "updated_at"}
    assert (data[0]["tag"], data[0]["start"], data[0]["end"], data[0]["annotator"]) == (
        "delay", 1.5, 4.25, "Anna Müller")
    assert data[1]["annotator"] == "tester"  # from $DESK_ANNOTATOR
    code, out, _ = run(capsys, "annotations", project_path, "--tag", "delay")
    assert "dead air" in out and "praise" not in out


def test_the_same_tag_twice_is_refused(project_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "tag", project_path, "1.5", "4.25", "delay")[0] == 0
    before = digest(project_path)
    code, out, err = run(capsys, "tag", project_path, "00:01.5", "4.250", "delay")
    assert code == 2 and out == ""
    assert err == ("desk: error: delay 00:00:01.500–00:00:04.250 is already coded by tester "
                   "(annotation 1); nothing added\n")
    assert digest(project_path) == before


def test_stats_json(project_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "tag", project_path, "0", "3", "delay")
    run(capsys, "tag", project_path, "2", "6", "delay")  # overlaps: covered 6 s, total 7 s
    run(capsys, "tag", project_path, "10", "13", "Harris attacks")
    code, out, _ = run(capsys, "stats", project_path, "--json")
    data = json.loads(out)
    by_tag = {t["tag"]: t for t in data["tags"]}
    assert code == 0 and data["duration"] == pytest.approx(30.0, abs=0.1)
    assert by_tag["delay"]["count"] == 2 and by_tag["delay"]["total_seconds"] == 7.0
    assert by_tag["delay"]["covered_seconds"] == 6.0
    assert by_tag["delay"]["share"] == pytest.approx(0.2, abs=0.001)
    assert by_tag["Harris attacks"]["share"] == pytest.approx(0.1, abs=0.001)


def test_search_and_segments(project_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from desk.core.records import Segment, Transcript
    with Project.open(project_path) as project:
        t = project.transcripts.create(Transcript("openai", "tiny.en"))
        project.transcripts.add_segments(t.id, [Segment(1, 2, "a massive DDoS attack"),
                                                Segment(3, 4, "you are amazing")])
    code, out, _ = run(capsys, "search", project_path, "ddos", "--json")
    assert code == 0 and json.loads(out)[0]["start"] == 1
    code, out, _ = run(capsys, "segments", project_path)
    assert "[00:00:03.000 → 00:00:04.000] you are amazing" in out


@pytest.mark.parametrize("args, message", [
    (["tag", "{p}", "1", "2", "no such tag"], "unknown tag 'no such tag'"),
    (["tag", "{p}", "5", "2", "delay"], "must be after start"),
    (["tag", "{p}", "5", "99", "delay"], "after the end of the recording"),
    (["tag", "{p}", "-3", "2", "delay"], "not a time"),
    (["tag", "{p}", "1:75", "2", "delay"], "not a valid time"),
    (["tag", "{p}", "abc", "2", "delay"], "not a time"),
    (["codebook", "{p}", "--add", "x", "--colour", "red"], "must look like #"),
    (["codebook", "{p}", "--import", "nope-preset"], "unknown codebook preset"),
    (["search", "{p}", "   "], "at least one word"),
    (["tag", "{p}", "1", "2"], "required"),
])
def test_bad_input_exit_2_project_unchanged(project_path: Path, capsys: pytest.CaptureFixture[str],
                                            args: list[str], message: str) -> None:
    before = digest(project_path)
    code, out, err = run(capsys, *[a.replace("{p}", str(project_path)) for a in args])
    assert code == 2, err
    assert err.startswith("desk: error: ") and message in err and err.count("\n") == 1
    assert "Traceback" not in err + out
    assert digest(project_path) == before


@pytest.mark.parametrize("kind", ["missing", "text", "empty", "truncated", "no-audio", "folder"])
def test_new_with_bad_media(tmp_path: Path, tone_media: Path, kind: str,
                            capsys: pytest.CaptureFixture[str]) -> None:
    media = tmp_path / f"Schlagabtausch ü {kind}.mp4"
    if kind == "text":
        media.write_text("this is not a video")
    elif kind == "empty":
        media.write_bytes(b"")
    elif kind == "truncated":
        media.write_bytes(tone_media.read_bytes()[:2000])
    elif kind == "no-audio":
        subprocess.run(["ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i",
                        "color=c=red:s=64x64:d=2", str(media)], check=True)
    elif kind == "folder":
        media.mkdir()
    code, _, err = run(capsys, "new", media)
    assert code == 2 and err.startswith("desk: error: ") and err.count("\n") == 1
    assert not media.with_suffix(".desk").exists()


@pytest.mark.parametrize("content", [b"", b"not sqlite", b"SQLite format 3\x00" + b"\1" * 500])
def test_commands_on_non_projects(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                  content: bytes) -> None:
    path = tmp_path / "fake.desk"
    path.write_bytes(content)
    for args in (["annotations", path], ["tag", path, "1", "2", "delay"], ["stats", path]):
        code, _, err = run(capsys, *args)
        assert code == 2 and ("not a Desk project" in err or "damaged" in err)
    assert path.read_bytes() == content


def test_missing_ffmpeg_is_explained(tmp_path: Path, tone_media: Path,
                                     capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    code, _, err = run(capsys, "new", tone_media, "-p", tmp_path / "x.desk")
    assert code == 2 and "install ffmpeg" in err


def test_unexpected_failure_exit_1_with_log(project_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from desk.core.store.annotations import AnnotationStore

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(AnnotationStore, "list", boom)
    code, _, err = run(capsys, "annotations", project_path)
    assert code == 1 and "details are in" in err
    log = Path(err.strip().rsplit(" ", 1)[-1])
    assert "RuntimeError: bug" in log.read_text(encoding="utf-8")


def test_console_script_and_module_entry(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "desk", "--version"], capture_output=True,
                          text=True)
    assert done.returncode == 0 and done.stdout.startswith("desk ")
    desk_bin = Path(sys.executable).with_name("desk")
    done = subprocess.run([str(desk_bin), "tag", str(tmp_path / "none.desk"), "1", "2", "x"],
                          capture_output=True, text=True)
    assert done.returncode == 2 and done.stderr == (
        f"desk: error: project not found: {tmp_path / 'none.desk'}\n")


def test_relink_finds_or_verifies_a_moved_recording(project_path: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    recording = tmp_path / "Schlagabtausch ü.mp4"
    moved = tmp_path / "archive" / "renamed.mp4"
    moved.parent.mkdir()
    recording.rename(moved)
    code, out, err = run(capsys, "relink", project_path)
    assert code == 0, err
    assert out == f"relinked {project_path} to {moved.resolve()}\n"
    with Project.open(project_path, writable=False) as project:
        assert Path(project.media.get().path) == moved.resolve()
    stranger = tmp_path / "stranger.mp4"
    shutil.copy(moved, stranger)
    with stranger.open("r+b") as handle:  # same size, other content
        handle.write(b"\x00" * 64)
    before = digest(project_path)
    code, out, err = run(capsys, "relink", project_path, stranger)
    assert code == 2 and out == ""
    assert err == ("desk: error: stranger.mp4 is not the project's recording "
                   "(its content fingerprint differs)\n")
    assert digest(project_path) == before
    code, out, err = run(capsys, "relink", project_path, moved)
    assert code == 0 and "relinked" in out
