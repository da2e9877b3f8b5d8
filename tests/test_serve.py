"""`mkdocs serve` runs the generator and rebuilds when a protocol changes (staff preview)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import copy_project
from tests.helpers import fetch


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(url: str, needle: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        try:
            last = fetch(url, timeout=5)[1]
            if needle in last:
                return last
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{needle!r} never appeared at {url}")


def test_serve_rebuilds_when_a_protocol_changes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/direktionen/2023-10-26/"
        wait_for(url, "Faktureringsrutiner")
        source = project / "protocols" / "direktionen" / "2023-10-26.md"
        source.write_text(
            source.read_text(encoding="utf-8").replace("Faktureringsrutiner**", "Faktureringsrutiner i förbundet**"),
            encoding="utf-8",
        )
        page = wait_for(url, "Faktureringsrutiner i förbundet")
        # The preview says what it leaves out, and leaves it out: no search index, feeds or data.
        assert "Förhandsvisning: sidorna byggs om när en fil sparas." in page
        base = f"http://127.0.0.1:{port}/"
        assert fetch(base + "flode.xml", timeout=5)[0] == 404
        assert fetch(base + "pagefind/pagefind.js", timeout=5)[0] == 404
        assert fetch(base + "data/arkiv.json", timeout=5)[0] == 404
        assert fetch(base + "sok/dnr/2023.json", timeout=5)[0] == 200  # the dnr lookup still works
    finally:
        server.terminate()
        server.wait(timeout=20)
