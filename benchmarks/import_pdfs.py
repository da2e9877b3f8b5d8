"""Batch import (not a test): 100 protocol PDFs printed by Chromium (four pages each, a running
header and footer, a paragraph over a page break, a signing page) imported in one
`arkiv import FOLDER` into an empty archive; prints the wall time and the summary.

    .venv/bin/python benchmarks/import_pdfs.py [count]
"""

import datetime
import shutil
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

root = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(root))
from tests import pdfs  # noqa: E402  (the test suite's PDF maker)

count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
work = Path("/tmp/importbench")
folder = work / f"pdf-{count}"
if len(list(folder.glob("*.pdf"))) != count:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    first = datetime.date(2010, 1, 14)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        for i in range(count):
            day = (first + datetime.timedelta(weeks=2 * i)).isoformat()
            (folder / f"protokoll-{day}.pdf").write_bytes(pdfs.print_pdf(browser, pdfs.protocol_html(day)))
        browser.close()
protocols = work / "protocols"
shutil.rmtree(protocols, ignore_errors=True)
protocols.mkdir()
shutil.copy(root / "tests/fixtures/layouts/organisation.yaml", protocols)
started = time.perf_counter()
result = subprocess.run(
    [str(root / ".venv/bin/arkiv"), "import", str(folder), "--protocols", str(protocols)],
    capture_output=True,
    text=True,
)
seconds = time.perf_counter() - started
pages = sum(1 for _ in folder.glob("*.pdf")) * 4
print(f"{count} PDF ({pages} sidor): {seconds:.1f} s, {result.stdout.strip().splitlines()[-1]}")
