"""The codebook in the store: names and keys unique, keys swapped by a codebook import."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.core.coding.codebook import Codebook
from desk.core.errors import InputError
from desk.core.records import Tag
from desk.core.store import Project


def test_names_and_keys_are_unique_among_active_tags(tmp_project: Project) -> None:
    delay = tmp_project.tags.get("DELAY")  # names are found case-insensitively
    assert delay.key is not None
    with pytest.raises(InputError, match="already exists"):
        tmp_project.tags.add(Tag("Delay", colour="#000000"))
    with pytest.raises(InputError, match=f"key {delay.key} is already used"):
        tmp_project.tags.add(Tag("late", colour="#000000", key=delay.key))
    tmp_project.tags.update("delay", archived=True)  # an archived tag frees its key
    late = tmp_project.tags.add(Tag("late", colour="#000000", key=delay.key))
    assert tmp_project.tags.by_key(delay.key) == late
    assert "delay" not in [t.name for t in tmp_project.tags.list()]
    assert "delay" in [t.name for t in tmp_project.tags.list(include_archived=True)]


def test_a_codebook_may_swap_keys_and_is_one_undo_step(tmp_project: Project) -> None:
    tags = tmp_project.tags.list()
    first, second = tags[0], tags[1]
    swapped = Codebook("swap", [Tag(first.name, colour=first.colour, key=second.key),
                                Tag(second.name, colour=second.colour, key=first.key),
                                Tag("new one", colour="#123456")])
    assert tmp_project.tags.apply_codebook(swapped, "ana") == (1, 2)
    assert tmp_project.tags.get(first.name).key == second.key
    assert tmp_project.tags.get(second.name).key == first.key
    tmp_project.tags.reorder(["new one", first.name], "ana")
    assert [t.name for t in tmp_project.tags.list()][:2] == ["new one", first.name]
    tmp_project.history.undo()
    tmp_project.history.undo()
    assert tmp_project.tags.get(first.name).key == first.key
    with pytest.raises(InputError, match="unknown tag 'new one'"):
        tmp_project.tags.get("new one")


def test_a_codebook_import_grows_linearly_with_its_tags(tmp_path: Path, tone_media: Path) -> None:
    """10x the tags costs well under 20x the CPU (a MAX() per tag once made it quadratic)."""
    import time

    from desk.core.coding.codebook import parse_codebook
    from desk.core.pipeline.media import probe

    costs = []
    for count in (2_000, 20_000):
        book = parse_codebook({"tags": [{"name": f"t{i}", "colour": "#112233"}
                                        for i in range(count)]})
        with Project.create(tmp_path / f"{count}.desk", media=probe(tone_media)) as project:
            started = time.process_time()
            assert project.tags.apply_codebook(book) == (count, 0)
            costs.append(time.process_time() - started)
    assert costs[1] < 20 * costs[0], costs
