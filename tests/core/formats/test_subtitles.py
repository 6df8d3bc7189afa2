"""SRT and WebVTT: read back by ffmpeg, `srt` and `webvtt-py`; imported as a transcript."""

from __future__ import annotations

import html
import subprocess
from pathlib import Path

import pytest
import srt
import webvtt

from desk.core.errors import FormatError, InputError
from desk.core.formats.registry import EXPORTERS, IMPORTERS
from desk.core.formats.selection import Selection
from desk.core.formats.subtitles import parse_srt, parse_vtt
from desk.core.store import Project
from tests.core.formats.annotated import SEGMENTS


def _ffmpeg_to_ass(path: Path) -> str:
    target = path.with_suffix(".ass")
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", str(path), str(target)],
                   check=True, capture_output=True)
    return target.read_text(encoding="utf-8")


def test_srt_is_read_by_srt_and_ffmpeg(coded: Project, tmp_path: Path) -> None:
    path = EXPORTERS["srt"].export(coded, tmp_path / "out.srt")
    raw = path.read_bytes()
    assert b"\r\n" in raw and not raw.startswith(b"\xef\xbb\xbf")
    cues = list(srt.parse(raw.decode("utf-8")))
    assert len(cues) == len(SEGMENTS)
    assert [round(c.start.total_seconds(), 3) for c in cues] == [s[0] for s in SEGMENTS]
    assert [round(c.end.total_seconds(), 3) for c in cues] == [s[1] for s in SEGMENTS]
    first = cues[0].content.replace("\r\n", "\n")
    assert first.splitlines() == ["Donald Trump: Thank you, Elon. It's great to be here.",
                                  "[tags: praise exchange]"]
    # praise exchange over two coders' overlapping ranges, listed once
    assert cues[1].content.count("praise exchange") == 1
    assert "suggested" not in raw.decode() and "migration remarks" not in raw.decode()
    ass = _ffmpeg_to_ass(path)
    assert ass.count("Dialogue:") == len(SEGMENTS)
    assert "Müller said" in ass


def test_vtt_is_read_by_webvtt_and_ffmpeg(coded: Project, tmp_path: Path) -> None:
    path = EXPORTERS["vtt"].export(coded, tmp_path / "out.vtt")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("WEBVTT\n")
    captions = webvtt.read(str(path))
    assert len(captions) == len(SEGMENTS)
    assert [c.voice for c in captions] == [s[2] for s in SEGMENTS]
    # webvtt-py leaves character references as they are; the spec decodes them
    assert html.unescape(captions[4].text) == SEGMENTS[4][3]
    assert "&lt;script&gt;" in text and "<script>" not in text
    assert "NOTE tags: DDoS claim" in text
    assert "-->" not in "".join(line for line in text.splitlines() if line.startswith("NOTE"))
    ass = _ffmpeg_to_ass(path)
    assert ass.count("Dialogue:") == len(SEGMENTS)


def test_options_drop_speakers_and_tags(coded: Project, tmp_path: Path) -> None:
    path = EXPORTERS["srt"].export(coded, tmp_path / "plain.srt",
                                   Selection(speakers=False, annotations=False))
    cues = list(srt.parse(path.read_text(encoding="utf-8")))
    assert cues[0].content == "Thank you, Elon. It's great to be here."


@pytest.mark.parametrize("fmt", ["srt", "vtt"])
def test_round_trip_as_a_new_transcript(coded: Project, blank: Project, tmp_path: Path,
                                        fmt: str) -> None:
    path = EXPORTERS[fmt].export(coded, tmp_path / f"out.{fmt}")
    summary = IMPORTERS[fmt].import_(blank, path)
    assert summary.segments == len(SEGMENTS) and summary.speakers == 2
    transcript = blank.transcripts.current()
    assert (transcript.engine, transcript.status) == ("import", "complete")
    assert transcript.model == f"{fmt}:out.{fmt}"
    got = [(s.start, s.end, s.speaker, s.text) for s in blank.transcripts.segments()]
    expected = [(s[0], s[1], s[2], s[3]) for s in SEGMENTS]
    if fmt == "srt":  # SRT has no escaping: its own formatting tags read as formatting
        expected[2] = (10.2, 14.0, None, "Kamala Harris has been a disaster & weak really.")
    assert got == expected
    assert blank.annotations.count() == 0


