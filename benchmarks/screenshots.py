"""Screenshots of every page type at 1366×900 and 390×844, to look at (not a test).

    .venv/bin/python benchmarks/screenshots.py [SITE] [OUT]

SITE: a built site (default: the seed, built into a temporary folder); OUT: where the PNGs go
(default: screenshots/ beside the project, ignored by git). Uses Debian's Chromium.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.helpers import SEED_PAGES, serve_directory  # noqa: E402

VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
EXTRA = ["sok/?q=delårsbokslut", "direktionen/2023-10-26/?utdrag=72#paragraf-72"]


def main() -> None:
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        site = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(work) / "site"
        if len(sys.argv) < 2:
            subprocess.run(
                [sys.executable, "-m", "generator", "build", "--protocols", ROOT / "protocols", "--site", site],
                check=True,
                cwd=ROOT,
            )
        with serve_directory(site) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, viewport in VIEWPORTS.items():
                page = browser.new_context(locale="sv-SE", viewport=viewport).new_page()  # type: ignore[arg-type]
                for path in [*SEED_PAGES, *EXTRA]:
                    page.goto(url + path)
                    page.wait_for_timeout(300)
                    slug = path.strip("/").replace("/", "_").replace("?", "_").replace("#", "_") or "start"
                    page.screenshot(path=out / f"{name}-{slug}.png", full_page=True)
                page.context.close()
            browser.close()
    print(f"{2 * (len(SEED_PAGES) + len(EXTRA))} screenshots in {out}")


if __name__ == "__main__":
    main()
