"""SubRip (.srt) and WebVTT (.vtt): export cues with speakers and tags, import them as a transcript.

SRT has no comments, so a cue shows its speaker as `Name: text` and the tags
labelling it as a last line `[tags: a, b]` (an export without speakers or
annotations has neither); its provenance goes to a side file. WebVTT carries
the speaker as a `<v Name>` voice span, the tags as a `NOTE` block before the
cue and the provenance as a `NOTE` after the header, invisible in players
(its text is entity-escaped). SRT has no escaping:
text is written verbatim, and on import only SRT's own formatting (<b>, <i>,
<u>, <s>, <font>, {\\an8}) is dropped. Imports refuse what would silently
corrupt a transcript: bad timestamps and overlapping cues, each named by line.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from desk.core.atomic import atomic_writer
from desk.core.errors import FormatError
from desk.core.formats.importing import ImportBundle, check_mode, read_text, span_problem
from desk.core.formats.provenance import facts
from desk.core.formats.snapshot import ProjectSnapshot
from desk.core.records import Segment, Transcript

_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{1,2})[,.](\d{1,3})"
_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}(?:\s+(.*))?$")
_SPEAKER = re.compile(r"^(?P<name>[^\W\d_][\w .'’\-]{0,39}?):\s+(?P<text>\S.*)$")
_TAG_LINE = re.compile(r"^\[tags: .*\]$")
_MARKUP = re.compile(r"<[^>]*>|\{\\[^}]*\}")
# SRT formatting players honour; any other <...> is literal text of the transcript.
_SRT_MARKUP = re.compile(r"</?(?:b|i|u|s)>|</?font\b[^>]*>|\{\\[^}]*\}", re.IGNORECASE)
_VOICE = re.compile(r"<v(?:\.[^ \t>]*)?[ \t]+([^>]+)>")
OVERLAP_TOLERANCE = 0.0005


# -- export -------------------------------------------------------------------------------
def cue_time(seconds: float, decimal: str) -> str:
    total_ms = round(max(0.0, seconds) * 1000)
    hours, rest = divmod(total_ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, ms = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{decimal}{ms:03d}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def render_srt(snapshot: ProjectSnapshot) -> str:
    blocks = []
    for index, segment in enumerate(snapshot.segments, start=1):
        text = _one_line(segment.text)
        if segment.speaker:
            text = f"{_one_line(segment.speaker)}: {text}"
        lines = [str(index),
                 f"{cue_time(segment.start, ',')} --> {cue_time(segment.end, ',')}", text]
        covering = snapshot.line_tags(segment)
        if covering:
            lines.append(f"[tags: {', '.join(_one_line(t) for t in covering)}]")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _vtt_text(text: str) -> str:
    return html.escape(_one_line(text), quote=False)


def _note_text(text: str) -> str:
    """NOTE blocks end at a blank line and may not contain '-->'."""
    return _one_line(text).replace("-->", "->")


def render_vtt(snapshot: ProjectSnapshot) -> str:
    provenance = [f"{fact.label}: {_note_text(fact.value)}" for fact in facts(snapshot)]
    blocks = ["WEBVTT", "\n".join(["NOTE Desk provenance", *provenance])]
    for index, segment in enumerate(snapshot.segments, start=1):
        covering = snapshot.line_tags(segment)
        if covering:
            blocks.append(f"NOTE tags: {_note_text(', '.join(covering))}")
        text = _vtt_text(segment.text)
        if segment.speaker:
            text = f"<v {_vtt_text(segment.speaker)}>{text}</v>"
        blocks.append(f"{index}\n{cue_time(segment.start, '.')} --> "
                      f"{cue_time(segment.end, '.')}\n{text}")
    return "\n\n".join(blocks) + "\n"


def export_srt(snapshot: ProjectSnapshot, path: Path) -> Path:
    with atomic_writer(path) as handle:
        handle.write(render_srt(snapshot).replace("\n", "\r\n"))
    return path


def export_vtt(snapshot: ProjectSnapshot, path: Path) -> Path:
    with atomic_writer(path) as handle:
        handle.write(render_vtt(snapshot))
    return path


# -- import -------------------------------------------------------------------------------
@dataclass
class Cue:
    line: int  # of the timing line, 1-based
    start: float
    end: float
    text: str
    speaker: str | None


def _seconds(groups: tuple[str | None, ...], line: int, source: str, raw: str) -> float:
    hours, minutes, secs, millis = (group or "0" for group in groups)
    if int(minutes) >= 60 or int(secs) >= 60:
        raise FormatError(f"{source}, line {line}: bad timestamp in '{raw.strip()[:60]}' "
                          "(minutes and seconds go to 59)")
    return (int(hours) * 3600 + int(minutes) * 60 + int(secs)
            + int(millis.ljust(3, "0")) / 1000)


def _timing(raw: str, line: int, source: str) -> tuple[float, float]:
    match = _TIMING.match(raw)
    if not match:
        raise FormatError(f"{source}, line {line}: bad timestamp '{raw.strip()[:60]}' "
                          "(expected 00:00:01,000 --> 00:00:02,500)")
    groups = match.groups()
    start = _seconds(groups[0:4], line, source, raw)
    end = _seconds(groups[4:8], line, source, raw)
    if end <= start:
        shown = functools.partial(cue_time, decimal=".")
        raise FormatError(f"{source}, line {line}: the cue {span_problem(start, end, shown)}")
    return round(start, 3), round(end, 3)


def _blocks(text: str) -> list[tuple[int, list[str]]]:
    """(first line number, lines) of each blank-line separated block."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    first = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not current:
                first = number
            current.append(line.rstrip())
        elif current:
            blocks.append((first, current))
            current = []
    if current:
        blocks.append((first, current))
    return blocks