def test_a_second_import_makes_a_newer_transcript(coded: Project, blank: Project,
                                                  tmp_path: Path) -> None:
    path = EXPORTERS["srt"].export(coded, tmp_path / "out.srt")
    first = IMPORTERS["srt"].import_(blank, path).transcript_id
    second = IMPORTERS["srt"].import_(blank, path).transcript_id
    assert second > first and blank.transcripts.current().id == second


def test_foreign_srt_markup_and_numbers(tmp_path: Path) -> None:
    cues = parse_srt("1\n00:00:01,5 --> 00:00:02,000\n<i>Hello</i> {\\an8}there\n\n"
                     "2\n00:00:03,000 --> 00:00:04,250\nNo speaker: just text with colon"
                     " in it\n", "x.srt")
    assert [(c.start, c.end, c.text, c.speaker) for c in cues] == [
        (1.5, 2.0, "Hello there", None),
        (3.0, 4.25, "just text with colon in it", "No speaker")]


def test_vtt_without_hours_voice_classes_and_settings() -> None:
    cues = parse_vtt("WEBVTT - title\n\nSTYLE\n::cue { color: red }\n\n"
                     "intro\n01:02.500 --> 01:04.000 align:start line:0\n"
                     "<v.loud Anna Müller>Hi &amp; <c.x>welcome</c></v>\n", "x.vtt")
    assert [(c.start, c.end, c.text, c.speaker) for c in cues] == [
        (62.5, 64.0, "Hi & welcome", "Anna Müller")]


@pytest.mark.parametrize(("text", "message"), [
    ("1\n00:00:01,000 --> 00:00:0x,000\nbad\n", "x.srt, line 2: bad timestamp"),
    ("1\n00:00:01,000 --> 00:00:02,000\na\n\n2\n00:00:01,500 --> 00:00:03,000\nb\n",
     "x.srt, line 6: the cue starting at 00:00:01.500 overlaps the cue at line 2"),
    ("1\n00:00:05,000 --> 00:00:02,000\na\n", "line 2: the cue ends (00:00:02.000) before"),
    ("1\n00:01:75,000 --> 00:01:80,000\na\n", "minutes and seconds go to 59"),
    ("just some text\nwithout cues\n", "x.srt, line 1: expected a cue time"),
])
def test_broken_srt_names_the_line(tmp_path: Path, blank: Project, text: str,
                                   message: str) -> None:
    path = tmp_path / "x.srt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError, match=message.replace("(", r"\(").replace(")", r"\)")):
        IMPORTERS["srt"].import_(blank, path)
    assert blank.transcripts.current() is None


def test_vtt_needs_its_header(tmp_path: Path, blank: Project) -> None:
    path = tmp_path / "x.vtt"
    path.write_text("00:01.000 --> 00:02.000\nhello\n", encoding="utf-8")
    with pytest.raises(FormatError, match="line 1: a WebVTT file starts with 'WEBVTT'"):
        IMPORTERS["vtt"].import_(blank, path)


def test_subtitles_cannot_become_annotations(tmp_path: Path, blank: Project) -> None:
    path = tmp_path / "x.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\nhi\n", encoding="utf-8")
    with pytest.raises(InputError, match="x.srt can only be imported as transcript"):
        IMPORTERS["srt"].import_(blank, path, as_="annotations")


def test_cp1252_and_utf16_subtitles_are_decoded(tmp_path: Path, blank: Project) -> None:
    body = "1\r\n00:00:01,000 --> 00:00:02,000\r\nCafé déjà vu\r\n"
    (tmp_path / "a.srt").write_bytes(body.encode("cp1252"))
    (tmp_path / "b.srt").write_bytes(body.encode("utf-16"))
    for name in ("a.srt", "b.srt"):
        IMPORTERS["srt"].import_(blank, tmp_path / name)
        assert blank.transcripts.segments()[0].text == "Café déjà vu"
