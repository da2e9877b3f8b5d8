"""``arkiv import``: a signed protocol PDF becomes a Markdown source beside its original.

The text is taken from the PDF (``pdf_text``), the body and the meeting date are found in it, the
PAdES signature is checked, and the source is read by the same reader and checks as any other in
a staging folder before anything is written to ``protocols/``. The source records the PDF's
SHA-512, so a build refuses the meeting if the original is later replaced. A folder of PDFs is
imported file by file, never stopping at a bad one; the slow part (reading the PDFs) runs on
every core, and only one process writes.
"""

from __future__ import annotations

import multiprocessing
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path

from generator import messages
from generator.build import BuildFailed
from generator.model import Body, Organisation, SignatureStatus
from generator.problems import Problems
from generator.readers import personal_data, provenance
from generator.readers.markdown import MarkdownReader
from generator.readers.organisation import FILE_NAME, read_organisation
from generator.readers.sources import read_sources
from generator.readers.vocabulary import MONTHS, normalise, vocabulary_for
from generator.site.urls import RESERVED_SLUGS
from generator.tools.pdf_text import PdfRefused, extract


class Outcome(Enum):
    IMPORTED = "importerad"
    REVIEW = "behöver granskas"
    REFUSED = "vägrad"


@dataclass
class Result:
    pdf: Path
    outcome: Outcome
    source: Path | None = None
    reasons: list[str] = field(default_factory=list)  # why refused, or what staff must fix
    unplaced: list[str] = field(default_factory=list)  # lines the reader could not place
    furniture: list[str] = field(default_factory=list)  # what was dropped as page furniture


@dataclass
class _Prepared:
    """A PDF read and understood, not yet checked against the archive nor written."""

    pdf: Path
    body: Body
    day: date
    text: str
    furniture: list[str]


_ISO = re.compile(r"(?<![\d-])(\d{4}-\d{2}-\d{2})(?![\d-])")
_MEETING_DATE = re.compile(r"^\**(?:sammanträdesdatum|mötesdatum|datum)\**\s*[:;\t]\s*(\d{4}-\d{2}-\d{2})", re.I | re.M)
_PARAGRAPH = re.compile(r"^(?:#+\s*)?\**(?:[A-ZÅÄÖ]{1,6}\s+)?§\s*\d+|^\d+\s*§", re.M)


def import_pdfs(
    paths: list[Path],
    protocols: Path,
    body: str | None = None,
    allow_invalid_signature: bool = False,
    workers: int = 1,
    progress: Callable[[int, int, Path], None] | None = None,
) -> list[Result]:
    """Import every PDF in ``paths``; one result per PDF, in order."""
    problems = Problems()
    organisation = read_organisation(protocols, problems, RESERVED_SLUGS)
    if organisation is None:
        raise BuildFailed(problems.report(), problems)
    results = []
    tasks = [(path, organisation, body, allow_invalid_signature) for path in paths]
    for done, prepared in enumerate(_prepare_all(tasks, workers), start=1):
        result = prepared if isinstance(prepared, Result) else _finish(prepared, protocols, organisation)
        results.append(result)
        if progress:
            progress(done, len(paths), result.pdf)
    return results


def _prepare_all(
    tasks: list[tuple[Path, Organisation, str | None, bool]], workers: int
) -> Iterator[_Prepared | Result]:
    if workers <= 1 or len(tasks) < 4:
        yield from map(_prepare_task, tasks)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(_prepare_task, tasks)


def _prepare_task(task: tuple[Path, Organisation, str | None, bool]) -> _Prepared | Result:
    pdf, organisation, body, allow_invalid_signature = task
    try:
        return _prepare(pdf, organisation, body, allow_invalid_signature)
    except PdfRefused as exc:
        return Result(pdf, Outcome.REFUSED, reasons=[_REFUSALS.get(str(exc), str(exc))])


_REFUSALS = {
    "encrypted": messages.IMPORT_ENCRYPTED,
    "not_pdf": messages.IMPORT_NOT_PDF,
    "no_text": messages.IMPORT_NO_TEXT,
}


def _prepare(pdf: Path, organisation: Organisation, body_slug: str | None, allow_invalid: bool) -> _Prepared | Result:
    extracted = extract(pdf)
    text = extracted.markdown
    if not _PARAGRAPH.search(text) and not re.search(r"^\d{1,4}\. [A-ZÅÄÖ]", text, re.M):
        return Result(pdf, Outcome.REFUSED, reasons=[messages.IMPORT_NOT_A_PROTOCOL])
    checks = provenance.check(pdf)
    broken = [c for c in checks if c.status is not SignatureStatus.VALID]
    if broken and not allow_invalid:
        return Result(pdf, Outcome.REFUSED, reasons=[messages.IMPORT_BAD_SIGNATURE])
    body = organisation.body(body_slug) if body_slug else _find_body(text, organisation)
    if body is None:
        reason = messages.UNKNOWN_BODY.format(body=body_slug) if body_slug else messages.IMPORT_NO_BODY
        return Result(pdf, Outcome.REFUSED, reasons=[reason])
    day = _find_date(text, organisation)
    if day is None:
        return Result(pdf, Outcome.REFUSED, reasons=[messages.IMPORT_NO_DATE])
    return _Prepared(pdf, body, day, text, extracted.furniture)


