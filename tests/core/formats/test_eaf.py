"""ELAN: pympi-ling reads our tiers; EAF → Desk keeps every segment and annotation;
foreign and hostile files are handled."""

from __future__ import annotations

from pathlib import Path

import pympi
import pytest

from desk.core.errors import FormatError, InputError
from desk.core.formats.registry import EXPORTERS, IMPORTERS
from desk.core.store import Project
from tests.core.formats.annotated import (
    ANNOTATIONS,
    HOSTILE_TAG,
    SEGMENTS,
    annotation_facts,
    segment_facts,
    tag_facts,
)


def test_pympi_reads_tiers_and_counts(coded: Project, tmp_path: Path) -> None:
    path = EXPORTERS["eaf"].export(coded, tmp_path / "out.eaf")
    eaf = pympi.Elan.Eaf(str(path))
    counts = {name: len(eaf.get_annotation_data_for_tier(name))
              for name in eaf.get_tier_names()}
    # several coders: one tier per tag and coder; tags nobody used keep one empty tier
    assert counts == {
        "Donald Trump": 3, "Elon Musk": 2, "transcript": 1,
        "delay @anna": 1, "DDoS claim @anna": 1, "praise exchange @anna": 1,
        "praise exchange @ben": 1, "Harris attacks @ben": 1, "migration remarks": 0,
        "unchallenged claim": 0, f"{HOSTILE_TAG} @Zoë <z@x>": 1}
    assert eaf.tiers["Elon Musk"][2]["PARTICIPANT"] == "Elon Musk"
    assert eaf.tiers["praise exchange @ben"][2]["ANNOTATOR"] == "ben"
    (start, end, value), = eaf.get_annotation_data_for_tier("Harris attacks @ben")
    assert (start, end, value) == (10200, 14000, '<script>alert("note")</script>')
    assert [v for _, _, v in eaf.get_annotation_data_for_tier("Elon Musk")] == [
        SEGMENTS[1][3], SEGMENTS[4][3]]
    media = eaf.media_descriptors[0]
    assert media["MEDIA_URL"].startswith("file:///") and media["MIME_TYPE"] == "video/mp4"
    assert media["RELATIVE_MEDIA_URL"].endswith("tone.mp4")
    cv_entries = eaf.controlled_vocabularies["desk-codebook"][1]
    assert len(cv_entries) == 7


def test_one_coder_means_tag_tiers_and_lanes_for_overlaps(blank: Project,
                                                          tmp_path: Path) -> None:
    from desk.core.coding.codebook import load_codebook

    blank.tags.apply_codebook(load_codebook("trump-musk-x-2024"))
    blank.annotations.add("delay", 1.0, 5.0, note="a", annotator="anna")
    blank.annotations.add("delay", 4.0, 6.0, note="b", annotator="anna")
    blank.annotations.add("delay", 7.0, 8.0, note="c", annotator="anna")
    eaf = pympi.Elan.Eaf(str(EXPORTERS["eaf"].export(blank, tmp_path / "x.eaf")))
    assert eaf.get_annotation_data_for_tier("delay") == [(1000, 5000, "a"), (7000, 8000, "c")]
    assert eaf.get_annotation_data_for_tier("delay #2") == [(4000, 6000, "b")]


def test_round_trip_keeps_segments_speakers_tags_annotations(coded: Project, blank: Project,
                                                             tmp_path: Path) -> None:
    path = EXPORTERS["eaf"].export(coded, tmp_path / "out.eaf")
    summary = IMPORTERS["eaf"].import_(blank, path)
    assert (summary.segments, summary.annotations) == (len(SEGMENTS), len(ANNOTATIONS))
    assert segment_facts(blank, words=False) == segment_facts(coded, words=False)
    assert tag_facts(blank) == tag_facts(coded)  # colours, keys, keywords via desk:codebook
    assert annotation_facts(blank) == annotation_facts(coded)
    assert {a.source for a in blank.annotations.list()} == {"imported"}
    transcript = blank.transcripts.current()
    assert transcript.engine == "import" and transcript.settings["original"]["model"] == "tiny.en"


def test_an_import_is_one_undoable_step(coded: Project, blank: Project, tmp_path: Path) -> None:
    path = EXPORTERS["eaf"].export(coded, tmp_path / "out.eaf")
    before = blank.history.last_action_id()
    IMPORTERS["eaf"].import_(blank, path)
    (step,) = [a for a in blank.history.actions() if a.id != before]
    assert step.label == f"import out.eaf (transcript of {len(SEGMENTS)} segments, 7 tags, " \
        f"{len(ANNOTATIONS)} annotations)"
    blank.history.undo()  # tags, the transcript version and the annotations, all at once
    assert blank.annotations.count() == 0 and blank.tags.list(include_archived=True) == []
    assert blank.transcripts.current() is None and blank.versions.list() == []
    blank.history.redo()
    assert annotation_facts(blank) == annotation_facts(coded)
    assert segment_facts(blank, words=False) == segment_facts(coded, words=False)


def test_round_trip_in_parts(coded: Project, blank: Project, tmp_path: Path) -> None:
    path = EXPORTERS["eaf"].export(coded, tmp_path / "out.eaf")
    IMPORTERS["eaf"].import_(blank, path, as_="transcript")
    assert blank.annotations.count() == 0 and blank.tags.list() == []
    assert len(blank.transcripts.segments()) == len(SEGMENTS)
    IMPORTERS["eaf"].import_(blank, path, as_="annotations")
    assert annotation_facts(blank) == annotation_facts(coded)
    assert len(blank.transcripts.list()) == 1


