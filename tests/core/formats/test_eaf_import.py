"""ELAN imports: vocabularies become codebooks, tiers annotations; hostile files are refused."""

from __future__ import annotations

from pathlib import Path

import pympi
import pytest

from desk.core.errors import FormatError, InputError
from desk.core.formats.registry import IMPORTERS
from desk.core.store import Project


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


def _tables(project: Project) -> dict[str, list[tuple[object, ...]]]:
    conn = project.database.conn
    return {table: [tuple(row) for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1")]
            for table in ("annotations", "segments", "tags", "speakers", "transcripts",
                          "transcript_versions", "current_transcript")}


def test_undo_of_a_large_import_restores_the_project_and_redo_the_same_rows(
        blank: Project, tmp_path: Path) -> None:
    """The import's undo data is made by SQLite in bulk: undo gives back exactly the project
    before, redo exactly the imported rows (every time, to the bit)."""
    rows = 3000
    slots = "".join(f'<TIME_SLOT TIME_SLOT_ID="ts{n + 1}" TIME_VALUE="{n * 4 + n % 3}"/>'
                    for n in range(2 * rows))
    tiers = "".join(
        f'<TIER TIER_ID="{tier}" LINGUISTIC_TYPE_REF="{kind}">' + "".join(
            f'<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a{i}" TIME_SLOT_REF1="ts{2 * i + 1}"'
            f' TIME_SLOT_REF2="ts{2 * i + 2}"><ANNOTATION_VALUE>{value(i)}</ANNOTATION_VALUE>'
            "</ALIGNABLE_ANNOTATION></ANNOTATION>" for i in range(first, rows, 2)) + "</TIER>"
        for tier, kind, first, value in (
            ("Anna", "speech", 0, lambda i: f"line {i}  of  speech"),
            ("codes", "coding", 1, lambda i: ("joke", "claim", "")[i % 3])))
    path = tmp_path / "big.eaf"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><ANNOTATION_DOCUMENT>'
        f'<HEADER TIME_UNITS="milliseconds"/><TIME_ORDER>{slots}</TIME_ORDER>{tiers}'
        '<LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="speech"/><LINGUISTIC_TYPE '
        'LINGUISTIC_TYPE_ID="coding" CONTROLLED_VOCABULARY_REF="cv"/><CONTROLLED_VOCABULARY '
        'CV_ID="cv"><CV_ENTRY_ML><CVE_VALUE>joke</CVE_VALUE></CV_ENTRY_ML></CONTROLLED_VOCABULARY>'
        "</ANNOTATION_DOCUMENT>", encoding="utf-8")
    before = _tables(blank)
    summary = IMPORTERS["eaf"].import_(blank, path)
    assert (summary.segments, summary.annotations, summary.tags_added) == (1500, 1000, 2)
    imported = _tables(blank)
    assert imported["segments"][7][2:5] == (0.113, 0.118, "line 14 of speech")
    assert blank.history.undo() is not None
    # The version is gone; its transcript row, lines and speaker stay unseen (versions.py).
    kept = ("segments", "transcripts", "speakers")
    assert _tables(blank) == {**before, **{table: imported[table] for table in kept}}
    assert blank.history.redo() is not None
    assert _tables(blank) == imported
