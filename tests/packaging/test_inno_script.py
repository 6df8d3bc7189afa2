"""The Windows installer script, checked by parsing it (no Inno Setup compiler here).

The parser reads Inno Setup's format as the compiler does: `;` comments,
`#` preprocessor lines, `[Section]` headers, `Key=Value` in [Setup] and
`Param: value; Param: "quoted value"` entries elsewhere (a doubled quote
inside quotes is a literal one), with [Code] kept
as Pascal text. The tests then hold the script to the brief: per-user install
without admin rights, a Start-menu entry, the `.desk` association, an
uninstaller that keeps user data unless asked, and a signing hook.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "packaging" / "windows" / "desk.iss"

KNOWN_SECTIONS = {"Setup", "Languages", "Tasks", "Files", "Icons", "Registry", "Run",
                  "UninstallDelete", "UninstallRun", "Dirs", "INI", "InstallDelete",
                  "Messages", "CustomMessages", "Code", "Types", "Components"}


class IssSyntaxError(ValueError):
    pass


@dataclass
class IssScript:
    setup: dict[str, str] = field(default_factory=dict)
    entries: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    code: str = ""
    defines: dict[str, str] = field(default_factory=dict)
    conditionals: list[str] = field(default_factory=list)


def parse_entry(line: str, number: int) -> dict[str, str]:
    """Split one entry line into its parameters, unquoting quoted values."""
    params: dict[str, str] = {}
    position = 0
    while position < len(line):
        match = re.compile(r"\s*([A-Za-z]+)\s*:\s*").match(line, position)
        if not match:
            raise IssSyntaxError(f"line {number}: expected 'Param: value' at {line[position:]!r}")
        name, position = match.group(1), match.end()
        if line.startswith('"', position):
            value, position = [], position + 1
            while True:
                end = line.find('"', position)
                if end < 0:
                    raise IssSyntaxError(f"line {number}: unterminated quote")
                value.append(line[position:end])
                if line.startswith('""', end):
                    value.append('"')
                    position = end + 2
                    continue
                position = end + 1
                break
            text = "".join(value)
        else:
            end = line.find(";", position)
            end = len(line) if end < 0 else end
            text, position = line[position:end].strip(), end
        if name in params:
            raise IssSyntaxError(f"line {number}: parameter {name} given twice")
        params[name] = text
        rest = line[position:].lstrip()
        if rest and not rest.startswith(";"):
            raise IssSyntaxError(f"line {number}: junk after {name}: {rest!r}")
        position = len(line) - len(rest) + (1 if rest else 0)
    return params


def parse_iss(text: str) -> IssScript:
    script = IssScript()
    section: str | None = None
    depth = 0
    code: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if section == "Code" and not line.startswith("["):
            code.append(raw)
            continue
        if not line or line.startswith(";"):
            continue
        if line.startswith("#"):
            directive = line[1:].split()[0]
            if directive in ("ifdef", "ifndef", "if"):
                depth += 1
                script.conditionals.append(line)
            elif directive == "endif":
                depth -= 1
                if depth < 0:
                    raise IssSyntaxError(f"line {number}: #endif without #if")
            elif directive == "define":
                parts = line.split(None, 2)
                script.defines[parts[1]] = parts[2].strip('"') if len(parts) > 2 else ""
            elif directive not in ("else", "elif", "include", "error", "pragma"):
                raise IssSyntaxError(f"line {number}: unknown directive #{directive}")
            continue
        header = re.fullmatch(r"\[([A-Za-z]+)\]", line)
        if header:
            section = header.group(1)
            if section not in KNOWN_SECTIONS:
                raise IssSyntaxError(f"line {number}: unknown section [{section}]")
            continue
        if section is None:
            raise IssSyntaxError(f"line {number}: text before the first section")
        if section in ("Setup", "Messages", "CustomMessages"):
            key, sep, value = line.partition("=")
            if not sep or not re.fullmatch(r"[A-Za-z][A-Za-z0-9.]*", key.strip()):
                raise IssSyntaxError(f"line {number}: expected Key=Value in [{section}]")
            script.setup[key.strip()] = value.strip()
        else:
            script.entries.setdefault(section, []).append(parse_entry(line, number))
    if depth:
        raise IssSyntaxError("an #if block is not closed")
    script.code = "\n".join(code)
    return script


@pytest.fixture(scope="module")
def script() -> IssScript:
    return parse_iss(SCRIPT.read_text(encoding="utf-8"))


def test_parser_rejects_broken_scripts() -> None:
    with pytest.raises(IssSyntaxError, match="unterminated quote"):
        parse_iss('[Files]\nSource: "dist\\*\n')
    with pytest.raises(IssSyntaxError, match="not closed"):
        parse_iss("#ifdef X\n[Setup]\nAppName=Desk\n")
    with pytest.raises(IssSyntaxError, match="unknown section"):
        parse_iss("[Setpu]\nAppName=Desk\n")
    assert parse_entry('Name: "a ""b"""; Flags: x y', 1) == {"Name": 'a "b"', "Flags": "x y"}


