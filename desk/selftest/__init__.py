"""`desk --self-test`: prove that this installation of Desk has every working part.

A frozen app can look complete and still lack a VLC plugin, the ffmpeg it
shells out to, or the embedded Whisper weights; those show up only when an
analyst opens a recording. The self-test exercises each part for real on the
bundled sample recording and reports each one on its own line:

- playback: libvlc plays 1 s with dummy audio/video outputs;
- model: the embedded tiny.en loads in this process;
- transcription: 10 s of the sample's speech go through the real job path,
  the transcription child process included (`<executable> --job-worker` when frozen);
- project: a project file is written, reopened and deleted;
- export: that transcribed project is exported (Word report, evidence clip).

The last line sums them up; the exit status is 0 only if every part this
build carries passed. A build made without libvlc on purpose (the Wine build:
no Windows libvlc is in any registry) says so in its build manifest, and its
playback is reported as "libvlc not bundled in this build"; any other build,
a release build or a source install, fails when libvlc is missing.

This package lives outside desk/core because it loads libvlc.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from desk.core.errors import DeskError
from desk.selftest.checks import (
    NOT_BUNDLED,
    CheckFailed,
    CheckResult,
    check_export,
    check_model,
    check_playback,
    check_project,
    check_transcription,
    sample_media,
)

__all__ = ["MANIFEST_NAME", "CheckFailed", "CheckResult", "build_manifest", "bundles_libvlc",
           "check_export", "check_model", "check_playback", "check_project",
           "check_transcription", "run_self_test"]

log = logging.getLogger(__name__)

# Written into a frozen app by packaging/desk.spec: what the build was meant to carry.
MANIFEST_NAME = "desk-build.json"


def build_manifest(manifest: Path | None = None) -> dict[str, Any]:
    """The frozen app's build manifest; {} for a source install (or a build without one)."""
    if manifest is None:
        bundle = getattr(sys, "_MEIPASS", None)
        if not bundle:
            return {}
        manifest = Path(bundle) / MANIFEST_NAME
    try:
        loaded = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def bundles_libvlc(manifest: dict[str, Any]) -> bool:
    """Whether playback is part of this build: always, unless the manifest says otherwise."""
    return manifest.get("libvlc", True) is not False


def _run_check(name: str, check: Callable[[], str]) -> CheckResult:
    started = time.monotonic()
    try:
        detail = check()
        ok = True
    except (CheckFailed, DeskError, OSError) as exc:
        detail, ok = str(exc) or type(exc).__name__, False
    except Exception as exc:  # the self-test reports every failure, it never crashes
        log.exception("self-test check %s crashed", name)
        detail, ok = f"{type(exc).__name__}: {exc}", False
    return CheckResult(name, ok, detail, time.monotonic() - started)


def _checks(media: Path, folder: Path, with_playback: bool) -> list[CheckResult]:
    playback = (_run_check("playback", lambda: check_playback(media)) if with_playback
                else CheckResult("playback", True, NOT_BUNDLED, skipped=True))
    results = [playback, _run_check("model", check_model)]
    project = folder / "transcribed.desk"
    transcription = _run_check("transcription",
                               lambda: check_transcription(media, project_path=project))
    results += [transcription, _run_check("project", lambda: check_project(media))]
    if transcription.ok:
        results.append(_run_check("export", lambda: check_export(project, folder / "export")))
    else:
        results.append(CheckResult("export", False, "not run: the transcription failed"))
    return results


def run_self_test(media: Path | None = None, out: TextIO | None = None,
                  manifest: Path | None = None) -> int:
    """Run every check, print a line per part and a summary, return 0 if all passed."""
    out = out or sys.stdout
    media = media or sample_media()
    started = time.monotonic()
    with_playback = bundles_libvlc(build_manifest(manifest))
    if not media.is_file():
        results = [CheckResult("sample", False, f"missing: {media}")]
    else:
        folder = Path(tempfile.mkdtemp(prefix="desk-self-test-"))
        try:
            results = _checks(media, folder, with_playback)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    passed = all(r.ok for r in results)
    frozen = " (frozen)" if getattr(sys, "frozen", False) else ""
    for result in results:
        print(f"  {result.name}: {result.verdict} in {result.seconds:.1f} s: {result.detail}",
              file=out)
        log.info("self-test %s: %s (%.2f s)", result.name, result.verdict, result.seconds)
    verdict = "PASS" if passed else "FAIL"
    line = (f"desk self-test{frozen}: {verdict} in {time.monotonic() - started:.1f} s: "
            + "; ".join(r.summary() for r in results))
    print(line, file=out, flush=True)
    return 0 if passed else 1


if __name__ == "__main__":  # `python -m desk.selftest`, e.g. from a debugger
    sys.exit(run_self_test(Path(os.environ["DESK_SELF_TEST_MEDIA"])
                           if os.environ.get("DESK_SELF_TEST_MEDIA") else None))