def _split_speaker(text: str) -> tuple[str | None, str]:
    match = _SPEAKER.match(text)
    if match and len(match["name"].split()) <= 4:
        return match["name"].strip(), match["text"].strip()
    return None, text


def parse_srt(text: str, source: str) -> list[Cue]:
    cues = []
    for first, lines in _blocks(text):
        index = 0
        if lines[0].strip().isdigit() and len(lines) > 1:
            index = 1
        if "-->" not in lines[index]:
            raise FormatError(f"{source}, line {first + index}: expected a cue time like "
                              f"00:00:01,000 --> 00:00:02,500, found '{lines[index][:60]}'")
        start, end = _timing(lines[index], first + index, source)
        body = [ln for ln in lines[index + 1:] if not _TAG_LINE.match(ln.strip())]
        plain = _one_line(_SRT_MARKUP.sub("", " ".join(body)))
        speaker, plain = _split_speaker(plain)
        cues.append(Cue(first + index, start, end, plain, speaker))
    return cues


def parse_vtt(text: str, source: str) -> list[Cue]:
    blocks = _blocks(text)
    if not blocks or not re.match(r"^WEBVTT(?:[ \t].*)?$", blocks[0][1][0]):
        raise FormatError(f"{source}, line 1: a WebVTT file starts with 'WEBVTT'")
    cues = []
    for first, lines in blocks[1:]:
        head = lines[0].strip()
        if head.startswith(("NOTE", "STYLE", "REGION")) and "-->" not in head:
            continue
        index = 0 if "-->" in lines[0] else 1
        if index >= len(lines) or "-->" not in lines[index]:
            raise FormatError(f"{source}, line {first}: expected a cue time like "
                              f"00:00:01.000 --> 00:00:02.500, found '{head[:60]}'")
        start, end = _timing(lines[index], first + index, source)
        payload = " ".join(lines[index + 1:])
        voice = _VOICE.search(payload)
        speaker = _one_line(html.unescape(voice.group(1))) if voice else None
        plain = _one_line(html.unescape(_MARKUP.sub("", payload)))
        cues.append(Cue(first + index, start, end, plain, speaker or None))
    return cues


def check_cues(cues: list[Cue], source: str) -> list[Cue]:
    """Cues in time order; overlapping cues are refused (one transcript, one voice at a time)."""
    if not cues:
        raise FormatError(f"{source}: no subtitle cues found")
    ordered = sorted(cues, key=lambda c: (c.start, c.end))
    for previous, cue in pairwise(ordered):
        if cue.start < previous.end - OVERLAP_TOLERANCE:
            raise FormatError(
                f"{source}, line {cue.line}: the cue starting at {cue_time(cue.start, '.')} "
                f"overlaps the cue at line {previous.line} (ends {cue_time(previous.end, '.')})")
    return ordered


def _bundle(path: Path, cues: list[Cue], kind: str) -> ImportBundle:
    bundle = ImportBundle(source=path, transcript=Transcript(
        engine="import", model=f"{kind}:{path.name}",
        settings={"source": path.name, "format": kind}))
    kept = [cue for cue in check_cues(cues, path.name) if cue.text]
    empty = len(cues) - len(kept)
    bundle.segments = [Segment(cue.start, cue.end, cue.text, speaker=cue.speaker)
                       for cue in kept]
    bundle.segment_origins = [f"line {cue.line}" for cue in kept]
    if not bundle.segments:
        raise FormatError(f"{path.name}: every cue is empty")
    if empty:
        bundle.warnings.append(f"{empty} empty cues skipped")
    return bundle


def read_srt(path: Path, as_: str | None = None) -> ImportBundle:
    check_mode(as_, ("transcript",), path)
    return _bundle(path, parse_srt(read_text(path), path.name), "srt")


def read_vtt(path: Path, as_: str | None = None) -> ImportBundle:
    check_mode(as_, ("transcript",), path)
    return _bundle(path, parse_vtt(read_text(path), path.name), "vtt")
