"""Markdown: the annotated transcript for wikis, issue trackers and plain-text review.

User text is escaped twice over: HTML specials become entities (`<script>`
stays text wherever the Markdown is rendered) and Markdown specials get a
backslash, so a transcript line can never turn into a link, a heading or a
table break. Tag highlights are inline `<mark>` elements in the codebook's
colours (renderers that drop styles still show the marked words), with the
tag names written out so nothing depends on colour alone. Provenance is YAML
front matter and the facts under the title.
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

from desk.core.atomic import atomic_writer
from desk.core.formats.report import Report, Row, build_report, clock
from desk.core.formats.snapshot import ProjectSnapshot
from desk.core.timecode import format_time

# Specials that act mid-line; line-start ones (#, -, 1.) never apply: text never starts a line.
_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def md_escape(text: object) -> str:
    """Plain text → Markdown that renders as exactly that text, on one line."""
    flat = " ".join(str(text).split())
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", flat)


def _colour(report: Report, tag: str) -> str:
    colour = report.colour(tag)
    return colour if re.fullmatch(r"#[0-9a-fA-F]{6}", colour) else "#888888"


def _row(report: Report, row: Row) -> list[str]:
    head = f"**\\[{clock(row.start)}\\]**"
    if row.segment is None:
        body = f"*(no speech until {clock(row.end)})*"
    else:
        speaker = f" **{md_escape(row.segment.speaker)}:**" if row.segment.speaker else ""
        words = []
        for span in row.spans:
            if span.tags:
                names = escape(", ".join(span.tags), quote=True)
                words.append(f'<mark style="background:{_colour(report, span.tags[0])}40" '
                             f'title="{names}">{md_escape(span.text)}</mark><sup>{names}</sup>')
            else:
                words.append(md_escape(span.text))
        body = speaker.lstrip() + " " + " ".join(words)
    tags = " ".join(f"*\\[{md_escape(t)}\\]*" for t in row.tags)
    lines = [f"{head} {body.strip()}" + (f" {tags}" if tags else ""), ""]
    for a in row.annotations:
        note = f": {md_escape(a.note)}" if a.note else ""
        who = f" — {md_escape(a.annotator)}" if a.annotator else ""
        lines += [f"> **{md_escape(a.tag)}** {clock(a.start)}–{clock(a.end)}{note}{who}", ""]
    return lines


def front_matter(report: Report) -> list[str]:
    """YAML front matter (Pandoc, Jekyll, GitHub): JSON strings are YAML scalars."""
    lines = ["---", f"title: {json.dumps(report.title, ensure_ascii=False)}"]
    lines += [f"{fact.key}: {json.dumps(fact.value, ensure_ascii=False)}"
              for fact in report.provenance]
    return [*lines, "---", ""]


def render_markdown(report: Report) -> str:
    out = [*front_matter(report), f"# {md_escape(report.title)}", ""]
    out += [f"- **{label}:** {md_escape(value)}" for label, value in report.facts]
    out += ["", "## Summary by tag", "", "| Tag | Annotations | Total time | Covered | Share |",
            "| --- | ---: | ---: | ---: | ---: |"]
    for line in report.summary:
        out.append(f'| <span style="color:{_colour(report, line.tag.name)}">■</span> '
                   f"{md_escape(line.tag.name)} | {line.count} | {format_time(line.total)} | "
                   f"{format_time(line.covered)} | {line.share:.1%} |")
    if report.speakers:
        out += ["", "## Summary by speaker", "",
                "| Speaker | Segments | Talk time | Share | Turns | Longest turn | Interruptions |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
        out += [f"| {md_escape(s.speaker)} | {s.segments} | {format_time(s.talk_time)} | "
                f"{s.share:.1%} | {s.turns} | {format_time(s.longest_turn)} | "
                f"{s.interruptions} |" for s in report.speakers]
    out += ["", "## Transcript", ""]
    for row in report.rows:
        out += _row(report, row)
    out += ["## Annotations", "", "| Start | End | Tag | Note | Annotator |",
            "| --- | --- | --- | --- | --- |"]
    for a in report.annotations:
        out.append(f"| {clock(a.start)} | {clock(a.end)} | {md_escape(a.tag)} | "
                   f"{md_escape(a.note)} | {md_escape(a.annotator)} |")
    return "\n".join(out) + "\n"


def export_markdown(snapshot: ProjectSnapshot, path: Path) -> Path:
    with atomic_writer(path) as handle:
        handle.write(render_markdown(build_report(snapshot)))
    return path
