"""ELAN: pympi-ling reads our tiers; EAF → Desk keeps every segment and annotation;
foreign and hostile files are handled."""

from __future__ import annotations

from pathlib import Path

import pympi

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


