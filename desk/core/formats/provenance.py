"""Where an export comes from, in the same words in every format.

Evidence handed to an editor has to say which recording (name, size, content
fingerprint), which transcript version (engine, model, settings, whether it
was corrected by hand), who coded, which Desk, when, and what was left out.
Each format carries this where it has room (EAF header properties, JSON,
HTML meta and front matter, Markdown YAML front matter, Word properties and
front matter, VTT NOTE, TextGrid `!` comments); SRT, CSV and clip folders
have none and get a side file, `NAME.provenance.json`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desk.core.atomic import atomic_writer
from desk.core.formats.selection import Selection
from desk.core.formats.snapshot import ProjectSnapshot

SIDE_SUFFIX = ".provenance.json"


@dataclass(frozen=True)
class Fact:
    key: str  # machine name: desk:KEY in EAF, meta names, YAML keys
    label: str  # the words a reader sees
    value: str  # one line


def provenance_json(snapshot: ProjectSnapshot) -> dict[str, Any]:
    """Everything as one JSON object (the JSON export's and side files' `provenance`)."""
    media, version = snapshot.media, snapshot.version
    transcript = None
    if version is not None:
        t = version.transcript
        transcript = {"id": t.id, "name": version.name, "engine": t.engine, "model": t.model,
                      "language": t.language, "settings": t.settings, "status": t.status,
                      "created_at": t.created_at}
    return {
        "recording": Path(media.path).name if media else None,
        "recording_size": media.size if media else None,
        "recording_fingerprint": media.fingerprint if media else None,
        "desk_version": snapshot.desk_version,
        "transcript_version": transcript,
        "edited_by_hand": version.edited if version is not None else None,
        "annotators": snapshot.annotators,
        "exported_at": snapshot.exported_at,
        "includes": snapshot.selection.describe(),
    }


def facts(snapshot: ProjectSnapshot) -> list[Fact]:
    """The same, as labelled one-line facts for the readable formats."""
    data = provenance_json(snapshot)
    out: list[Fact] = []
    if data["recording"] is not None:
        out += [Fact("recording", "Recording", data["recording"]),
                Fact("recording-size", "Recording size", f"{data['recording_size']} bytes"),
                Fact("recording-fingerprint", "Recording fingerprint",
                     data["recording_fingerprint"])]
    version = data["transcript_version"]
    if version is not None:
        name = f"{version['name']}: " if version["name"] else ""
        language = f", language {version['language']}" if version["language"] else ""
        partial = "" if version["status"] == "complete" else f" ({version['status']}, partial)"
        out += [Fact("transcript-version", "Transcript version",
                     f"{version['id']} {name}{version['engine']} {version['model']}"
                     f"{language}, made {version['created_at']}{partial}"),
                Fact("transcript-settings", "Transcript settings",
                     json.dumps(version["settings"], ensure_ascii=False, sort_keys=True)),
                Fact("edited-by-hand", "Edited by hand",
                     "yes" if data["edited_by_hand"] else "no")]
    out.append(Fact("annotators", "Annotators", ", ".join(data["annotators"]) or "none"))
    chosen = _chosen(snapshot.selection)
    chosen.append("suggestions included" if snapshot.selection.suggestions else
                  "suggestions left out")
    summary = "; ".join(chosen if len(chosen) > 1 else ["everything", *chosen])
    out += [Fact("includes", "Includes", summary),
            Fact("desk-version", "Desk version", snapshot.desk_version),
            Fact("exported-at", "Exported", snapshot.exported_at)]
    return [Fact(f.key, f.label, " ".join(str(f.value).split())) for f in out]


def _chosen(selection: Selection) -> list[str]:
    """What the selection narrowed, in words ("tags: delay; without notes")."""
    chosen = [f"{what}: {', '.join(sorted(names))}" for what, names in
              (("tags", selection.tags), ("annotators", selection.annotators),
               ("only what these speakers said", selection.only_speakers))
              if names is not None]
    left_out = [what for what, kept in (("transcript", selection.transcript),
                                        ("annotations", selection.annotations),
                                        ("speakers", selection.speakers),
                                        ("notes", selection.notes)) if not kept]
    if left_out:
        chosen.append(f"without {', '.join(left_out)}")
    return chosen


def side_file(target: Path) -> Path:
    """Where a format without room for provenance gets it: beside, or in, `target`."""
    target = Path(target)
    if target.is_dir():
        return target / "provenance.json"
    return target.with_name(target.name + SIDE_SUFFIX)


def write_side_file(snapshot: ProjectSnapshot, target: Path, files: list[Path]) -> Path:
    path = side_file(target)
    data = {"desk_provenance": 1, "files": [p.name for p in files],
            **provenance_json(snapshot)}
    with atomic_writer(path) as handle:
        handle.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return path
