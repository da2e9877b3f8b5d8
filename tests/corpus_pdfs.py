#!/usr/bin/env python3
"""Measures the PDF route on a corpus of signed-protocol PDFs, the way staff use it.

For each ``<name>.pdf`` with ``<name>.expect.json`` (a ``pdf`` block saying the expected class
and signature) in the corpus's ``pdf/`` folder:

1. ``arkiv import <name>.pdf --body <slug>`` into a fresh protocols folder that holds only the
   protocol's organisation (its own file, or the project's Itsam file with the additions);
2. a PDF expected REJECTED-CLEARLY (tampered) must be refused with a message naming it;
3. an imported one: its signature verdict (valid, or none) must be the expected one, and the
   Markdown the import wrote is measured by the corpus's own checker (``check_layouts.py``) against
   the same expectation, as a Markdown protocol of that layout would be.

Prints one line per PDF and "pdfs: R read, … of N"; exits 1 when any PDF is not as expected.
Usage: python3 tests/corpus_pdfs.py [CORPUS]   (default: ../shared/corpus, else tests/fixtures/corpus)
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PYTHON = os.environ.get("LAYOUTS_PYTHON", sys.executable)


def corpus_dir(argument: str | None) -> Path:
    for candidate in (argument, ROOT.parent / "shared" / "corpus", ROOT / "tests" / "fixtures" / "corpus"):
        if candidate and (Path(candidate) / "pdf").is_dir():
            return Path(candidate)
    sys.exit("no corpus with a pdf/ folder found")


def organisation(folder: Path, expectation: dict) -> str:
    """The organisation.yaml the protocol belongs to, as text."""
    if expectation.get("organisation_file"):
        return (folder / expectation["organisation_file"]).read_text(encoding="utf-8")
    org = yaml.safe_load((ROOT / "protocols" / "organisation.yaml").read_text(encoding="utf-8"))
    if expectation.get("organisation_additions"):
        add = yaml.safe_load((folder / expectation["organisation_additions"]).read_text(encoding="utf-8"))
        known = set(org.get("kommuner", []))
        org.setdefault("kommuner", []).extend(k for k in add.get("kommuner", []) if k not in known)
        names = {p["namn"] for p in org.get("personer", [])}
        org.setdefault("personer", []).extend(p for p in add.get("personer", []) if p["namn"] not in names)
    return yaml.safe_dump(org, allow_unicode=True, sort_keys=False)


def arkiv(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_MKDOCS_2_WARNING="1")
    return subprocess.run([PYTHON, "-m", "generator", *args], cwd=ROOT, env=env, capture_output=True, text=True)


def measure(corpus: Path, work: Path) -> list[tuple[str, str, str]]:
    folder = corpus / "pdf"
    staged = work / "layouts"
    staged.mkdir(parents=True)
    results: list[tuple[str, str, str]] = []  # (name, class, detail)
    for path in sorted(folder.glob("*.expect.json")):
        name = path.name.removesuffix(".expect.json")
        expectation = json.loads(path.read_text(encoding="utf-8"))
        pdf = expectation.get("pdf") or {}
        protocols = work / name / "protocols"
        protocols.mkdir(parents=True)
        (protocols / "organisation.yaml").write_text(organisation(folder, expectation), encoding="utf-8")
        done = arkiv(
            "import",
            str(folder / pdf.get("file", f"{name}.pdf")),
            "--body",
            expectation["body"]["slug"],
            "--protocols",
            str(protocols),
        )
        written = protocols / expectation["body"]["slug"] / f"{expectation['date']}.md"
        said = (done.stdout + done.stderr).strip()
        if pdf.get("expected_class") == "REJECTED-CLEARLY":
            refused = not written.exists() and f"{name}.pdf" in said and "Traceback" not in said
            results.append(
                (name, "REJECTED-CLEARLY" if refused else "NOT-REFUSED", said.splitlines()[0] if said else "")
            )
            continue
        if not written.exists():
            results.append((name, "NOT-IMPORTED", " ".join(said.splitlines()[:3])))
            continue
        signature = pdf.get("signature") or {}
        page_check = arkiv("validate", "--protocols", str(protocols))
        if signature.get("signed") and "ogiltig" in (page_check.stdout + page_check.stderr).casefold():
            results.append((name, "SIGNATURE-WRONG", "a valid signature reported as invalid"))
            continue
        # The checker copies the Markdown alone: the original PDF beside it is not part of the measure.
        text = re.sub(r"\n*<!-- arkiv: original:[^>]*-->\n*", "\n", written.read_text(encoding="utf-8"))
        (staged / f"{name}.md").write_text(text, encoding="utf-8")
        for key in ("organisation_file", "organisation_additions"):
            if expectation.get(key):
                shutil.copyfile(folder / expectation[key], staged / expectation[key])
        shutil.copyfile(path, staged / path.name)
        results.append((name, "IMPORTED", ""))
    imported = [name for name, cls, _ in results if cls == "IMPORTED"]
    if imported:
        env = dict(os.environ, LAYOUTS_DIR=str(staged), LAYOUTS_TMP=str(work))
        env.setdefault("LAYOUTS_VENV", str(Path(PYTHON).parent.parent))
        checker = corpus / "check_layouts.py"
        out = subprocess.run(
            [sys.executable, str(checker), *imported], cwd=ROOT, env=env, capture_output=True, text=True
        )
        classes = dict(re.findall(r"^(\S+)\s+(READ|PARTIAL|REJECTED-CLEARLY|SILENT-LOSS|CRASH)\b", out.stdout, re.M))
        lines = {m[0]: m[1] for m in re.findall(r"^(\S+)\s+\S+\s+(.*)$", out.stdout, re.M)}
        results = [
            (name, classes.get(name, "CRASH"), lines.get(name, out.stderr[-300:]))
            if cls == "IMPORTED"
            else (name, cls, d)
            for name, cls, d in results
        ]
    return results


def main() -> int:
    corpus = corpus_dir(sys.argv[1] if len(sys.argv) > 1 else None)
    with tempfile.TemporaryDirectory(prefix="corpus-pdfs-") as tmp:
        results = measure(corpus, Path(tmp))
    expected = {
        p.name.removesuffix(".expect.json"): (json.loads(p.read_text(encoding="utf-8")).get("pdf") or {}).get(
            "expected_class", "READ"
        )
        for p in (corpus / "pdf").glob("*.expect.json")
    }
    wrong = 0
    for name, cls, detail in results:
        ok = cls == expected[name]
        wrong += not ok
        print(f"{name:45} {cls:17} {'' if ok else 'EXPECTED ' + expected[name] + ' '}{detail[:160]}")
    counts = {c: sum(1 for _, cls, _ in results if cls == c) for c in ("READ", "PARTIAL", "REJECTED-CLEARLY")}
    print(
        f"pdfs: {counts['READ']} read, {counts['PARTIAL']} partial, {counts['REJECTED-CLEARLY']} refused, "
        f"{len(results) - sum(counts.values())} other, of {len(results)}; {wrong} not as expected"
    )
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
