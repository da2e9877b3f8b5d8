"""The shared corpus of protocols in other real layouts (../shared/corpus), measured the way the
people steering measure it: its own checker builds each protocol in a clone of this checkout and
compares the built site with the expected facts.

What holds today (issue 20, in progress): no protocol is refused, none loses or garbles a fact,
none crashes, and at least the ones read in full so far stay read. The figure to raise is READ.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

CORPUS = ROOT.parent / "shared" / "corpus"
READ_SO_FAR = {
    "itsam-2018-direktionen",
    "itsam-2019-direktionen-numrerad",
    "itsam-2021-direktionen-jav",
    "itsam-2024-kcb-annan-export",
}


@pytest.mark.skipif(not (CORPUS / "check_layouts.py").exists(), reason="the shared corpus is not beside the project")
def test_corpus_layouts_are_read_without_loss_refusal_or_crash(tmp_path: Path) -> None:
    env = dict(os.environ, LAYOUTS_VENV=str(Path(sys.executable).parent.parent), LAYOUTS_TMP=str(tmp_path))
    done = subprocess.run(
        [sys.executable, str(CORPUS / "check_layouts.py")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    report = json.loads((tmp_path / "layouts-report.json").read_text(encoding="utf-8"))
    classes = {r["name"]: r["cls"] for r in report}
    assert len(classes) == 8, done.stdout + done.stderr
    assert {name for name, cls in classes.items() if cls not in ("READ", "PARTIAL")} == set(), done.stdout
    assert {name for name, cls in classes.items() if cls == "READ"} >= READ_SO_FAR, done.stdout
