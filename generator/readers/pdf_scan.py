"""What a PDF holds, scanned before it is published: the scan's one entry point and its words.

A signed original is published as it is, so everything in it reaches the web: the text layer of
each page (hidden text too), its annotations (a note's /Contents, a form field's value, a link),
the document information (/Author, /Subject, /Keywords …), the XMP metadata and any embedded
file. ``scan`` looks for personnummer in all of them and for what a published file must never
carry: JavaScript, an action that launches a program, an embedded file. It reads within
``pdf_limits`` (pages, bytes inflated, time): the objects by ``pdf_objects``, the pages by
``pdf_pages``. The result is plain data (``pdf_findings``), kept by the PDF's SHA-512
(``originals``), and ``reasons`` words it for staff.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from generator import messages
from generator.readers import pdf_objects, pdf_pages
from generator.readers.pdf_findings import (
    ATTACHMENT,
    EMBEDDED,
    ENCRYPTED,
    JAVASCRIPT,
    LAUNCH,
    OTHER,
    PAGE,
    SIGNATURE,
    UNREADABLE,
    Finding,
    Found,
    Refusal,
    Scan,
)
from generator.readers.pdf_limits import LIMITS, Budget, Limits, bounded, limit_in

__all__ = ["ENCRYPTED", "UNREADABLE", "Finding", "Refusal", "Scan", "reasons", "scan", "version"]
_MODULES = ("pdf_scan.py", "pdf_findings.py", "pdf_objects.py", "pdf_pages.py", "pdf_limits.py", "personal_data.py")


@lru_cache(maxsize=1)
def version() -> str:
    """What a scan depends on besides the PDF: this code, the limits and the personnummer rules.
    A scan kept by an older version is made again."""
    digest = hashlib.sha256()
    for module in _MODULES:
        digest.update((Path(__file__).parent / module).read_bytes())
    return digest.hexdigest()


def scan_with_text(path: Path) -> Scan:
    """``scan``, keeping each page's text as shown (a handling's text, for the search)."""
    return scan(path, texts=True)


def scan(path: Path, limits: Limits = LIMITS, texts: bool = False) -> Scan:
    """Everything in the PDF at ``path`` that may not be published; never raises. ``texts``:
    keep each page's text of the file as shown (read in the same pass, within the same limits).

    The file as it is shown, then each earlier version it still holds: an incremental update
    (the way a signature, and many editors, change a PDF) leaves the replaced objects in the
    file, so text "removed" by one is still published.
    """
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    found = Found()
    try:
        with bounded(limits) as budget:
            data = path.read_bytes()
            _read(data, found, budget)
            ends = [match.end() for match in _END_OF_REVISION.finditer(data)]
            for number, end in enumerate(ends[:-1], start=1):
                _earlier(data[:end], number, found, budget)
    except Exception as exc:
        limit = limit_in(exc)
        cause = exc.args[0] if exc.args else exc
        if limit is not None:
            found.refuse(limit.kind, limit.detail)
        elif isinstance(exc, (PDFPasswordIncorrect, PDFEncryptionError)) or isinstance(
            cause, (PDFPasswordIncorrect, PDFEncryptionError)
        ):
            found.refuse(ENCRYPTED)
        else:
            found.refuse(UNREADABLE)
    named = {refusal.kind for refusal in found.refusals if refusal.detail}
    # A file's stream is seen without its name as well as in its named file specification.
    refusals = [refusal for refusal in found.refusals if refusal.detail or refusal.kind not in named]
    kept = tuple(found.texts) if texts and not refusals else None
    return Scan(tuple(found.findings), tuple(refusals), kept)


_END_OF_REVISION = re.compile(rb"%%EOF[\r\n]*")


def _read(data: bytes, found: Found, budget: Budget) -> None:
    """One version of the file: its objects, then its pages."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    doc = PDFDocument(PDFParser(io.BytesIO(data)))
    pdf_objects.check_page_count(doc, budget)
    pdf_objects.structure(doc, found, budget)
    pdf_pages.pages(doc, found, budget)
    for place, strings in found.strings.items():
        found.look("\n".join(strings), place)
    # A number already found in a named place (a page's annotation, the metadata) is not said
    # again for the same string met among the objects.
    specific = {finding.value for finding in found.findings if finding.place != OTHER}
    found.findings = [f for f in found.findings if f.place != OTHER or f.value not in specific]


def _earlier(data: bytes, revision: int, found: Found, budget: Budget) -> None:
    """The personnummer of an earlier version that the file as shown does not show (what it
    shows is said once, in its place). A version that cannot be read alone is passed over."""
    earlier = Found()
    try:
        _read(data, earlier, budget)
    except Exception as exc:
        if limit_in(exc):
            raise
        return
    shown = {finding.value for finding in found.findings}
    for finding in earlier.findings:
        if finding.value not in shown:
            found.findings.append(replace(finding, revision=revision))
            shown.add(finding.value)


def reasons(
    scan: Scan, file: str, allowed: frozenset[str] | set[str] = frozenset(), personnummer: str = ""
) -> list[str]:
    """What staff read: one message per finding and refusal, each naming ``file``. ``allowed``:
    the numbers (ten digits) the source excepts with ``arkiv: personnummer-undantag``."""
    said = [_refusal(refusal, file) for refusal in scan.refusals]
    for finding in scan.findings:
        if re.sub(r"\D", "", finding.value)[-10:] in allowed:
            continue
        template = personnummer or messages.ORIGINAL_PERSONNUMMER
        said.append(template.format(file=file, place=_place(finding), value=finding.value))
    return said


def _place(finding: Finding) -> str:
    if finding.revision:
        inner = _place(replace(finding, revision=0))
        return messages.PDF_PLACE_REVISION.format(revision=finding.revision, place=inner)
    if finding.place == PAGE:
        return messages.PDF_PLACE_PAGE.format(page=finding.page)
    if finding.place == ATTACHMENT:
        return messages.PDF_PLACE_ATTACHMENT.format(name=finding.name)
    return {SIGNATURE: messages.PDF_PLACE_SIGNATURE, OTHER: messages.PDF_PLACE_OTHER}.get(
        finding.place, messages.PDF_PLACE_METADATA
    )


def _refusal(refusal: Refusal, file: str) -> str:
    if refusal.kind == "decompressed":
        return messages.PDF_TOO_LARGE.format(file=file, limit=round(float(refusal.detail) / 1024 / 1024))
    template = {
        JAVASCRIPT: messages.PDF_JAVASCRIPT,
        LAUNCH: messages.PDF_LAUNCH,
        EMBEDDED: messages.PDF_EMBEDDED,
        ENCRYPTED: messages.PDF_ENCRYPTED,
        "pages": messages.PDF_TOO_MANY_PAGES,
        "seconds": messages.PDF_TOO_SLOW,
        "objects": messages.PDF_TOO_MUCH_ON_A_PAGE,
    }.get(refusal.kind, messages.PDF_UNREADABLE)
    return template.format(file=file, name=refusal.detail or "utan namn", limit=refusal.detail)