def _find_body(text: str, organisation: Organisation) -> Body | None:
    """The body whose name stands alone on a line (or as the anslag's "Organ") before the first
    paragraph: the name the protocol gives itself."""
    head = _PARAGRAPH.split(text, maxsplit=1)[0]
    names = {normalise(body.name): body for body in organisation.bodies}
    for line in head.splitlines():
        cells = [normalise(cell) for cell in line.split("\t") if cell.strip()]
        for cell in cells[:1] if len(cells) == 1 else cells[1:2]:
            if cell in names:
                return names[cell]
    return None


def _find_date(text: str, organisation: Organisation) -> date | None:
    """The meeting date: the anslag's "Sammanträdesdatum", else the first date written in the
    header (ISO or in words) before the first paragraph."""
    head = _PARAGRAPH.split(text, maxsplit=1)[0]
    for found in (_MEETING_DATE.search(head), _ISO.search(head)):
        if found:
            try:
                return date.fromisoformat(found[1])
            except ValueError:
                return None
    words = vocabulary_for(organisation.vocabulary).date_in_words.search(head)
    if words:
        try:
            return date(int(words["year"]), MONTHS.index(words["month"].casefold()) + 1, int(words["day"]))
        except (ValueError, IndexError):
            return None
    return None


def _finish(prepared: _Prepared, protocols: Path, organisation: Organisation) -> Result:
    """Read the source in a staging folder as a build would; write it and the PDF only then."""
    pdf, body, day = prepared.pdf, prepared.body, prepared.day
    folder = protocols / body.slug
    taken = [p for p in (folder / f"{day}.md", folder / f"{day}.yaml", folder / f"{day}.pdf") if p.exists()]
    if taken:
        exists = messages.IMPORT_EXISTS.format(path=taken[0].relative_to(protocols))
        return Result(pdf, Outcome.REFUSED, reasons=[exists])
    # A personnummer in the PDF stays out of the archive: the text can be masked, the original
    # cannot, so it is not copied (staff add a masked copy).
    numbers = [line for line, _ in personal_data.find(prepared.text)]
    digest = provenance.describe(pdf).sha512
    marker = "" if numbers else f"\n\n<!-- arkiv: original: {day}.pdf sha512={digest} -->"
    text = f"{prepared.text.rstrip()}{marker}\n"
    relative = f"{body.slug}/{day}.md"
    with tempfile.TemporaryDirectory(prefix="arkiv-import-") as staging:
        stage = Path(staging)
        shutil.copyfile(protocols / FILE_NAME, stage / FILE_NAME)
        (stage / body.slug).mkdir()
        (stage / relative).write_text(text, encoding="utf-8")
        shutil.copyfile(pdf, stage / body.slug / f"{day}.pdf")
        problems = Problems()
        read_sources(stage, problems, only=[stage / relative], reserved=RESERVED_SLUGS)
    reader = MarkdownReader(organisation, body, relative, Problems())
    reader.read(text, day)
    unplaced = [
        f"{number}: {line.strip()}"
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and number not in reader.trace
    ]
    folder.mkdir(parents=True, exist_ok=True)
    if not numbers:
        shutil.copyfile(pdf, folder / f"{day}.pdf")
    (folder / f"{day}.md").write_text(text, encoding="utf-8")
    reasons = [f"{p.file}:{p.line}: {p.message}" for p in problems.errors]
    if numbers:
        reasons.insert(0, messages.IMPORT_PERSONNUMMER.format(lines=", ".join(map(str, numbers))))
    outcome = Outcome.REVIEW if reasons or unplaced else Outcome.IMPORTED
    return Result(pdf, outcome, folder / f"{day}.md", reasons, unplaced, prepared.furniture)


def pdfs_in(path: Path) -> list[Path]:
    """The PDFs to import: the file given, or every PDF in the folder (not its subfolders)."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix.lower() == ".pdf" and p.is_file())
    return [path]


def print_progress(done: int, total: int, pdf: Path) -> None:
    end = "\n" if done == total or not sys.stderr.isatty() else ""
    width = 30
    bar = "#" * (width * done // total) + "-" * (width - width * done // total)
    print(f"\r[{bar}] {done}/{total} {pdf.name[:40]:<40}", end=end, file=sys.stderr, flush=True)
