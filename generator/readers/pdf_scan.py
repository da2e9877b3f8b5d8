"""What a PDF holds besides what the reader of its pages sees, scanned before it is published.

A signed original is published as it is, so everything in it reaches the web: the text layer of
each page (hidden text too), its annotations (a note's /Contents, a form field's value, a link),
the document information (/Author, /Subject, /Keywords …), the XMP metadata and any embedded
file. ``scan`` looks for personnummer in all of them and for what a published file must never
carry: JavaScript, an action that launches a program, an embedded file. It reads within
``pdf_limits`` (pages, bytes inflated, time). The result is plain data, kept by the PDF's SHA-512
(``originals``), and ``reasons`` words it for staff.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator import messages
from generator.readers import personal_data
from generator.readers.pdf_limits import LIMITS, Budget, Limits, bounded, limit_in

METADATA = "metadata"
PAGE = "sida"
ATTACHMENT = "bilaga"
SIGNATURE = "signatur"  # the signature's own fields and the certificates in it
OTHER = "övrigt"  # any other text string of the file: bookmarks, form fields, names
# What a published PDF must not carry (Refusal.kind); the limits' kinds are those of PdfLimit.
JAVASCRIPT, LAUNCH, EMBEDDED, UNREADABLE, ENCRYPTED = "javascript", "launch", "embedded", "unreadable", "encrypted"
_DEPTH = 32  # nested direct objects looked into; deeper is not a PDF any tool writes
# An annotation's (or its form field's) text: note, author, subject, rich text, field name and value.
_ANNOTATION_TEXT = ("Contents", "T", "TU", "TM", "Subj", "RC", "V", "DV", "CA")
# Strings that are bytes, not text: the file's identifiers, encryption keys, a signature's DER.
_BINARY = frozenset({"ID", "O", "U", "OE", "UE", "Perms", "Cert", "ByteRange"})


@dataclass(frozen=True)
class Finding:
    """A personnummer-like number and where: a page, the metadata, or an attachment by name."""

    place: str
    value: str
    page: int = 0
    name: str = ""
    revision: int = 0  # an earlier version of the file the number is in (0: the file as shown)


@dataclass(frozen=True)
class Refusal:
    kind: str
    detail: str = ""  # the attachment's name, or the limit passed


@dataclass(frozen=True)
class Scan:
    findings: tuple[Finding, ...] = ()
    refusals: tuple[Refusal, ...] = ()


@dataclass
class _Found:
    findings: list[Finding] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)
    strings: dict[str, list[str]] = field(default_factory=dict)  # text strings of objects, by place

    def string(self, place: str, value: bytes) -> None:
        self.strings.setdefault(place, []).append(_text(value).replace("\n", " "))

    def look(self, text: str, place: str, page: int = 0, name: str = "") -> None:
        for _line, value in personal_data.find(text):
            finding = Finding(place, value, page, name)
            if finding not in self.findings:
                self.findings.append(finding)

    def refuse(self, kind: str, detail: str = "") -> None:
        if Refusal(kind, detail) not in self.refusals:
            self.refusals.append(Refusal(kind, detail))


@lru_cache(maxsize=1)
def version() -> str:
    """What a scan depends on besides the PDF: this code, the limits and the personnummer rules.
    A scan kept by an older version is made again."""
    digest = hashlib.sha256()
    for module in ("pdf_scan.py", "pdf_limits.py", "personal_data.py"):
        digest.update((Path(__file__).parent / module).read_bytes())
    return digest.hexdigest()


def scan(path: Path, limits: Limits = LIMITS) -> Scan:
    """Everything in the PDF at ``path`` that may not be published; never raises.

    The file as it is shown, then each earlier version it still holds: an incremental update
    (the way a signature, and many editors, change a PDF) leaves the replaced objects in the
    file, so text "removed" by one is still published.
    """
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    found = _Found()
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
    return Scan(tuple(found.findings), tuple(refusals))


_END_OF_REVISION = re.compile(rb"%%EOF[\r\n]*")


def _read(data: bytes, found: _Found, budget: Budget) -> None:
    """One version of the file: its objects, then its pages."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    doc = PDFDocument(PDFParser(io.BytesIO(data)))
    _check_page_count(doc, budget)
    _structure(doc, found, budget)
    _pages(doc, found, budget)
    for place, strings in found.strings.items():
        found.look("\n".join(strings), place)
    # A number already found in a named place (a page's annotation, the metadata) is not said
    # again for the same string met among the objects.
    specific = {finding.value for finding in found.findings if finding.place != OTHER}
    found.findings = [f for f in found.findings if f.place != OTHER or f.value not in specific]


