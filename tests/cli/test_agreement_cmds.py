"""`desk agreement`, `desk disagreements`, `desk adjudicate`, exports by annotator."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from desk.core.store import Project
from tests.cli.cli_run import digest, run


@pytest.fixture
def coded(tmp_project: Project) -> Path:
    add = tmp_project.annotations.add
    for coder, shift in (("ann", 0.0), ("ben", 1.5)):
        add("delay", 0 + shift, 4 + shift, annotator=coder)
        add("Harris attacks", 15 + shift, 21, annotator=coder)
    add("praise exchange", 6, 12, annotator="ann")
    add("praise exchange", 25, 27, annotator="ben", source="suggested")
    path = tmp_project.path
    tmp_project.close()
    return path


def test_agreement_prints_the_methods_table(coded: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "agreement", coded, "--replicates", "100")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["tag", "units", "(ann", "/"]
    assert "Cohen's κ" in lines[0] and "α_u" in lines[0] and "γ" in lines[0]
    rows = {line.split("  ")[0]: line for line in lines[1:5]}
    assert set(rows) == {"delay", "Harris attacks", "praise exchange", "(all tags)"}
    assert " 1 / 0 " in rows["praise exchange"]  # ben's suggestion is not his coding
    # κ, α, α_u and γ each with an interval and a reading beside the percent agreement.
    figures = re.findall(r"-?\d\.\d{3} \[-?\d\.\d{3}, -?\d\.\d{3}\] "
                         r"(reliable|tentative|unreliable)", rows["(all tags)"])
    assert len(figures) == 4, rows["(all tags)"]
    assert re.search(r"\d+\.\d % \[", rows["(all tags)"])
    assert any(line.startswith("95 % intervals: 100 bootstrap replicates, seed 1")
               for line in lines)
    assert lines[-1] == f"3 disagreements (desk disagreements {coded})"


def test_agreement_json_html_csv(coded: Path, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    html, table = tmp_path / "report.html", tmp_path / "report.csv"
    code, out, err = run(capsys, "agreement", coded, "--json", "--replicates", "50",
                         "--tags", "delay", "Harris attacks", "--slice", "0.5",
                         "--html", html, "--csv", table)
    assert code == 0, err
    data = json.loads(out)
    assert data["annotators"] == ["ann", "ben"] and data["kappa"] == "Cohen's κ"
    assert [t["tag"] for t in data["tags"]] == ["delay", "Harris attacks"]
    assert data["settings"]["slice_seconds"] == 0.5
    assert data["overall"]["alpha"]["reading"] in ("reliable", "tentative", "unreliable")
    assert len(data["overall"]["gamma"]["ci95"]) == 2
    page = html.read_text(encoding="utf-8")
    assert "<h2>Intercoder agreement</h2>" in page and "Harris attacks" in page
    assert "Disagreements (3, largest first)" in page
    with table.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["tag"] for r in rows] == ["delay", "Harris attacks", "(all tags)"]
    assert rows[0]["units:ann"] == "1" and 0.0 < float(rows[0]["alpha"]) < 1.0
    listed = (tmp_path / "report.disagreements.csv").read_text(encoding="utf-8-sig")
    assert listed.splitlines()[0] == "rank,key,kind,start,end,size_seconds,tags,description"


def test_bad_choices_exit_2(coded: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(coded)
    for args, message in (
            (["--annotators", "ann"], "at least two annotators"),
            (["--annotators", "ann", "zoe"], "no annotations by zoe"),
            (["--tags", "nope"], "no annotations with tag nope"),
            (["--slice", "0"], "--slice must be at least 0.001 s"),
            (["--replicates", "3"], "--replicates must be at least 10")):
        code, out, err = run(capsys, "agreement", coded, *args)
        assert (code, out) == (2, ""), args
        assert err.startswith("desk: error: ") and message in err, err
    assert digest(coded) == before


def test_walk_and_settle_the_disagreements(coded: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "disagreements", coded, "--json")
    found = json.loads(out)
    assert [(d["rank"], d["kind"], d["tags"]) for d in found] == [
        (1, "missing", ["praise exchange"]), (2, "boundaries", ["delay"]),
        (3, "boundaries", ["Harris attacks"])]
    assert not any(d["decided"] for d in found)
    code, out, err = run(capsys, "adjudicate", coded, "2", "--take", "ben",
                         "--annotator", "lead")
    assert code == 0, err
    assert out.startswith("take ben: 1 consensus annotation for delay: boundaries differ")
    code, out, _ = run(capsys, "adjudicate", coded, found[0]["key"], "--take", "ben")
    assert out.startswith("take ben: 0 consensus annotations")
    code, out, _ = run(capsys, "adjudicate", coded, "--agreed")
    assert out == "took 0 agreed stretches into the consensus\n"
    code, out, _ = run(capsys, "adjudicate", coded, "3", "--edit", "Harris attacks", "0:15.2",
                       "21")
    assert code == 0
    code, out, _ = run(capsys, "disagreements", coded)
    assert out.splitlines()[0].split() == ["#", "kind", "start", "end", "size", "decided",
                                           "codings"]
    assert sum(" yes " in line for line in out.splitlines()) == 3
    code, out, _ = run(capsys, "annotations", coded, "--annotator", "consensus", "--json")
    assert [(a["tag"], a["start"], a["end"]) for a in json.loads(out)] == [
        ("delay", 1.5, 5.5), ("Harris attacks", 15.2, 21.0)]
    code, out, _ = run(capsys, "history", coded, "-n", "1", "--json")
    [last] = json.loads(out)
    assert (last["label"], last["annotator"]) == ("adjudicate: edit", "tester")
    code, _, err = run(capsys, "adjudicate", coded, "9", "--union")
    assert code == 2 and "no disagreement '9'" in err


def test_export_takes_one_layer_or_the_consensus(coded: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "adjudicate", coded, "3", "--take", "ann")
    out = tmp_path / "consensus.csv"
    code, _, err = run(capsys, "export", coded, "-f", "csv", "--table", "annotations",
                       "--annotator", "consensus", "-o", out)
    assert code == 0, err
    with out.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["tag"], r["annotator"]) for r in rows] == [("Harris attacks", "consensus")]
    both = tmp_path / "both.json"
    run(capsys, "export", coded, "-f", "json", "--annotator", "ann", "--annotator", "ben",
        "-o", both)
    annotators = {a["annotator"] for a in json.loads(both.read_text("utf-8"))["annotations"]}
    assert annotators == {"ann", "ben"}
