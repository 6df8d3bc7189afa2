"""The bad-input corpus of issue #11: every case exits 2 with one line, the project unchanged.

Each case builds its hostile input beside a real project made by `desk new`
on a real recording, runs the real `desk` command on it (in-process, as the
CLI tests do) and checks: exit code 2, exactly one line on stderr starting
`desk: error:` with the expected words, no traceback, no number longer than
a person would write, and the project's content hash unchanged. Cases that
would make a project (`desk new`, `desk transcribe MEDIA`) check that none
is left behind.
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import sqlite3
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from desk.core.pipeline import media as media_module
from desk.core.store.schema import APPLICATION_ID
from tests.cli.cli_run import run
from tests.conftest import project_digest
from tests.faults.disk_full import full_folder, inject_enospc


@dataclass
class Case:
    """What to run (`args`), what stderr must say, and which file must be unchanged."""

    args: list[object]
    says: str
    project: Path | None = None  # unchanged by the command (default: the fixture's project)
    not_made: Path | None = None  # a project the command must not leave behind


Builder = Callable[["Env"], Case]


@dataclass
class Env:
    """What a case builds on: a folder, the project, the recording, patching and clean-up."""

    tmp: Path
    project: Path
    media: Path
    mp: pytest.MonkeyPatch
    stack: contextlib.ExitStack
CASES: dict[str, Builder] = {}


def case(name: str) -> Callable[[Builder], Builder]:
    def register(builder: Builder) -> Builder:
        CASES[name] = builder
        return builder
    return register


def _write(path: Path, data: object | str) -> Path:
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


@case("json nested 10^5 deep")
def _deep_json(env: Env) -> Case:
    path = _write(env.tmp / "deep.json", "[" * 100_000 + "]" * 100_000)
    return Case(["import", env.project, path], "nested deeper than 64 levels")


@case("codebook nested 10^5 deep")
def _deep_codebook(env: Env) -> Case:
    path = _write(env.tmp / "deep.json", '{"tags": ' + "[" * 100_000 + "]" * 100_000 + "}")
    return Case(["codebook", env.project, "--import", path], "nested deeper than 64 levels")


@case("codebook with a 100,000-digit integer")
def _huge_int_codebook(env: Env) -> Case:
    path = _write(env.tmp / "big.json", '{"tags": [{"name": "x", "key": ' + "9" * 100_000 + "}]}")
    return Case(["codebook", env.project, "--import", path], "integer of 100,000 digits")


@case("Desk JSON with a 100,000-digit integer")
def _huge_int_json(env: Env) -> Case:
    path = _write(env.tmp / "big.json", '{"desk_project": 1, "annotations": [{"tag": "delay", '
                  '"start": ' + "1" * 100_000 + ', "end": 2}]}')
    return Case(["import", env.project, path], "integer of 100,000 digits")


@case('keywords "DDoS" (a text, not a list)')
def _keywords_text(env: Env) -> Case:
    path = _write(env.tmp / "cb.json", {"tags": [{"name": "claim", "keywords": "DDoS"}]})
    return Case(["codebook", env.project, "--import", path],
                "keywords: must be a list of texts such as [\"DDoS\"]")


@case('"name": null')
def _name_null(env: Env) -> Case:
    path = _write(env.tmp / "cb.json", {"tags": [{"name": None, "colour": "#000000"}]})
    return Case(["codebook", env.project, "--import", path], "tag #1 has no name")


@case('"name": 5')
def _name_number(env: Env) -> Case:
    path = _write(env.tmp / "cb.json", {"tags": [{"name": 5}]})
    return Case(["codebook", env.project, "--import", path], "tag #1.name: must be text, not 5")


@case("keywords [1, null, {...}]")
def _keywords_mixed(env: Env) -> Case:
    path = _write(env.tmp / "cb.json", {"tags": [{"name": "b", "keywords": [1, None, {"a": 1}]}]})
    return Case(["import", env.project, path], "keywords[0]: must be text, not 1")


@case("a Desk JSON codebook with keywords [null]")
def _json_codebook_null(env: Env) -> Case:
    path = _write(env.tmp / "p.json", {"desk_project": 1, "codebook": {
        "tags": [{"name": "b", "keywords": [None]}]}, "annotations": []})
    return Case(["import", env.project, path], "keywords[0]: must be text, not null")


@case("1e308 as a time in a Desk JSON import")
def _huge_time_json(env: Env) -> Case:
    path = _write(env.tmp / "p.json", {"desk_project": 1, "annotations": [
        {"tag": "delay", "start": 1.0, "end": 1e308}]})
    return Case(["import", env.project, path], "ends at 1e308 s, after the end of the recording")


@case("1e308 as a time on the command line")
def _huge_time_cli(env: Env) -> Case:
    return Case(["tag", env.project, "5", "1e308", "delay"], "end 1e308 s is after the end")


@case("equal start and end in a Desk JSON import")
def _equal_json(env: Env) -> Case:
    path = _write(env.tmp / "p.json", {"desk_project": 1, "annotations": [
        {"tag": "delay", "start": 2, "end": 2}]})
    return Case(["import", env.project, path], "has no length (it starts and ends at 2.000 s)")


@case("equal start and end in an SRT cue")
def _equal_srt(env: Env) -> Case:
    path = _write(env.tmp / "p.srt", "1\n00:00:02,000 --> 00:00:02,000\nhello\n")
    return Case(["import", env.project, path],
                "the cue has no length (it starts and ends at 00:00:02.000)")


@case("equal start and end in an ELAN file")
def _equal_eaf(env: Env) -> Case:
    path = _write(env.tmp / "p.eaf", (
        '<ANNOTATION_DOCUMENT><HEADER TIME_UNITS="milliseconds"/><TIME_ORDER>'
        '<TIME_SLOT TIME_SLOT_ID="a" TIME_VALUE="2000"/><TIME_SLOT TIME_SLOT_ID="b" '
        'TIME_VALUE="2000"/></TIME_ORDER><TIER TIER_ID="A"><ANNOTATION><ALIGNABLE_ANNOTATION '
        'ANNOTATION_ID="x" TIME_SLOT_REF1="a" TIME_SLOT_REF2="b"><ANNOTATION_VALUE>hi'
        "</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER></ANNOTATION_DOCUMENT>"))
    return Case(["import", env.project, path], "has no length (it starts and ends at 2.000 s)")


@case("an ELAN header property nested 10^5 deep")
def _deep_eaf_property(env: Env) -> Case:
    path = _write(env.tmp / "p.eaf", (
        '<ANNOTATION_DOCUMENT><HEADER TIME_UNITS="milliseconds"><PROPERTY NAME="desk:codebook">'
        + "[" * 100_000 + "]" * 100_000 + "</PROPERTY></HEADER></ANNOTATION_DOCUMENT>"))
    return Case(["import", env.project, path], "nested deeper than 64 levels")


@case("Desk's header, format 1, no tables")
def _header_without_tables(env: Env) -> Case:
    hollow = env.tmp / "hollow.desk"
    conn = sqlite3.connect(hollow)
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    conn.execute("PRAGMA user_version=1")
    conn.execute("CREATE TABLE scratch(x)")  # the file gets its pages, then loses the table
    conn.execute("DROP TABLE scratch")
    conn.commit()
    conn.close()
    return Case(["tag", hollow, "1", "2", "delay"], "is damaged (a Desk project without its "
                "tables", project=hollow)


@case("a corrupt project")
def _corrupt(env: Env) -> Case:
    broken = env.tmp / "broken.desk"
    shutil.copy(env.project, broken)
    with broken.open("r+b") as handle:  # no Project holds it
        handle.seek(4096 * 2)
        handle.write(b"\xde\xad" * 2048)
    return Case(["annotations", broken], "is damaged", project=broken)


@case("media deleted between probe and fingerprint")
def _media_vanishes(env: Env) -> Case:
    doomed = env.tmp / "doomed.mp4"
    shutil.copy(env.media, doomed)
    real = media_module.read_input_info

    def probe_then_delete(path: Path) -> media_module.InputInfo:
        info = real(path)
        Path(path).unlink()
        return info

    env.mp.setattr(media_module, "read_input_info", probe_then_delete)
    env.mp.setattr(media_module, "_check_audio_decodes", lambda path: None)
    return Case(["new", doomed], "was moved or deleted just now",
                not_made=env.tmp / "doomed.desk")


@case("desk new on an undecodable audio codec")
def _undecodable(env: Env) -> Case:
    fmt = struct.pack("<HHIIHH", 0x1234, 1, 16000, 32000, 2, 16)  # a codec nobody knows
    data = b"\x11" * 32000
    body = (b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data"
            + struct.pack("<I", len(data)) + data)
    wav = env.tmp / "odd.wav"
    wav.write_bytes(b"RIFF" + struct.pack("<I", len(body)) + body)
    return Case(["new", wav], "its sound cannot be decoded", not_made=env.tmp / "odd.desk")


@case("desk transcribe MEDIA --language de on an English-only model")
def _transcribe_wrong_language(env: Env) -> Case:
    fresh = env.tmp / "fresh.mp4"
    shutil.copy(env.media, fresh)
    return Case(["transcribe", fresh, "--model", "tiny.en", "--language", "de"],
                "model 'tiny.en' only knows English", not_made=env.tmp / "fresh.desk")


@case("a damaged .pt Whisper checkpoint")
def _damaged_checkpoint(env: Env) -> Case:
    garbage = env.tmp / "garbage.pt"
    garbage.write_bytes(bytes(range(256)) * 40)  # not a pickle, not a zip
    return Case(["transcribe", env.project, "--engine", "openai", "--model", garbage],
                "is damaged or not a Whisper checkpoint")


@case("disk full during export")
def _disk_full_export(env: Env) -> Case:
    folder = full_folder(env.tmp / "full", env.stack, env.mp)
    return Case(["export", env.project, "-f", "json", "-o", folder / "out.json"],
                "no space left on device")


@case("disk full during export (ENOSPC injected)")
def _enospc_export(env: Env) -> Case:
    folder = inject_enospc(env.tmp / "full", env.mp)
    return Case(["export", env.project, "-f", "csv", "-o", folder / "out.csv"],
                "no space left on device")


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_is_one_line_and_exit_2(name: str, tmp_path: Path, project_path: Path,
                                          tone_media: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    with contextlib.ExitStack() as stack:
        _check(CASES[name](Env(tmp_path, project_path, tone_media, monkeypatch, stack)),
               project_path, tmp_path, capsys)


def _check(spec: Case, project_path: Path, tmp_path: Path,
           capsys: pytest.CaptureFixture[str]) -> None:
    watched = spec.project or project_path
    before = _fingerprint(watched)
    code, _, err = run(capsys, *spec.args)
    lines = err.strip().splitlines()
    assert code == 2, err
    assert lines[-1].startswith("desk: error: ") and spec.says in lines[-1], err
    assert [line for line in lines if line.startswith("desk:")] == [lines[-1]]
    assert "Traceback" not in err
    assert not re.search(r"\d{25}", err), "a number no person would write"
    assert _fingerprint(watched) == before
    if spec.not_made is not None:
        assert lines == [lines[-1]], "refused before anything was made or started"
        assert not spec.not_made.exists()
        assert not list(spec.not_made.parent.glob(spec.not_made.name + "-*"))
    assert not list(tmp_path.rglob("*.part")) and not list(tmp_path.rglob("*backup*"))


def _fingerprint(path: Path) -> str:
    """The content hash; for a file SQLite cannot read, its bytes (nothing holds it open)."""
    try:
        return project_digest(path)
    except sqlite3.DatabaseError:
        import hashlib

        return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_hollow_project_never_piles_up_backups(tmp_path: Path, project_path: Path,
                                                 tone_media: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    spec = CASES["Desk's header, format 1, no tables"](
        Env(tmp_path, project_path, tone_media, monkeypatch, contextlib.ExitStack()))
    for _ in range(3):
        assert run(capsys, *spec.args)[0] == 2
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("hollow")) == [
        "hollow.desk"]
