"""`desk export` and `desk import`: default paths, options, hostile files that change nothing."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.cli.cli_run import digest, run
from tests.core.formats.annotated import ANNOTATIONS, SEGMENTS, build_annotated_project


@pytest.fixture
def project_path(tmp_path: Path, tone_media: Path) -> Path:
    path = tmp_path / "Interview ü.desk"
    build_annotated_project(path, tone_media).close()
    assert not Path(f"{path}-wal").exists()  # closed: everything is in the main file
    return path


def test_export_every_format_to_default_paths(project_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    for fmt, suffix in (("srt", ".srt"), ("vtt", ".vtt"), ("json", ".json"), ("eaf", ".eaf"),
                        ("textgrid", ".TextGrid"), ("html", ".html"), ("md", ".md"),
                        ("docx", ".docx")):
        code, out, err = run(capsys, "export", project_path, "-f", fmt)
        target = project_path.with_suffix(suffix)
        side = [f"wrote {target}.provenance.json"] if fmt == "srt" else []  # no room in SRT
        assert (code, err) == (0, "") and out.splitlines() == [f"wrote {target}", *side]
        assert target.stat().st_size > 200
    code, out, _ = run(capsys, "export", project_path, "-f", "csv")
    assert code == 0 and out.splitlines() == [
        f"wrote {project_path.with_name('Interview ü.segments.csv')}",
        f"wrote {project_path.with_name('Interview ü.annotations.csv')}",
        f"wrote {project_path.with_name('Interview ü.csv.provenance.json')}"]
    code, out, _ = run(capsys, "export", project_path, "-f", "csv", "--table", "annotations")
    assert out.splitlines()[0] == (
        f"wrote {project_path.with_name('Interview ü.annotations.csv')}")


def test_export_options(project_path: Path, tmp_path: Path,
                        capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "plain.srt"
    assert run(capsys, "export", project_path, "-f", "srt", "-o", out_file, "--no-speakers",
               "--no-tags")[0] == 0
    assert "Donald Trump" not in out_file.read_text(encoding="utf-8")
    code, _, err = run(capsys, "export", project_path, "-f", "srt", "--table", "segments")
    assert code == 2 and err == "desk: error: --table does not apply to srt exports\n"
    data = tmp_path / "all.json"
    run(capsys, "export", project_path, "-f", "json", "-o", data)
    assert len(json.loads(data.read_text(encoding="utf-8"))["annotations"]) == len(
        ANNOTATIONS) + 1
    code, out, _ = run(capsys, "export", project_path, "-f", "clips", "--tag", "delay", "-o",
                       tmp_path / "evidence")
    assert code == 0 and out == f"wrote clips to {tmp_path / 'evidence'} (2 files there)\n"
    assert sorted(p.name for p in (tmp_path / "evidence").iterdir()) == [
        "delay_00-00-00.000.mp4", "provenance.json"]
    code, _, err = run(capsys, "export", project_path, "-f", "clips", "--tag", "nope")
    assert code == 2 and err.startswith("desk: error: unknown tag 'nope' (tags: delay, ")
    code, out, _ = run(capsys, "export", project_path, "-f", "clips", "--tag", "delay",
                       "--normalise", "-o", tmp_path / "listen")
    assert code == 0 and sorted(p.name for p in (tmp_path / "listen").iterdir()) == [
        "delay_00-00-00.000.m4a", "provenance.json"]
    code, _, err = run(capsys, "export", project_path, "-f", "srt", "--normalise")
    assert code == 2 and err == "desk: error: --normalise does not apply to srt exports\n"


def test_export_to_a_missing_folder_is_a_clear_error(project_path: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "export", project_path, "-f", "md", "-o",
                       tmp_path / "nope" / "x.md")
    assert code == 2 and err.startswith("desk: error: folder does not exist")


def test_import_round_trip_through_the_cli(project_path: Path, tmp_path: Path,
                                           tone_media: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    eaf = tmp_path / "coded.eaf"
    assert run(capsys, "export", project_path, "-f", "eaf", "-o", eaf)[0] == 0
    assert run(capsys, "new", tone_media, "-p", tmp_path / "other.desk")[0] == 0
    code, out, _ = run(capsys, "import", tmp_path / "other.desk", eaf)
    assert code == 0
    # the new project has the default codebook: only the extra tag is added
    assert out == (f"imported coded.eaf: transcript 1 with {len(SEGMENTS)} segments, "
                   f"2 speakers; 1 tags added, 0 updated; {len(ANNOTATIONS)} annotations\n")
    code, out, _ = run(capsys, "annotations", tmp_path / "other.desk", "--json")
    assert len(json.loads(out)) == len(ANNOTATIONS)


BILLION_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
                  '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;">]>'
                  '<ANNOTATION_DOCUMENT><TIER TIER_ID="&c;"/></ANNOTATION_DOCUMENT>')
XXE = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
       '<ANNOTATION_DOCUMENT><TIER TIER_ID="&x;"/></ANNOTATION_DOCUMENT>')
NO_SLOT = ('<ANNOTATION_DOCUMENT><HEADER/><TIME_ORDER/><TIER TIER_ID="A"><ANNOTATION>'
           '<ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" '
           'TIME_SLOT_REF2="ts2"><ANNOTATION_VALUE>x</ANNOTATION_VALUE>'
           '</ALIGNABLE_ANNOTATION></ANNOTATION></TIER></ANNOTATION_DOCUMENT>')


@pytest.mark.parametrize(("name", "content", "message"), [
    ("bomb.eaf", BILLION_LAUGHS, "bomb.eaf was refused: it declares a DTD or XML entities"),
    ("xxe.eaf", XXE, "xxe.eaf was refused: it declares a DTD or XML entities"),
    ("slots.eaf", NO_SLOT, "slots.eaf, TIER 'A', ANNOTATION 'a1': time slot 'ts1' does not"),
    ("bad.srt", "1\n00:00:01,000 --> 00:00:02\nhi\n", "bad.srt, line 2: bad timestamp"),
    ("overlap.srt", "1\n00:00:01,000 --> 00:00:05,000\na\n\n2\n00:00:04,000 --> "
     "00:00:06,000\nb\n", "overlap.srt, line 6: the cue starting at 00:00:04.000 overlaps"),
    ("late.vtt", "WEBVTT\n\n00:01:00.000 --> 00:01:02.000\nafter the end\n",
     "late.vtt, line 3: the segment ends at 62.000 s, after the end of the recording"),
    ("binary.srt", os.urandom(64) + b"\x00" + os.urandom(64), "binary.srt is not a text file"),
    ("binary.eaf", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary.eaf, line 1, column"),
    ("empty.eaf", b"", "empty.eaf is empty"),
    ("blank.srt", "\n\n  \n", "blank.srt holds only blank lines"),
    ("empty.json", b"", "empty.json is empty"),
    ("list.json", "[1, 2]", "list.json is neither a Desk project export nor a codebook"),
    ("notes.txt", "hello", "cannot import notes.txt: Desk imports .eaf, .json, .srt, .vtt"),
])
def test_hostile_or_broken_files_change_nothing(project_path: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str], name: str,
                                                content: str | bytes, message: str) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    before = digest(project_path)
    code, out, err = run(capsys, "import", project_path, path)
    assert code == 2 and out == ""
    assert err.startswith(f"desk: error: {message}") and err.count("\n") == 1, err
    assert "Traceback" not in err
    assert digest(project_path) == before
    assert not Path(f"{project_path}-wal").exists() or digest(project_path) == before


def test_missing_file_and_wrong_mode(project_path: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(project_path)
    code, _, err = run(capsys, "import", project_path, tmp_path / "nope.srt")
    assert code == 2 and err == f"desk: error: file not found: {tmp_path / 'nope.srt'}\n"
    srt_file = tmp_path / "ok.srt"
    srt_file.write_text("1\n00:00:01,000 --> 00:00:02,000\nhi\n", encoding="utf-8")
    code, _, err = run(capsys, "import", project_path, srt_file, "--as", "annotations")
    assert code == 2 and err == "desk: error: ok.srt can only be imported as transcript\n"
    assert digest(project_path) == before
