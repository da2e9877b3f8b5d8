"""Staff preview latency (not a test): `mkdocs serve --dirty` (as `make serve` runs it) on a full
synthetic archive in /tmp/base/full-protocols (write it with
`arkiv synth --size full /tmp/base/full-protocols`). Starts the preview twice, first with no cache
of read sources and then with the cache the first start left, and prints the time to the first
page and, for three edits saved one after another in one protocol, the time until each is served.

    .venv/bin/python benchmarks/serve.py
"""

import os
import shutil
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

root = Path(__file__).resolve().parent.parent
# Where `make serve` has MkDocs write the preview's site: in memory when the machine has /dev/shm.
PREVIEW_TMP = "/dev/shm" if os.access("/dev/shm", os.W_OK) else os.environ.get("TMPDIR", "/tmp")
work = Path("/tmp/servebench")
shutil.rmtree(work, ignore_errors=True)
work.mkdir()
for name in ("mkdocs.yml", "docs", "site_overrides"):
    (shutil.copytree if (root / name).is_dir() else shutil.copy)(root / name, work / name)
shutil.copytree("/tmp/base/full-protocols", work / "protocols")
src = sorted((work / "protocols").rglob("*.md"))[5]
url = f"http://127.0.0.1:8765/{src.parent.name}/{src.stem}/"


def get(address: str) -> str:
    try:
        with urllib.request.urlopen(address, timeout=5) as response:
            return response.read().decode()
    except Exception:
        return ""


def wait_for(text: str) -> float:
    started = time.time()
    while text not in get(url):
        time.sleep(0.05)
    return time.time() - started


for run in ("kall cache", "varm cache"):
    started = time.time()
    server = subprocess.Popen(
        [str(root / ".venv/bin/mkdocs"), "serve", "--dirty", "--dev-addr", "127.0.0.1:8765"],
        cwd=work,
        env={**os.environ, "TMPDIR": PREVIEW_TMP},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for("Protokollarkiv")
    first = time.time() - started
    edits = []
    for n in range(3):
        marker = f"Ändrat-för-mätning-{run[:4]}-{n}"
        text = src.read_text()
        src.write_text(text.replace("beslutar ", f"beslutar {marker} ", 1))
        edits.append(wait_for(marker))
    server.send_signal(signal.SIGINT)  # Ctrl-C, as staff stop it: the caches are kept then
    server.wait()
    print(f"{run}: första sidan {first:.1f} s, ändring synlig {' / '.join(f'{e:.1f}' for e in edits)} s")
