"""kill -9 in the middle of a large ELAN import: the project is left as it was.

The streamed import writes its rows in one transaction; SIGKILLed once that
transaction has spilled pages into the -wal (rows written, no COMMIT yet), the
file passes a full integrity_check and holds what it held before (or, if the
kill came after the COMMIT, the whole import). The same import then completes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.cli_run import run
from tests.conftest import REPO
from tests.core.formats.test_eaf_stream import _big_eaf
from tests.faults.conftest import checked_digest
from tests.faults.writers import count

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="POSIX signals")

ROWS = 28_000  # 4 ms apart on 4 tiers: 28 s, within the 30 s tone


def test_elan_import_killed_mid_transaction_changes_nothing(
        tmp_path: Path, project_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    eaf = _big_eaf(tmp_path / "big.eaf", ROWS)
    before = checked_digest(project_path)
    wal = Path(f"{project_path}-wal")
    at_start = wal.stat().st_size if wal.exists() else 0
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), os.environ["PYTHONPATH"]]))
    child = subprocess.Popen([sys.executable, "-m", "desk", "import", str(project_path),
                              str(eaf)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             env=env)
    deadline = time.monotonic() + 120
    while child.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > at_start + 2**20:
            break  # the import's own pages are in the -wal: it is writing
        time.sleep(0.002)
    assert child.poll() is None, "the import ended before its writes reached the -wal"
    child.send_signal(signal.SIGKILL)
    child.wait()
    after = checked_digest(project_path)
    assert after == before or count(project_path, "segments") == ROWS
    assert run(capsys, "import", project_path, eaf)[0] == 0
    assert count(project_path, "segments") == ROWS