def test_installs_per_user_without_admin_rights(script: IssScript) -> None:
    assert script.setup["PrivilegesRequired"] == "lowest"
    # {autopf} is the user's own Programs folder when running without admin rights.
    assert script.setup["DefaultDirName"].startswith("{autopf}")
    assert re.fullmatch(r"\{\{[0-9A-F-]{36}\}", script.setup["AppId"])
    assert script.setup["OutputBaseFilename"] == "Desk-{#AppVersion}-setup"
    assert script.setup["ArchitecturesInstallIn64BitMode"] == "x64compatible"


def test_installs_the_whole_frozen_bundle(script: IssScript) -> None:
    [files] = script.entries["Files"]
    assert files["Source"] == "{#SourceDir}\\*"
    assert files["DestDir"] == "{app}"
    assert {"recursesubdirs", "createallsubdirs"} <= set(files["Flags"].split())
    # build.py passes these; the defaults point at the PyInstaller output.
    assert script.defines["SourceDir"].endswith("dist\\Desk")
    assert "AppVersion" in script.defines
    # Releases compress hardest; CI's Wine build passes /DCompression=lzma2/fast.
    assert script.setup["Compression"] == "{#Compression}"
    assert script.defines["Compression"] == "lzma2/max"


def test_start_menu_entry_runs_the_windowed_app(script: IssScript) -> None:
    icons = script.entries["Icons"]
    start_menu = [i for i in icons if i["Name"].startswith("{autoprograms}")]
    assert start_menu and start_menu[0]["Filename"] == "{app}\\Desk.exe"
    desktop = [i for i in icons if i["Name"].startswith("{autodesktop}")]
    assert desktop and desktop[0]["Tasks"] == "desktopicon"


def test_desk_files_open_in_desk(script: IssScript) -> None:
    assert script.setup["ChangesAssociations"] == "yes"
    registry = {(e["Subkey"], e.get("ValueName", "")): e for e in script.entries["Registry"]}
    extension = registry[("Software\\Classes\\.desk", "")]
    assert extension["Root"] == "HKA"  # the user's classes in a per-user install
    assert extension["ValueData"] == "Desk.Project"
    command = registry[("Software\\Classes\\Desk.Project\\shell\\open\\command", "")]
    assert command["ValueData"] == '"{app}\\Desk.exe" "%1"'
    assert "uninsdeletekey" in registry[("Software\\Classes\\Desk.Project", "")]["Flags"]
    assert all(e["Root"] == "HKA" for e in script.entries["Registry"])


def test_uninstaller_keeps_user_data_unless_asked(script: IssScript) -> None:
    removed = [e["Name"] for e in script.entries.get("UninstallDelete", [])]
    assert not any("localappdata" in name or "userdocs" in name for name in removed)
    code = script.code
    assert "procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);" in code
    assert "{localappdata}\\Desk" in code
    # Deleting only after a yes (default button: no) or an explicit /PURGE.
    assert "MB_DEFBUTTON2) = IDYES" in code
    assert "'/PURGE'" in code
    assert code.index("MsgBox") < code.index("DelTree")
    words = re.findall(r"\b(begin|end)\b", re.sub(r"\{[^}]*\}|'[^']*'", "", code))
    assert words.count("begin") == words.count("end"), "unbalanced begin/end in [Code]"


def test_signing_hook_is_optional(script: IssScript) -> None:
    assert "#ifdef SignTool" in script.conditionals
    text = SCRIPT.read_text(encoding="utf-8")
    block = text[text.index("#ifdef SignTool"):text.index("#endif", text.index("#ifdef SignTool"))]
    assert "SignTool={#SignTool}" in block and "SignedUninstaller=yes" in block
