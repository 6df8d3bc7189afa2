#!/bin/sh
# Refresh the German catalogue after UI strings changed, then compile it.
# Run from the repository root with the venv's PySide6 tools:
#   sh resources/i18n/update.sh
# New or changed strings appear as "unfinished" in desk_de.ts: translate them
# (Qt Linguist: .venv/bin/pyside6-linguist resources/i18n/desk_de.ts), then run this again.
set -e
BIN=${BIN:-.venv/bin}
TS=${TS:-resources/i18n/desk_de.ts}  # (tests/ui/test_theme.py runs this on a copy)
QM=${QM:-resources/i18n/desk_de.qm}
"$BIN/pyside6-lupdate" $(find desk/ui -name '*.py' ! -name undo.py | sort) desk/core/formats/registry.py \
    -ts "$TS" -no-obsolete -locations none
"$BIN/pyside6-lrelease" "$TS" -qm "$QM"
