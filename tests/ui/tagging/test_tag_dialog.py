"""The tag dialog: its fields as a tag's values, keys marked with their owners, free picks."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desk.core.records import Tag
from desk.ui.tagging.tag_dialog import TagDialog, first_free_colour, first_free_key


def test_fields_become_tag_values(qtbot: QtBot) -> None:
    others = [Tag("delay", colour="#d62728", key=1), Tag("old", colour="#000000", key=2,
                                                          archived=True)]
    dialog = TagDialog(Tag("fact check", "claims to verify", "#1f77b4", key=3,
                           keywords=["DDoS"]), others)
    qtbot.addWidget(dialog)
    assert dialog.key.itemText(dialog.key.findData(1)) == "1  (delay)"
    assert dialog.key.itemText(dialog.key.findData(2)) == "2"  # archived tags hold no key
    dialog.name.setText("  fact check ")
    dialog.keywords.setText("DDoS,  hack , ")
    dialog.set_colour("#ABCDEF")
    assert dialog.values() == {"name": "fact check", "description": "claims to verify",
                               "colour": "#abcdef", "key": 3, "keywords": ["DDoS", "hack"]}


def test_first_free_colour_and_key() -> None:
    tags = [Tag("a", colour="#1F77B4", key=1), Tag("b", colour="#ff7f0e", key=2)]
    assert first_free_colour(tags) not in ("#1f77b4", "#ff7f0e")
    assert first_free_key(tags) == 3
    assert first_free_key([Tag(str(k), key=k) for k in range(1, 10)]) is None
