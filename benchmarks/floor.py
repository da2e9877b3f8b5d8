"""The floor of this stack beside our build (not a test): bare MkDocs Material (the pinned
versions, no plugins) building the same pages with their finished article HTML swapped in after
Markdown by a four-line hook, then Pagefind over that output; and `arkiv build` of the same
archive with a cold and a warm cache of read sources. Prints seconds and our ratio to the floor.

    .venv/bin/python benchmarks/floor.py [protocols] [work folder]
        (defaults: /tmp/base/full-protocols, /tmp/floorbench)

Give a work folder on tmpfs (/dev/shm/...) to compare the work of the two builds alone: on a
disk whose file system is slow to create files, the ~21,500 files the floor writes and the
~41,000 ours writes (open data and a feed per case besides) cost time that depends on the disk.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from pagefind_bin import get_executable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from generator.build import generate  # noqa: E402

HOOK = """import pathlib
HTML = pathlib.Path(__file__).parent / "html"
def on_page_content(html, page, **kwargs):
    return (HTML / (page.file.src_uri + ".html")).read_text(encoding="utf-8")
"""


def timed(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def floor_project(protocols: Path, work: Path) -> Path:
    """The floor's project: one Markdown file per page (its title) and the page's HTML beside."""
    project = work / "floor"
    shutil.rmtree(project, ignore_errors=True)
    generated = generate(protocols)
    for page in generated.pages:
        markdown = project / "docs" / page.src_uri
        html = project / "html" / (page.src_uri + ".html")
        markdown.parent.mkdir(parents=True, exist_ok=True)
        html.parent.mkdir(parents=True, exist_ok=True)
        markdown.write_text(f"---\ntitle: {json.dumps(page.title)}\n---\n\nx\n", encoding="utf-8")
        html.write_text(page.render(), encoding="utf-8")
    (project / "hook.py").write_text(HOOK, encoding="utf-8")
    # The same menu as ours (without one, Material would list all ~10,800 pages on every page).
    menu = "".join(f"  - {json.dumps(label)}: {src}\n" for label, src in generated.navigation)
    (project / "mkdocs.yml").write_text(
        "site_name: Golv\ntheme:\n  name: material\n  language: sv\nplugins: []\nhooks: [hook.py]\n"
        "validation:\n  nav:\n    omitted_files: ignore\n"
        f"nav:\n{menu}",
        encoding="utf-8",
    )
    return project


def main() -> None:
    protocols = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/base/full-protocols").resolve()
    work = Path(sys.argv[2] if len(sys.argv) > 2 else "/tmp/floorbench")
    work.mkdir(exist_ok=True)
    project = floor_project(protocols, work)
    mkdocs = str(ROOT / ".venv/bin/mkdocs")
    arkiv = [str(ROOT / ".venv/bin/arkiv"), "build", "--protocols", str(protocols)]
    os.environ.setdefault("ARKIV_IDAG", "2026-11-27")
    cache = ROOT / ".cache" / "arkiv"
    # Every build writes a new folder and none is deleted before the end, as on the publishing
    # server (a new folder per push): on a disk that is slow to create files just after many were
    # deleted (ext4 without a journal), the deleting would otherwise decide the figures.
    sites = work / "sites"
    shutil.rmtree(sites, ignore_errors=True)
    sites.mkdir()
    try:
        for run in (1, 2):
            floor_site = str(sites / f"golv-{run}")
            floor_mkdocs = timed([mkdocs, "build", "-q", "-d", floor_site], project)
            floor_pagefind = timed([str(get_executable()), "--site", floor_site, "--quiet"], project)
            floor = floor_mkdocs + floor_pagefind
            shutil.rmtree(cache, ignore_errors=True)  # the cache of read sources and rendered pages
            cold = timed([*arkiv, "--site", str(sites / f"kall-{run}")], ROOT)
            warm = timed([*arkiv, "--site", str(sites / f"varm-{run}")], ROOT)
            print(
                f"körning {run}: golv {floor:.1f} s (MkDocs {floor_mkdocs:.1f} + Pagefind {floor_pagefind:.1f}); "
                f"arkiv build kall cache {cold:.1f} s ({cold / floor:.2f}x), "
                f"varm cache {warm:.1f} s ({warm / floor:.2f}x)",
                flush=True,
            )
    finally:
        shutil.rmtree(sites, ignore_errors=True)


if __name__ == "__main__":
    main()
