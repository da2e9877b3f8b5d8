"""Staff preview latency (not a test): mkdocs serve on a full synthetic archive in /tmp/base/full-protocols
(write it with `arkiv synth --size full /tmp/base/full-protocols`); prints the time to the first page and from
saving an edited protocol until the edit is served.

    .venv/bin/python benchmarks/serve.py
"""

import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

root = Path(__file__).resolve().parent.parent
work = Path("/tmp/servebench")
shutil.rmtree(work, ignore_errors=True)
work.mkdir()
for name in ("mkdocs.yml", "docs", "site_overrides"):
    (shutil.copytree if (root / name).is_dir() else shutil.copy)(root / name, work / name)
shutil.copytree("/tmp/base/full-protocols", work / "protocols")


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode()
    except Exception:
        return ""


start = time.time()
p = subprocess.Popen(
    [str(root / ".venv/bin/mkdocs"), "serve", "--dev-addr", "127.0.0.1:8765"],
    cwd=work,
    stdout=subprocess.DEVNULL,
    stderr=subprocess.DEVNULL,
)
src = sorted((work / "protocols").rglob("*.md"))[5]
url = f"http://127.0.0.1:8765/{src.parent.name}/{src.stem}/"
while "Protokollarkiv" not in get(url):
    time.sleep(0.5)
first = time.time() - start
text = src.read_text()
marker = "Ändrat-för-mätning"
src.write_text(text.replace("beslutar att", f"beslutar {marker} att", 1))
t = time.time()
while marker not in get(url):
    time.sleep(0.25)
edit = time.time() - t
p.terminate()
p.wait()
print(f"first page {first:.1f} s, edit visible {edit:.1f} s")
