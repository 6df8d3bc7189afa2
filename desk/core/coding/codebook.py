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
from desk.core.json_input import Shape, describe, parse_json
from desk.core.records import Tag
from desk.core.resources import resource_path

FORMAT_VERSION = 1
DEFAULT_PRESET = "trump-musk-x-2024"
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MAX_NAME = 80
MAX_DESCRIPTION = 4000
MAX_KEYWORD = 200  # a keyword rule is a word or a phrase
MAX_KEYWORDS = 500


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
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path.name} is not a codebook JSON file (not UTF-8 text at byte "
                         f"{exc.start})") from exc
    except OSError as exc:
        raise InputError(f"cannot read {path.name}: {exc.strerror}") from exc
    data = parse_json(raw, path.name, InputError)
    return parse_codebook(data, source=path.name)


def parse_codebook(data: object, source: str = "codebook") -> Codebook:
    """Validate a codebook's JSON shape strictly (types, lengths); problems name the tag.

    Nothing is coerced: `"keywords": "DDoS"` would otherwise become four
    one-letter keywords, and `"name": null` a tag called "None".
    """
    shape = Shape(source, InputError)
    if not isinstance(data, dict) or not isinstance(data.get("tags"), list):
        raise InputError(f"{source}: a codebook is an object with a 'tags' list")
    version = data.get("desk_codebook", FORMAT_VERSION)
    if isinstance(version, bool) or not isinstance(version, int) or version > FORMAT_VERSION:
        raise InputError(f"{source}: codebook format {describe(version)} is newer than this "
                         "Desk reads")
    tags: list[Tag] = []
    seen_names: set[str] = set()
    seen_keys: set[int] = set()
    for position, item in enumerate(data["tags"]):
        tag = _parse_tag(shape, item, position)
        if tag.name.casefold() in seen_names:
            raise InputError(f"{source}: tag '{tag.name}' appears twice")
        seen_names.add(tag.name.casefold())
        if tag.key is not None and not tag.archived:
            if tag.key in seen_keys:
                raise InputError(f"{source}: key {tag.key} is given to two tags")
            seen_keys.add(tag.key)
        tags.append(tag)
    return Codebook(
        name=shape.text(data.get("name", source), "name", MAX_NAME * 4),
        tags=tags,
        description=shape.text(data.get("description", ""), "description", MAX_DESCRIPTION),
    )


def _parse_tag(shape: Shape, item: object, position: int) -> Tag:
    where = f"tag #{position + 1}"
    if not isinstance(item, dict):
        raise shape.fail(where, f"must be an object, not {describe(item)}")
    name = item.get("name")
    if name is None or (isinstance(name, str) and not name.strip()):
        raise shape.fail("", f"{where} has no name")
    name = shape.text(name, f"{where}.name", 10 * MAX_NAME).strip()
    where = f"tag '{name[:40]}'"
    colour = item.get("colour", item.get("color", "#888888"))
    tag = Tag(
        name=name,
        description=shape.text(item.get("description", ""), f"{where}.description",
                               MAX_DESCRIPTION),
        colour=shape.text(colour, f"{where}.colour", 20),
        key=item.get("key"),
        position=position,
        archived=shape.flag(item.get("archived", False), f"{where}.archived"),
        keywords=shape.texts(item.get("keywords", []), f"{where}.keywords", MAX_KEYWORD,
                             MAX_KEYWORDS),
    )
    validate_tag(tag, where=shape.source)
    return tag


def validate_tag(tag: Tag, where: str = "tag") -> None:
    if not tag.name.strip():
        raise InputError(f"{where}: a tag needs a name")
    if len(tag.name) > MAX_NAME:
        raise InputError(f"{where}: tag name '{tag.name[:20]}…' is longer than {MAX_NAME} "
                         "characters")
    if not COLOUR.match(tag.colour):
        raise InputError(
            f"{where}: colour of '{tag.name}' must look like #1f77b4, not {tag.colour}"
        )
    if tag.key is not None and (
        isinstance(tag.key, bool) or not isinstance(tag.key, int) or not 1 <= tag.key <= 9
    ):
        raise InputError(f"{where}: key of '{tag.name}' must be a digit 1-9, not "
                         f"{describe(tag.key)}")


def save_codebook(codebook: Codebook, path: Path) -> None:
    text = json.dumps(codebook.to_json(), ensure_ascii=False, indent=2) + "\n"
    write_text_atomic(Path(path), text)
