"""Codebooks: the sets of tags an analyst codes with, as portable JSON files.

A codebook file looks like::

    {"desk_codebook": 1, "name": "...", "description": "...",
     "tags": [{"name": "delay", "description": "...", "colour": "#d62728",
               "key": 1, "keywords": ["DDoS"]}]}

Presets ship in resources/codebooks/; analysts export and import their own.
This module only reads and writes such files; the project stores the tags.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desk.core.atomic import write_text_atomic
from desk.core.errors import InputError
from desk.core.records import Tag
from desk.core.resources import resource_path

FORMAT_VERSION = 1
DEFAULT_PRESET = "trump-musk-x-2024"
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass
class Codebook:
    name: str
    tags: list[Tag] = field(default_factory=list)
    description: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "desk_codebook": FORMAT_VERSION,
            "name": self.name,
            "description": self.description,
            "tags": [
                {
                    "name": t.name,
                    "description": t.description,
                    "colour": t.colour,
                    "key": t.key,
                    "keywords": list(t.keywords),
                    **({"archived": True} if t.archived else {}),
                }
                for t in self.tags
            ],
        }


def presets_dir() -> Path:
    return resource_path("codebooks")


def list_presets() -> list[str]:
    return sorted(p.stem for p in presets_dir().glob("*.json"))


def load_codebook(preset_or_path: str | Path) -> Codebook:
    """A preset by name (see `list_presets`) or a codebook JSON file by path."""
    text = str(preset_or_path)
    path = Path(text)
    if not path.suffix and not path.exists():
        path = presets_dir() / f"{text}.json"
        if not path.exists():
            raise InputError(
                f"unknown codebook preset '{text}' (presets: {', '.join(list_presets())})"
            )
    if not path.is_file():
        raise InputError(f"codebook file not found: {path}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path.name} is not a codebook JSON file ({exc})") from exc
    return parse_codebook(data, source=path.name)


def parse_codebook(data: object, source: str = "codebook") -> Codebook:
    """Validate a codebook's JSON shape; every problem names the tag it concerns."""
    if not isinstance(data, dict) or not isinstance(data.get("tags"), list):
        raise InputError(f"{source}: a codebook is an object with a 'tags' list")
    version = data.get("desk_codebook", FORMAT_VERSION)
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise InputError(f"{source}: codebook format {version} is newer than this Desk reads")
    tags: list[Tag] = []
    seen_names: set[str] = set()
    seen_keys: set[int] = set()
    for position, item in enumerate(data["tags"]):
        if not isinstance(item, dict) or not str(item.get("name", "")).strip():
            raise InputError(f"{source}: tag #{position + 1} has no name")
        tag = Tag(
            name=str(item["name"]).strip(),
            description=str(item.get("description", "")),
            colour=str(item.get("colour", item.get("color", "#888888"))),
            key=item.get("key"),
            position=position,
            archived=bool(item.get("archived", False)),
            keywords=[str(k) for k in item.get("keywords", [])],
        )
        validate_tag(tag, where=source)
        if tag.name.casefold() in seen_names:
            raise InputError(f"{source}: tag '{tag.name}' appears twice")
        seen_names.add(tag.name.casefold())
        if tag.key is not None and not tag.archived:
            if tag.key in seen_keys:
                raise InputError(f"{source}: key {tag.key} is given to two tags")
            seen_keys.add(tag.key)
        tags.append(tag)
    return Codebook(
        name=str(data.get("name", source)), tags=tags, description=str(data.get("description", ""))
    )


def validate_tag(tag: Tag, where: str = "tag") -> None:
    if not tag.name.strip():
        raise InputError(f"{where}: a tag needs a name")
    if len(tag.name) > 80:
        raise InputError(f"{where}: tag name '{tag.name[:20]}…' is longer than 80 characters")
    if not COLOUR.match(tag.colour):
        raise InputError(
            f"{where}: colour of '{tag.name}' must look like #1f77b4, not {tag.colour}"
        )
    if tag.key is not None and (
        isinstance(tag.key, bool) or not isinstance(tag.key, int) or not 1 <= tag.key <= 9
    ):
        raise InputError(f"{where}: key of '{tag.name}' must be a digit 1-9, not {tag.key!r}")


def save_codebook(codebook: Codebook, path: Path) -> None:
    text = json.dumps(codebook.to_json(), ensure_ascii=False, indent=2) + "\n"
    write_text_atomic(Path(path), text)
