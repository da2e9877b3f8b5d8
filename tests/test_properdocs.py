"""The archive outlives MkDocs 1.x: ProperDocs, the maintained drop-in fork of MkDocs 1.6, builds
the seed's site with every page the same as MkDocs does (only the generator's name differs)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROTOCOLS, ROOT, arkiv

BIN = Path(sys.executable).parent
# The one line that names the tool that built the page.
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def build_with(tool: str, site: Path) -> dict[str, bytes]:
    result = subprocess.run(
        [BIN / tool, "build", "--quiet", "--config-file", ROOT / "mkdocs.yml", "--site-dir", site],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return {
        path.relative_to(site).as_posix(): GENERATOR.sub(b"", path.read_bytes())
        for path in site.rglob("*")
        if path.is_file()
    }


def test_properdocs_builds_every_page_as_mkdocs_does(tmp_path: Path) -> None:
    mkdocs = build_with("mkdocs", tmp_path / "mkdocs")
    properdocs = build_with("properdocs", tmp_path / "properdocs")
    pages = [name for name in mkdocs if name.endswith(".html")]
    assert len(pages) > 30 and "direktionen/2023-10-26/index.html" in pages
    assert b"mkdocs-ProperDocs" in (tmp_path / "properdocs" / "index.html").read_bytes()  # ProperDocs built it
    # Pagefind's index is made from these pages; its files are named by their content, which
    # holds each page's generator line.
    outside_index = sorted(name for name in mkdocs if not name.startswith("pagefind/"))
    assert outside_index == sorted(name for name in properdocs if not name.startswith("pagefind/"))
    different = [name for name in outside_index if mkdocs[name] != properdocs[name]]
    assert different == []
    assert len([n for n in mkdocs if n.startswith("pagefind/")]) == len(
        [n for n in properdocs if n.startswith("pagefind/")]
    )


def test_arkiv_build_switches_to_properdocs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What staff and the publishing server run: ``arkiv build`` with ARKIV_BYGGVERKTYG=properdocs."""
    built = {}
    for tool in ("", "properdocs"):
        monkeypatch.setenv("ARKIV_BYGGVERKTYG", tool)
        site = tmp_path / (tool or "mkdocs")
        result = arkiv("build", "--protocols", PROTOCOLS, "--site", site)
        assert result.returncode == 0, result.stderr
        built[tool] = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}
    page = built["properdocs"]["direktionen/2023-10-26/index.html"]
    assert b"mkdocs-ProperDocs 1.6.7" in page and b"mkdocs-ProperDocs" not in built[""]["index.html"]
    assert {n: GENERATOR.sub(b"", p) for n, p in built[""].items()} == {
        n: GENERATOR.sub(b"", p) for n, p in built["properdocs"].items()
    }