def _foreign_eaf(path: Path) -> Path:
    """An ELAN file as a linguist would make it (written by pympi, not by Desk)."""
    eaf = pympi.Elan.Eaf(author="someone")
    eaf.add_controlled_vocabulary("codes")
    eaf.add_language("eng", "http://cdb.iso.org/lg/CDB-00138502-001", "English (eng)")
    eaf.add_cv_entry("codes", "cve1", [("flattery", "eng", "compliments")])
    eaf.add_cv_entry("codes", "cve2", [("insult", "eng", "")])
    eaf.add_linguistic_type("coding", param_dict={"LINGUISTIC_TYPE_ID": "coding",
                                                  "CONTROLLED_VOCABULARY_REF": "codes",
                                                  "TIME_ALIGNABLE": "true",
                                                  "GRAPHIC_REFERENCES": "false"})
    eaf.add_tier("A", part="Anna")
    eaf.add_tier("B")
    eaf.add_tier("codes tier", ling="coding", ann="coder1")
    eaf.add_tier("A notes", parent="A", ling="default-lt")
    eaf.add_annotation("A", 1000, 2500, "Hello there.")
    eaf.add_annotation("B", 2600, 4000, "Hi, Anna.")
    eaf.add_annotation("A", 4100, 6000, "You are amazing.")
    eaf.add_annotation("codes tier", 4100, 6000, "flattery")
    eaf.add_annotation("codes tier", 7000, 9000, "insult")
    pympi.Elan.to_eaf(str(path), eaf)
    return path


def test_foreign_eaf_with_a_controlled_vocabulary(blank: Project, tmp_path: Path) -> None:
    path = _foreign_eaf(tmp_path / "foreign.eaf")
    summary = IMPORTERS["eaf"].import_(blank, path)
    assert [(s.start, s.end, s.speaker, s.text) for s in blank.transcripts.segments()] == [
        (1.0, 2.5, "Anna", "Hello there."), (2.6, 4.0, "B", "Hi, Anna."),
        (4.1, 6.0, "Anna", "You are amazing.")]
    assert [(t.name, t.description) for t in blank.tags.list()] == [
        ("flattery", "compliments"), ("insult", "")]
    assert all(t.colour.startswith("#") and t.colour != "#888888" for t in blank.tags.list())
    assert [(a.tag, a.start, a.end, a.annotator) for a in blank.annotations.list()] == [
        ("flattery", 4.1, 6.0, "coder1"), ("insult", 7.0, 9.0, "coder1")]
    assert summary.warnings == ["skipped dependent tiers: A notes"]


def test_foreign_tiers_as_annotations(blank: Project, tmp_path: Path) -> None:
    path = _foreign_eaf(tmp_path / "foreign.eaf")
    IMPORTERS["eaf"].import_(blank, path, as_="annotations")
    assert blank.transcripts.current() is None
    got = [(a.tag, a.note) for a in blank.annotations.list()]
    assert ("A", "Hello there.") in got and ("flattery", "") in got and len(got) == 5


XXE = """<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<ANNOTATION_DOCUMENT><HEADER/><TIME_ORDER/><TIER TIER_ID="&x;"/></ANNOTATION_DOCUMENT>"""
LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<ANNOTATION_DOCUMENT><HEADER/><TIER TIER_ID="&lol3;"/></ANNOTATION_DOCUMENT>"""
MISSING_SLOT = """<?xml version="1.0" encoding="UTF-8"?>
<ANNOTATION_DOCUMENT FORMAT="3.0"><HEADER TIME_UNITS="milliseconds"/>
<TIME_ORDER><TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="100"/></TIME_ORDER>
<TIER TIER_ID="Anna" LINGUISTIC_TYPE_REF="t"><ANNOTATION>
<ALIGNABLE_ANNOTATION ANNOTATION_ID="a7" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2">
<ANNOTATION_VALUE>hi</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER>
</ANNOTATION_DOCUMENT>"""


@pytest.mark.parametrize(("content", "message"), [
    (XXE, "out.eaf was refused: it declares a DTD or XML entities"),
    (LAUGHS, "out.eaf was refused: it declares a DTD or XML entities"),
    (MISSING_SLOT, "TIER 'Anna', ANNOTATION 'a7': time slot 'ts2' does not exist"),
    (MISSING_SLOT.replace('TIME_SLOT_REF2="ts2"', 'TIME_SLOT_REF2="ts3"').replace(
        "</TIME_ORDER>", '<TIME_SLOT TIME_SLOT_ID="ts3"/></TIME_ORDER>'),
     "time slot 'ts3' has no time value"),
    ("<ANNOTATION_DOCUMENT><TIER>", r"out.eaf, line 1, column \d+: not well-formed XML"),
    ("<html><body/></html>", "XML but not an ELAN file"),
])
def test_hostile_and_broken_eaf(blank: Project, tmp_path: Path, content: str,
                                message: str) -> None:
    path = tmp_path / "out.eaf"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FormatError, match=message):
        IMPORTERS["eaf"].import_(blank, path)
    assert blank.transcripts.current() is None and blank.annotations.count() == 0


def test_bad_mode_is_an_input_error(blank: Project, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="--as must be one of"):
        IMPORTERS["eaf"].import_(blank, _foreign_eaf(tmp_path / "f.eaf"), as_="words")
