from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk.core.coding.codebook import (
    DEFAULT_PRESET,
    list_presets,
    load_codebook,
    parse_codebook,
    save_codebook,
)
from desk.core.errors import InputError
from desk.core.store import Project


def test_default_preset_is_the_livestream_codebook() -> None:
    codebook = load_codebook(DEFAULT_PRESET)
    names = [t.name for t in codebook.tags]
    assert names == ["delay", "DDoS claim", "praise exchange", "Harris attacks",
                     "migration remarks", "unchallenged claim"]
    assert len({t.colour for t in codebook.tags}) == len(names)
    assert [t.key for t in codebook.tags] == [1, 2, 3, 4, 5, 6]
    assert all(t.description for t in codebook.tags)
    assert "Kamala" in codebook.tags[3].keywords
    assert {"interview", DEFAULT_PRESET} <= set(list_presets())


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    codebook = load_codebook("interview")
    path = tmp_path / "Kodierung ü.json"
    save_codebook(codebook, path)
    again = load_codebook(path)
    assert [(t.name, t.colour, t.key) for t in again.tags] == [
        (t.name, t.colour, t.key) for t in codebook.tags]


@pytest.mark.parametrize("data, message", [
    ([], "'tags' list"),
    ({"tags": [{"name": ""}]}, "has no name"),
    ({"tags": [{"name": "a", "colour": "blue"}]}, "colour"),
    ({"tags": [{"name": "a", "key": 10}]}, "key"),
    ({"tags": [{"name": "a"}, {"name": "A"}]}, "twice"),
    ({"tags": [{"name": "a", "key": 1}, {"name": "b", "key": 1}]}, "two tags"),
    ({"desk_codebook": 99, "tags": []}, "newer"),
])
def test_bad_codebooks_are_explained(data: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_codebook(data)


def test_not_json(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(b"\xff\xfe garbage")
    with pytest.raises(InputError, match="not a codebook"):
        load_codebook(path)


def test_import_updates_and_swaps_keys_atomically(tmp_project: Project) -> None:
    data = {"tags": [{"name": "delay", "colour": "#000000", "key": 2},
                     {"name": "DDoS claim", "colour": "#111111", "key": 1},
                     {"name": "new one", "colour": "#222222", "key": 9}]}
    added, updated = tmp_project.tags.apply_codebook(parse_codebook(data))
    assert (added, updated) == (1, 2)
    assert tmp_project.tags.by_key(1).name == "DDoS claim"
    assert tmp_project.tags.by_key(2).name == "delay"
    bad = parse_codebook({"tags": [{"name": "delay", "key": 9}]})  # 9 is taken by "new one"...
    tmp_project.tags.apply_codebook(bad)  # ...but an import may move keys: it frees them first
    assert tmp_project.tags.by_key(9).name == "delay"
    assert json.dumps(tmp_project.tags.to_codebook().to_json())
