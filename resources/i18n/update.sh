#!/bin/sh
# Refresh the German catalogue after UI strings changed, then compile it.
# Run from the repository root with the venv's PySide6 tools:
#   sh resources/i18n/update.sh
# New or changed strings appear as "unfinished" in desk_de.ts: translate them
# (Qt Linguist: .venv/bin/pyside6-linguist resources/i18n/desk_de.ts), then run this again.
set -e
BIN=${BIN:-.venv/bin}
"$BIN/pyside6-lupdate" $(find desk/ui -name '*.py' ! -name undo.py | sort) desk/core/formats/registry.py \
    -ts resources/i18n/desk_de.ts -no-obsolete -locations none
"$BIN/pyside6-lrelease" resources/i18n/desk_de.ts -qm resources/i18n/desk_de.qm
