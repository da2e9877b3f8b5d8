"""`mkdocs serve` runs the generator and rebuilds when a protocol changes (staff preview)."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import build_site, copy_project
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


LAYOUTS = Path(__file__).resolve().parent / "fixtures" / "layouts"
TODAY = "2024-06-01"
_ARTICLE = re.compile(r"<article.*?</article>", re.DOTALL)


def article(html: str) -> str:
    """The page's own content: what an incremental build could leave stale."""
    found = _ARTICLE.search(html)
    return found.group(0) if found else html


def clean_build(protocols: Path, site: Path) -> dict[str, str]:
    """Every page of a clean build of ``protocols``: URL path -> its article."""
    shutil.rmtree(site, ignore_errors=True)
    build_site(protocols, site, today=TODAY)
    return {
        page.parent.relative_to(site).as_posix(): article(page.read_text(encoding="utf-8"))
        for page in site.rglob("index.html")
        if not page.relative_to(site).parts[0].startswith(("pagefind", "sok"))
    }


def test_an_incremental_preview_serves_what_a_clean_build_makes(tmp_path: Path) -> None:
    """Under `mkdocs serve --dirty` (as `make serve` runs it) only changed pages are built again;
    after each edit, addition and removal every page served equals a clean build's, and a
    removed protocol's page is gone."""
    project = copy_project(tmp_path / "project", ("mkdocs.yml", "docs", "site_overrides"))
    protocols = project / "protocols"
    shutil.copytree(LAYOUTS, protocols)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "ARKIV_IDAG": TODAY},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"

    def served_equals_clean(step: str) -> None:
        expected = clean_build(protocols, tmp_path / "clean")
        for path, content in expected.items():
            status, html = fetch(base + (f"{path}/" if path != "." else ""), timeout=5)
            assert status == 200, (step, path)
            assert article(html) == content, (step, path)

    meeting = protocols / "direktionen" / "2016-11-24.md"
    try:
        wait_for(base + "direktionen/2016-11-24/", "Budget för nätverksdrift 2017")
        served_equals_clean("start")

        # An edited decision, an attendee removed (their person page changes) and a new case title.
        text = meeting.read_text(encoding="utf-8")
        text = text.replace("4 200 tkr", "4 250 tkr").replace(", Cilla Carlberg (KNA)", "")
        meeting.write_text(text.replace("Sammanträdesdagar 2017", "Sammanträdesdagar för 2017"), encoding="utf-8")
        wait_for(base + "direktionen/2016-11-24/", "4 250 tkr")
        served_equals_clean("edit")

        # A new protocol: new meeting, case and year pages, and neighbours' links change.
        added = protocols / "direktionen" / "2017-02-16.md"
        added.write_text(
            text.replace("2016-11-2", "2017-02-1")
            .replace("2016/12", "2017/3")
            .replace("2016/31", "2017/8")
            .replace("2016/33", "2017/9")
            .replace("2016-12-21", "2017-03-14"),
            encoding="utf-8",
        )
        wait_for(base + "direktionen/2017-02-16/", "4 250 tkr")
        served_equals_clean("add")

        # A removed protocol: its page and its only cases' pages are gone.
        removed = protocols / "direktionen" / "2022-02-03.md"
        removed.unlink()
        deadline = time.monotonic() + 60
        while fetch(base + "direktionen/2022-02-03/", timeout=5)[0] != 404 and time.monotonic() < deadline:
            time.sleep(0.5)
        assert fetch(base + "direktionen/2022-02-03/", timeout=5)[0] == 404
        served_equals_clean("remove")
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_protocols_are_watched_by_notification_where_the_system_can(tmp_path: Path) -> None:
    """Where the system cannot notify (here: a folder that is not there), serve falls back to
    MkDocs' reading of the folder instead of failing to start."""
    from generator.mkdocs_plugin import _notifications_work

    assert _notifications_work(str(tmp_path))
    assert not _notifications_work(str(tmp_path / "saknas"))