def _earlier(data: bytes, revision: int, found: _Found, budget: Budget) -> None:
    """The personnummer of an earlier version that the file as shown does not show (what it
    shows is said once, in its place). A version that cannot be read alone is passed over."""
    earlier = _Found()
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


def reasons(scan: Scan, file: str, allowed: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """What staff read: one message per finding and refusal, each naming ``file``. ``allowed``:
    the numbers (ten digits) the source excepts with ``arkiv: personnummer-undantag``."""
    said = [_refusal(refusal, file) for refusal in scan.refusals]
    for finding in scan.findings:
        if re.sub(r"\D", "", finding.value)[-10:] in allowed:
            continue
        said.append(messages.ORIGINAL_PERSONNUMMER.format(file=file, place=_place(finding), value=finding.value))
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


# -- reading ----------------------------------------------------------------------------------


def _check_page_count(doc: Any, budget: Budget) -> None:
    """The page count the catalog gives, before any page is read (the pages are counted again
    as objects, so a catalog that says too few does not pass either)."""
    from pdfminer.pdftypes import resolve1

    pages = resolve1(doc.catalog.get("Pages"))
    count = resolve1(pages.get("Count")) if isinstance(pages, dict) else None
    if isinstance(count, int):
        budget.check_pages(count)


def _structure(doc: Any, found: _Found, budget: Budget) -> None:
    """Every object of the file, once: what it is (an action, an attachment, metadata), and the
    document information."""
    from pdfminer.pdftypes import resolve1

    for info in doc.info:
        for key, value in info.items():
            found.look(f"{key}: {_text(resolve1(value))}", METADATA)
    pages = 0
    for number, objid in enumerate(_object_ids(doc)):
        if number % 1000 == 0:
            budget.check_time()
        try:
            obj = doc.getobj(objid)
        except Exception as exc:
            if limit_in(exc):
                raise
            continue  # a missing or broken object: nothing of it can be shown either
        pages += _visit(obj, found, 0)
        budget.check_pages(pages)


def _object_ids(doc: Any) -> Iterator[int]:
    seen: set[int] = set()
    for xref in doc.xrefs:
        for objid in xref.get_objids():
            if objid not in seen:
                seen.add(objid)
                yield objid


def _visit(obj: Any, found: _Found, depth: int) -> int:
    """Look at one object and the direct objects inside it; the number of pages it is (0 or 1)."""
    from pdfminer.pdftypes import PDFStream

    if depth > _DEPTH:
        return 0
    if isinstance(obj, PDFStream):
        _stream(obj, found)
        return _visit(obj.attrs, found, depth + 1)
    if isinstance(obj, list):
        for value in obj:
            _visit(value, found, depth + 1)
        return 0
    if not isinstance(obj, dict):
        return 0
    _dictionary(obj, found)
    signature = "ByteRange" in obj
    for key, value in obj.items():
        if isinstance(value, bytes) and key not in _BINARY and not (signature and key == "Contents"):
            found.string(SIGNATURE if signature else OTHER, value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, bytes):
                    found.string(OTHER, item)
        _visit(value, found, depth + 1)
    return 1 if _name(obj.get("Type")) == "Page" else 0


def _dictionary(obj: dict[str, Any], found: _Found) -> None:
    """An action, a name tree or an annotation that a published PDF must not have."""
    from pdfminer.pdftypes import resolve1

    action = _name(obj.get("S"))
    if action == "JavaScript" or "JS" in obj:
        found.refuse(JAVASCRIPT)
    if action == "Launch":
        found.refuse(LAUNCH)
    if "JavaScript" in obj and isinstance(resolve1(obj.get("JavaScript")), dict):
        found.refuse(JAVASCRIPT)  # the catalog's /Names /JavaScript: scripts run on opening
    if "EF" in obj:  # a file specification with the file in it
        name = _text(resolve1(obj.get("UF") or obj.get("F") or b""))
        found.refuse(EMBEDDED, name)
        files = resolve1(obj.get("EF"))
        for stream in files.values() if isinstance(files, dict) else ():
            data = _data(resolve1(stream))
            if data is not None:
                found.look(_decoded(data), ATTACHMENT, name=name)
    if "ByteRange" in obj and isinstance(obj.get("Contents"), bytes):
        for text in _certificate_texts(obj["Contents"]):
            found.look(text, SIGNATURE)
    if _name(obj.get("Subtype")) == "FileAttachment":
        spec = resolve1(obj.get("FS"))
        named = spec.get("UF") or spec.get("F") if isinstance(spec, dict) else obj.get("Contents")
        found.refuse(EMBEDDED, _text(resolve1(named or b"")))


def _stream(stream: Any, found: _Found) -> None:
    kind = _name(stream.attrs.get("Type"))
    if kind == "Metadata" or _name(stream.attrs.get("Subtype")) == "XML":
        data = _data(stream)
        if data is not None:
            found.look(_decoded(data), METADATA)
    elif kind == "EmbeddedFile":
        found.refuse(EMBEDDED)


def _pages(doc: Any, found: _Found, budget: Budget) -> None:
    """Each page's text (what a reader of the PDF sees, and hidden text) and its annotations'."""
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdftypes import resolve1

    device = _text_device(PDFResourceManager(caching=True), budget)
    interpreter = PDFPageInterpreter(device.rsrcmgr, device)
    for number, page in enumerate(PDFPage.create_pages(doc), start=1):
        budget.check_pages(number)
        budget.check_time()
        interpreter.process_page(page)
        found.look(_page_text(device.get_result()), PAGE, number)
        for annotation in map(resolve1, resolve1(page.annots) or []):
            found.look("\n".join(_annotation_text(annotation)), PAGE, number)
            # What the annotation draws (its appearance), which a viewer shows whatever /Contents says.
            for appearance in _appearances(annotation):
                device.begin_page(page, (1, 0, 0, 1, 0, 0))
                interpreter.render_contents(resolve1(appearance.attrs.get("Resources")), [appearance])
                device.end_page(page)
                found.look(_page_text(device.get_result()), PAGE, number)


def _text_device(resources: Any, budget: Budget) -> Any:
    """pdfminer's layout device keeping only characters, each object drawn counted against the
    page's limit (paths and images are counted, not kept: no text is in them)."""
    from pdfminer.converter import PDFPageAggregator

    class Counting(PDFPageAggregator):
        drawn = 0

        def begin_page(self, page: Any, ctm: Any) -> None:
            self.drawn = 0
            super().begin_page(page, ctm)

        def render_char(self, *args: Any, **kwargs: Any) -> float:
            self.count()
            width: float = super().render_char(*args, **kwargs)
            return width

        def paint_path(self, *args: Any, **kwargs: Any) -> None:
            self.count()

        def render_image(self, *args: Any, **kwargs: Any) -> None:
            self.count()

        def count(self) -> None:
            self.drawn += 1
            budget.check_objects(self.drawn)

    return Counting(resources, laparams=None)


def _page_text(layout: Any) -> str:
    """The page's characters as lines, read by their place on the page (not the order they are
    drawn in), a space where there is a gap: the text as a reader of the page sees it."""
    chars = sorted(_chars(layout), key=lambda c: (-round(c.y0), c.x0))
    lines: list[list[Any]] = []
    for char in chars:
        if lines and abs(lines[-1][0].y0 - char.y0) <= 2:
            lines[-1].append(char)
        else:
            lines.append([char])
    out = []
    for line in lines:
        line.sort(key=lambda c: c.x0)
        text = line[0].get_text()
        for before, char in itertools.pairwise(line):
            gap = char.x0 - before.x1
            text += (" " if gap > 0.25 * max(char.size, 1) else "") + char.get_text()
        out.append(text)
    return "\n".join(out)


def _chars(item: Any) -> Iterator[Any]:
    from pdfminer.layout import LTChar, LTContainer

    if isinstance(item, LTChar):
        yield item
    elif isinstance(item, LTContainer):
        for child in item:
            yield from _chars(child)


def _appearances(annotation: Any) -> Iterator[Any]:
    """The form streams an annotation is drawn with: normal, rollover, down, in every state."""
    from pdfminer.pdftypes import PDFStream, resolve1

    looks = resolve1(annotation.get("AP")) if isinstance(annotation, dict) else None
    if not isinstance(looks, dict):
        return
    for kind in ("N", "R", "D"):
        look = resolve1(looks.get(kind))
        states = look.values() if isinstance(look, dict) else [look]
        for state in map(resolve1, states):
            if isinstance(state, PDFStream):
                yield state


def _certificate_texts(contents: bytes) -> Iterator[str]:
    """The names in the certificates a signature carries (a Swedish e-identification's subject
    may hold its owner's personnummer as serialNumber), one line per certificate."""
    try:
        from asn1crypto import cms

        signed = cms.ContentInfo.load(contents.rstrip(b"\0"), strict=False)["content"]
        certificates = list(signed["certificates"] or [])
    except Exception:
        return
    for certificate in certificates:
        try:
            chosen = certificate.chosen
            names = [chosen.subject.native, chosen.issuer.native]
            alternative = chosen.subject_alt_name_value
            values = [str(v) for name in names for v in name.values()]
            values += [str(v) for v in alternative.native] if alternative is not None else []
        except Exception:
            continue
        yield " ; ".join(values)


def _annotation_text(annotation: Any) -> Iterator[str]:
    from pdfminer.pdftypes import resolve1

    if not isinstance(annotation, dict):
        return
    for holder in (annotation, resolve1(annotation.get("Parent")), resolve1(annotation.get("A"))):
        if not isinstance(holder, dict):
            continue
        for key in (*_ANNOTATION_TEXT, "URI"):
            value = resolve1(holder.get(key))
            if isinstance(value, bytes):
                yield _text(value)
            else:
                data = _data(value)
                if data is not None:
                    yield _decoded(data)  # rich text (/RC) may be a stream


def _data(stream: Any) -> bytes | None:
    """A stream's decoded bytes (within the budget), or None when it is not one or is broken."""
    from pdfminer.pdftypes import PDFStream

    if not isinstance(stream, PDFStream):
        return None
    try:
        data: bytes = stream.get_data()
    except Exception as exc:
        if limit_in(exc):
            raise
        return None
    return data


def _name(value: Any) -> str:
    from pdfminer.psparser import PSLiteral

    return str(value.name) if isinstance(value, PSLiteral) else ""


def _text(value: Any) -> str:
    """A PDF text string (UTF-16 with its mark, or PDFDocEncoding) as text."""
    from pdfminer.utils import decode_text

    if isinstance(value, bytes):
        return decode_text(value)
    return value if isinstance(value, str) else ""


def _decoded(data: bytes) -> str:
    """An XMP packet or an attached file as text, whatever its encoding; bytes that are no
    text stay unread (they cannot spell a number either)."""
    if data.startswith((b"\xfe\xff", b"\xff\xfe")):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8", errors="replace")
