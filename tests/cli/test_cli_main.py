"""The `desk` entry point: a command's module is imported alone, the rest only when needed."""

from __future__ import annotations

import argparse
import importlib
import re
import subprocess
import sys

import pytest

from desk.cli import COMMAND_MODULES, build_parser
from tests.cli.cli_run import run


@pytest.mark.parametrize("module", list(COMMAND_MODULES))
def test_each_listed_command_is_registered_by_its_module(module: str) -> None:
    subparsers = argparse.ArgumentParser().add_subparsers()
    importlib.import_module(module).register(subparsers)
    assert set(COMMAND_MODULES[module]) <= set(subparsers.choices)


def test_a_known_command_parses_with_its_module_alone() -> None:
    parser = build_parser("agreement")
    assert parser.parse_args(["agreement", "x.desk"]).func.__module__ == "desk.cli.agreement_cmds"
    with pytest.raises(Exception, match="invalid choice"):
        parser.parse_args(["stats", "x.desk"])
    assert build_parser("nonsense").parse_args(["stats", "x.desk"]).command == "stats"


def test_desk_agreement_does_not_import_the_other_commands() -> None:
    code = ("import sys; from desk.cli import build_parser; build_parser('agreement');"
            "print(sorted(m for m in sys.modules if m.startswith('desk.cli.')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert "desk.cli.transcribe_cmds" not in done.stdout
    assert "desk.cli.agreement_cmds" in done.stdout


def test_an_unknown_command_still_lists_every_choice(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "nonsense")
    assert code == 2 and "agreement" in err and "transcribe" in err


def test_help_of_desk_and_of_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    # `desk --help` used to fail: argparse reads '%' in a help text as a format ('95 % i…').
    commands = [name for names in COMMAND_MODULES.values() for name in names]
    for args in (["--help"], *([name, "--help"] for name in commands)):
        with pytest.raises(SystemExit) as done:
            build_parser(None if args == ["--help"] else args[0]).parse_args(args)
        out, err = capsys.readouterr()
        assert done.value.code == 0 and out.startswith("usage: desk") and err == "", args
        if args == ["--help"]:
            assert all(name in out for name in commands)
            assert re.search(r"with\s+95\s+%\s+intervals", out)
