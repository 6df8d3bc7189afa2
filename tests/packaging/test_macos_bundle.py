"""The macOS half, checked as far as a Linux machine can: no Mac builds or runs the .app here.

Checked: the spec's BUNDLE section (read with `ast`, as PyInstaller would run
it), the Info.plist it is given (plistlib: the keys Launch Services reads, the
document types), and the signing and disk-image scripts with shellcheck.
Not checked (packaging/README.md says so): that the .app starts, that
codesign/notarytool accept it, that Finder opens `.desk` files with it.
"""

from __future__ import annotations

import ast
import plistlib
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "packaging" / "desk.spec"
MACOS = REPO / "packaging" / "macos"


def spec_call(name: str) -> ast.Call:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    calls = [node for node in ast.walk(tree)
             if isinstance(node, ast.Call) and getattr(node.func, "id", None) == name]
    assert len(calls) == 1, f"{name} appears {len(calls)} times in desk.spec"
    return calls[0]


def keywords(call: ast.Call) -> dict[str, str]:
    return {k.arg: ast.unparse(k.value) for k in call.keywords if k.arg}


def test_bundle_section_makes_desk_app_from_the_plist() -> None:
    bundle = keywords(spec_call("BUNDLE"))
    assert bundle["name"] == "'Desk.app'"
    assert bundle["info_plist"] == "info"  # the plist below, with the version filled in
    assert bundle["bundle_identifier"] == "info['CFBundleIdentifier']"
    assert bundle["version"] == "VERSION"
    assert bundle["codesign_identity"] == "codesign_identity"
    assert bundle["entitlements_file"] == "entitlements"
    assert bundle["icon"] == "icon"
    text = SPEC.read_text(encoding="utf-8")
    assert 'info["CFBundleShortVersionString"] = VERSION' in text
    assert '{"windows": "desk.ico", "macos": "desk.icns"}' in text
    assert (REPO / "resources" / "icons" / "desk.icns").stat().st_size > 10_000
    # The app's executable is the windowed one; BUNDLE names CFBundleExecutable after it.
    assert 'executable(gui_scripts, "Desk", False)' in text


def test_info_plist_has_what_launch_services_reads() -> None:
    info = plistlib.loads((MACOS / "Info.plist").read_bytes())
    assert info["CFBundlePackageType"] == "APPL"
    assert info["CFBundleName"] == info["CFBundleDisplayName"] == "Desk"
    assert info["NSHighResolutionCapable"] is True
    major, *_ = info["LSMinimumSystemVersion"].split(".")
    assert int(major) >= 11  # the Homebrew ffmpeg and Qt 6 need a current macOS
    assert "CFBundleExecutable" not in info  # PyInstaller sets it to the executable's name
    for kind in info["CFBundleDocumentTypes"]:
        assert kind["CFBundleTypeRole"] in ("Editor", "Viewer")
        assert kind["LSHandlerRank"] in ("Owner", "Alternate")
        assert kind["LSItemContentTypes"], kind["CFBundleTypeName"]
    exported = {t["UTTypeIdentifier"]: t for t in info["UTExportedTypeDeclarations"]}
    [project] = exported.values()
    assert "public.data" in project["UTTypeConformsTo"]


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck not installed")
@pytest.mark.parametrize("script", ["sign.sh", "make_dmg.sh"])
def test_macos_scripts_pass_shellcheck(script: str) -> None:
    done = subprocess.run(["shellcheck", "--shell=bash", str(MACOS / script)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout
