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
from generator.readers import pdf_scan, personal_data, provenance
from generator.readers.markdown import MarkdownReader
from generator.readers.markdown.paragraph_starts import paragraph_starts
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
    withheld: list[str]  # why the original may not be copied (what the scan of the PDF found)


_ISO = re.compile(r"(?<![\d-])(\d{4}-\d{2}-\d{2})(?![\d-])")


@dataclass(frozen=True)
class _Options:
    body: str | None  # the body's slug, when staff give it
    day: date | None  # the meeting date, when staff give it
    allow_invalid_signature: bool


def import_pdfs(
    paths: list[Path],
    protocols: Path,
    body: str | None = None,
    allow_invalid_signature: bool = False,
    workers: int = 1,
    progress: Callable[[int, int, Path], None] | None = None,
    day: date | None = None,
) -> list[Result]:
    """Import every PDF in ``paths``; one result per PDF, in order. ``body`` and ``day`` are
    given by staff when the PDF does not say them."""
    problems = Problems()
    organisation = read_organisation(protocols, problems, RESERVED_SLUGS)
    if organisation is None:
        raise BuildFailed(problems.report(), problems)
    results = []
    options = _Options(body, day, allow_invalid_signature)
    tasks = [(path, organisation, options) for path in paths]
    for done, prepared in enumerate(_prepare_all(tasks, workers), start=1):
        result = prepared if isinstance(prepared, Result) else _finish(prepared, protocols, organisation)
        results.append(result)
        if progress:
            progress(done, len(paths), result.pdf)
    return results


def _prepare_all(tasks: list[tuple[Path, Organisation, _Options]], workers: int) -> Iterator[_Prepared | Result]:
    if workers <= 1 or len(tasks) < 4:
        yield from map(_prepare_task, tasks)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(_prepare_task, tasks)


def _prepare_task(task: tuple[Path, Organisation, _Options]) -> _Prepared | Result:
    pdf, organisation, options = task
    try:
        return _prepare(pdf, organisation, options)
    except PdfRefused as exc:
        kind = exc.args[0]
        if kind in _REFUSALS:
            return Result(pdf, Outcome.REFUSED, reasons=[_REFUSALS[kind]])
        limit = pdf_scan.Refusal(kind, exc.args[1] if len(exc.args) > 1 else "")
        return Result(pdf, Outcome.REFUSED, reasons=pdf_scan.reasons(pdf_scan.Scan(refusals=(limit,)), pdf.name))


# What the scan cannot read is said by the extraction, in the import's own words.
_LEFT_TO_EXTRACT = {pdf_scan.ENCRYPTED, pdf_scan.UNREADABLE}
_REFUSALS = {
    "encrypted": messages.IMPORT_ENCRYPTED,
    "not_pdf": messages.IMPORT_NOT_PDF,
    "no_text": messages.IMPORT_NO_TEXT,
}


def _prepare(pdf: Path, organisation: Organisation, options: _Options) -> _Prepared | Result:
    # What the PDF holds besides its text, within the limits, before its pages are read: a
    # script, a launch action or an attachment refuses it; a personnummer keeps the original out.
    scanned = pdf_scan.scan(pdf)
    if any(refusal.kind not in _LEFT_TO_EXTRACT for refusal in scanned.refusals):
        return Result(pdf, Outcome.REFUSED, reasons=pdf_scan.reasons(scanned, pdf.name))
    extracted = extract(pdf)
    text = extracted.markdown
    lines = text.splitlines()
    starts = paragraph_starts(lines)
    if not starts:
        return Result(pdf, Outcome.REFUSED, reasons=[messages.IMPORT_NOT_A_PROTOCOL])
    head = lines[: starts[0]]
    checks = provenance.check(pdf)
    broken = [c for c in checks if c.status is not SignatureStatus.VALID]
    if broken and not options.allow_invalid_signature:
        return Result(pdf, Outcome.REFUSED, reasons=[messages.IMPORT_BAD_SIGNATURE])
    body = organisation.body(options.body) if options.body else _find_body(head, organisation)
    if body is None:
        reason = messages.UNKNOWN_BODY.format(body=options.body) if options.body else messages.IMPORT_NO_BODY
        return Result(pdf, Outcome.REFUSED, reasons=[reason])
    day = options.day or _find_date(head, organisation)
    if day is None:
        return Result(pdf, Outcome.REFUSED, reasons=[messages.IMPORT_NO_DATE])
    return _Prepared(pdf, body, day, text, extracted.furniture, pdf_scan.reasons(scanned, pdf.name))


def _find_body(head: list[str], organisation: Organisation) -> Body | None:
    """The body whose name stands alone on a line (or as the anslag's "Organ") before the first
    paragraph: the name the protocol gives itself."""
    names = {normalise(body.name): body for body in organisation.bodies}
    for line in head:
        cells = [normalise(cell) for cell in line.split("\t") if cell.strip()]
        for cell in cells:
            if cell in names:
                return names[cell]
    return None


def _find_date(head: list[str], organisation: Organisation) -> date | None:
    """The meeting date as the header gives it: the anslag's "Sammanträdesdatum", else a date
    in "Plats och tid" (or "Datum", "Tid"), else a date in words in the title lines. Never a date
    of the justering or the anslag: those are other days."""
    vocabulary = vocabulary_for(organisation.vocabulary)
    labelled: list[str] = []
    for line in head:
        cells = [cell for cell in line.split("\t") if cell.strip()]
        # A label in any cell, its value after it: "Kommunstyrelsens arbetsutskott<TAB>
        # Sammanträdesdatum<TAB>2018-03-20" is a running header's.
        for i, cell in enumerate(cells):
            posting = vocabulary.label(vocabulary.posting, cell)
            if posting and posting[0] == "sammanträdesdatum":
                labelled.insert(0, " ".join([posting[2], *cells[i + 1 : i + 2]]))
            header = vocabulary.label(vocabulary.header, cell)
            if header and header[0] in ("plats_och_tid", "datum", "tid"):
                labelled.append(" ".join([header[2], *cells[i + 1 : i + 2]]))
    titles = [
        line
        for line in head
        if "\t" not in line
        and not vocabulary.label(vocabulary.header, line)
        and not vocabulary.label(vocabulary.posting, line)
    ]
    for text in [*labelled, *titles]:
        if found := _ISO.search(text):
            try:
                return date.fromisoformat(found[1])
            except ValueError:
                return None
        if (words := vocabulary.date_in_words.search(text)) and words["year"]:
            try:
                return date(int(words["year"]), MONTHS.index(words["month"].casefold()) + 1, int(words["day"]))
            except ValueError:
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
    kept_out = bool(numbers or prepared.withheld)
    digest = provenance.sha512(pdf.read_bytes())  # the signature was checked in _prepare
    marker = "" if kept_out else f"\n\n<!-- arkiv: original: {day}.pdf sha512={digest} -->"
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
    if not kept_out:
        shutil.copyfile(pdf, folder / f"{day}.pdf")
    (folder / f"{day}.md").write_text(text, encoding="utf-8")
    reasons = [f"{p.file}:{p.line}: {p.message}" for p in problems.errors]
    if prepared.withheld:
        reasons[:0] = [messages.IMPORT_ORIGINAL_WITHHELD, *prepared.withheld]
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
