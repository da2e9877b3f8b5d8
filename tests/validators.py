"""The reference validators installed from the registries (`make validators`: npm packages in
tests/validators/, Java from Debian), as the tests call them."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent / "validators"
MODULES = HERE / "node_modules"


def _require(tool: str, path: Path | None = None) -> None:
    if shutil.which(tool) is None or (path is not None and not path.exists()):
        pytest.fail(f"{tool} or {path} is missing: run `make validators` (make test does)")


def ical_js(calendar: Path) -> dict[str, Any]:
    """What ical.js (2.2.1, the parser of many web calendars) reads: every event's start and end in UTC."""
    _require("node", MODULES / "ical.js")
    result = subprocess.run(
        ["node", HERE / "ical_utc.mjs", calendar], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


VNU = MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Messages about Material for MkDocs' own markup, which we do not write, each with its reason.
MATERIAL_OWN = (
    # base.html: its drawer and search toggles are checkboxes with autocomplete="off" (a Firefox
    # workaround that keeps a toggle's state from being restored on back navigation).
    ("Attribute “autocomplete” is only allowed when the input type is", 'class="md-toggle"'),
)


def nu_html_checker(*sites: Path) -> list[str]:
    """The Nu HTML Checker's errors over every HTML page of ``sites``, as "file:line: message",
    without Material's own (listed above)."""
    _require("java", VNU)
    result = subprocess.run(
        ["java", "-jar", VNU, "--skip-non-html", "--errors-only", "--format", "json", *sites],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    report = json.loads(result.stderr or '{"messages": []}')
    found = []
    for message in report["messages"]:
        text, extract = message.get("message", ""), message.get("extract", "")
        if any(text.startswith(start) and marker in extract for start, marker in MATERIAL_OWN):
            continue
        found.append(f"{message.get('url', '')}:{message.get('lastLine', 0)}: {text}")
    return found
