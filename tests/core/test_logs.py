"""The log file: in $DESK_LOG_DIR, one handler however often logging is set up."""

from __future__ import annotations

import faulthandler
import logging
import os
from pathlib import Path

from desk.core.logs import log_dir, setup_logging


def test_logging_goes_to_the_log_folder_once() -> None:
    assert log_dir() == Path(os.environ["DESK_LOG_DIR"])
    path = setup_logging("unit")
    assert setup_logging("unit") == path == log_dir() / "unit.log"
    mine = [h for h in logging.getLogger().handlers if getattr(h, "desk_log", None) == path]
    assert len(mine) == 1
    logging.getLogger("desk.test").warning("written to the log file")
    mine[0].flush()
    assert "written to the log file" in path.read_text(encoding="utf-8")
    assert faulthandler.is_enabled()  # hard crashes (segfaults) are written to the log folder
