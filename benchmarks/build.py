"""Build benchmark on the synthetic archive (not a test: it prints figures to compare with targets).

    .venv/bin/python benchmarks/build.py [small] [medium] [full]

For each size: pages, generator seconds (reading, index and page rendering), MkDocs seconds,
total, peak memory, site size, and median/maximum HTML bytes of meeting and case pages.
Targets at `full` on a 2-core machine: total <= 40 s, generator <= 5 s, peak <= 2 GB, median
meeting page <= 40 KB and <= 1.1 x its size at `small`.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def html_sizes(site: Path, pattern: str) -> list[int]:
    return [p.stat().st_size for p in site.glob(pattern)]


def measure(size: str, work: Path) -> dict[str, object]:
    protocols, site, timings = work / f"{size}-protocols", work / f"{size}-site", work / f"{size}.json"
    subprocess.run([sys.executable, "-m", "generator", "synth", "--size", size, protocols], check=True, cwd=ROOT)
    subprocess.run(
        [sys.executable, "-m", "generator", "build", "--protocols", protocols, "--site", site, "--timings", timings],
        check=True,
        cwd=ROOT,
        stderr=subprocess.DEVNULL,
    )
    figures: dict[str, object] = json.loads(timings.read_text())
    meetings = html_sizes(site, "*/????-??-??/index.html")
    cases = html_sizes(site, "arenden/*-*-*/index.html")
    figures |= {
        "size": size,
        "pages": sum(1 for _ in site.rglob("*.html")),
        "site_mb": round(sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6, 1),
        "meeting_html_median_kb": round(statistics.median(meetings) / 1024, 1),
        "meeting_html_max_kb": round(max(meetings) / 1024, 1),
        "case_html_median_kb": round(statistics.median(cases) / 1024, 1),
        "case_html_max_kb": round(max(cases) / 1024, 1),
    }
    return figures


def main() -> None:
    sizes = sys.argv[1:] or ["small", "medium", "full"]
    columns = [
        "size", "pages", "generator_s", "mkdocs_s", "personnummer_scan_s", "total_s", "peak_rss_mb", "site_mb",
        "meeting_html_median_kb", "meeting_html_max_kb", "case_html_median_kb", "case_html_max_kb",
    ]  # fmt: skip
    print("\t".join(columns))
    with tempfile.TemporaryDirectory() as work:
        for size in sizes:
            figures = measure(size, Path(work))
            print("\t".join(str(figures[c]) for c in columns), flush=True)


if __name__ == "__main__":
    main()
