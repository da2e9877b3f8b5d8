"""Search benchmark in headless Chromium on localhost (not a test: it prints figures).

    .venv/bin/python benchmarks/search.py [small|medium|full]   (default: full)

Builds the synthetic archive, serves it, and measures the bytes fetched for (a) loading a
meeting page without searching, (b) the first dnr lookup, (c) the first text query and (d) a
second text query on the same page, plus milliseconds to the first result. Targets at `full`:
(a) <= 80 KB of search assets, (b) <= 100 KB, (c) <= 600 KB, (d) <= 150 KB, first result
within 500 ms. Then (e) as a visitor searches: on a meeting page, focus the header's box, type,
Enter, and the milliseconds until the first result is visible on the search page; on a desktop
and on a throttled phone (390×844, 4× slower CPU, "fast 3G"-like network), three times each.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

SEARCH_ASSETS = ("/pagefind/", "/sok/dnr/", "arkiv-sok.js")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class Meter:
    """Bytes on the wire (response bodies as sent) per request, from the page's network events."""

    def __init__(self, page: Page) -> None:
        self.sizes: list[tuple[str, int]] = []
        page.on("requestfinished", self._finished)

    def _finished(self, request: Any) -> None:
        sizes = request.sizes()
        self.sizes.append((request.url, sizes["responseBodySize"] + sizes["responseHeadersSize"]))

    def take(self) -> tuple[int, int]:
        """(search-asset bytes, all bytes) since the last call."""
        search = sum(n for url, n in self.sizes if any(part in url for part in SEARCH_ASSETS))
        total = sum(n for _, n in self.sizes)
        self.sizes = []
        return search, total


def elapsed(page: Page, first: str) -> float:
    return float(page.evaluate(f"performance.measure('m', 'arkiv-sok-start', '{first}').duration"))


def from_the_header(browser: Any, url: str, query: str, phone: bool) -> float:
    """Milliseconds from Enter in the header's search box to the first visible result."""
    context = browser.new_context(**({"viewport": {"width": 390, "height": 844}} if phone else {}))
    page = context.new_page()
    if phone:
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        cdp.send(
            "Network.emulateNetworkConditions",
            {"offline": False, "latency": 150, "downloadThroughput": 200_000, "uploadThroughput": 90_000},
        )
    page.goto(url, wait_until="networkidle")
    box = page.locator("#arkiv-sokord")
    box.focus()
    box.type(query, delay=120)  # a person types; the focus has started the prefetch
    start = page.evaluate("Date.now()")
    box.press("Enter")
    page.locator("#arkiv-traffar > li").first.wait_for(state="visible")
    ms = float(page.evaluate("Date.now()")) - float(start)
    context.close()
    return ms


def main() -> None:
    size = sys.argv[1] if len(sys.argv) > 1 else "full"
    with tempfile.TemporaryDirectory() as work:
        protocols, site = Path(work) / "protocols", Path(work) / "site"
        subprocess.run([sys.executable, "-m", "generator", "synth", "--size", size, protocols], check=True)
        subprocess.run(
            [sys.executable, "-m", "generator", "build", "--protocols", protocols, "--site", site],
            check=True,
            stderr=subprocess.DEVNULL,
        )
        meeting = next(site.glob("direktionen/20??-??-??/index.html")).parent.relative_to(site).as_posix()
        dnr_case = sorted(site.glob("arenden/sago-*-93/index.html"))[0].parent.name.split("-")
        dnr = f"{dnr_case[1]}/{dnr_case[2]}"
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        rows = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

            def fresh() -> tuple[Page, Meter]:
                page = browser.new_context().new_page()
                return page, Meter(page)

            page, meter = fresh()
            page.goto(base + meeting + "/", wait_until="networkidle")
            rows.append(("(a) meeting page, no search", *meter.take(), None))

            page, meter = fresh()
            page.goto(base + f"sok/?q={dnr}")
            page.wait_for_url(base + "arenden/**")
            page.wait_for_load_state("networkidle")
            rows.append((f"(b) first dnr lookup ({dnr})", *meter.take(), None))

            page, meter = fresh()
            page.goto(base + "sok/?q=upphandling")
            page.locator("#arkiv-traffar > li").first.wait_for()
            page.wait_for_load_state("networkidle")
            rows.append(("(c) first text query 'upphandling'", *meter.take(), elapsed(page, "arkiv-sok-forsta")))

            page.fill("#arkiv-sok-q", "avtalet")
            page.click(".arkiv-sokpanel button")
            page.wait_for_function("performance.getEntriesByName('arkiv-sok-klar').length >= 2")
            page.wait_for_load_state("networkidle")
            ms = page.evaluate(
                "(() => { const s = performance.getEntriesByName('arkiv-sok-start').at(-1).startTime;"
                " const f = performance.getEntriesByName('arkiv-sok-forsta').at(-1).startTime; return f - s; })()"
            )
            rows.append(("(d) second text query 'avtalet'", *meter.take(), float(ms)))
            for name, phone in (("desktop", False), ("throttled phone", True)):
                for query in ("upphandling", "avtalet", "budget"):
                    ms = from_the_header(browser, base + meeting + "/", query, phone)
                    rows.append((f"(e) {name}: header, Enter to first result ('{query}')", 0, 0, ms))
            browser.close()
        server.shutdown()
    print(f"size={size}")
    print("measure\tsearch_assets_kb\tall_bytes_kb\tms_to_first_result")
    for name, search, total, ms in rows:
        print(f"{name}\t{search / 1024:.1f}\t{total / 1024:.1f}\t{'' if ms is None else round(ms)}")


if __name__ == "__main__":
    main()
