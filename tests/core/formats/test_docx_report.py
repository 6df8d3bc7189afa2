"""The Word report opens in python-docx with its table, colours and notes."""

from __future__ import annotations

from pathlib import Path

import docx

from desk.core.formats.registry import EXPORTERS
from desk.core.store import Project
from tests.core.formats.annotated import ANNOTATIONS, HOSTILE_NOTE


def test_docx_opens_in_python_docx(coded: Project, tmp_path: Path) -> None:
    path = EXPORTERS["docx"].export(coded, tmp_path / "out.docx")
    document = docx.Document(str(path))
    assert document.core_properties.title == "Annotated transcript: tone.mp4"
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["Annotated transcript: tone.mp4", "Summary by tag",
                        "Summary by speaker", "Transcript", "Annotations"]
    body = "\n".join(p.text for p in document.paragraphs)
    assert "Donald Trump: Thank you, Elon." in body and HOSTILE_NOTE in body
    summary, speakers, annotations = document.tables
    assert [c.text for c in speakers.rows[1].cells][:4] == ["Donald Trump", "3", "00:00:12",
                                                          "40.0%"]
    assert [c.text for c in summary.rows[0].cells] == ["Tag", "Annotations", "Total time",
                                                      "Covered", "Share"]
    assert len(summary.rows) == 1 + 7 and len(annotations.rows) == 1 + len(ANNOTATIONS)
    assert annotations.rows[1].cells[2].text == "delay"
    # highlighted words carry shading in a tint of the tag's colour
    xml = document.element.xml
    assert 'w:fill="F5C9C9"' in xml  # Harris attacks #d62728, tinted
