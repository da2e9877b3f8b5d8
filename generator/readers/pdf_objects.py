"""A PDF's objects, each once: what may not be published (JavaScript, a launch action, an
embedded file) and the text they hold that no page shows: the document information, the XMP
metadata, attached files, a signature's fields and certificates, bookmarks, form fields, names."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.readers.pdf_findings import (
    ATTACHMENT,
    EMBEDDED,
    JAVASCRIPT,
    LAUNCH,
    METADATA,
    OTHER,
    SIGNATURE,
    Found,
    decoded_text,
    name_of,
    stream_data,
    text_of,
)
from generator.readers.pdf_limits import Budget, limit_in

_DEPTH = 32  # nested direct objects looked into; deeper is not a PDF any tool writes
# Strings that are bytes, not text: the file's identifiers, encryption keys, a signature's DER.
_BINARY = frozenset({"ID", "O", "U", "OE", "UE", "Perms", "Cert", "ByteRange"})


def check_page_count(doc: Any, budget: Budget) -> None:
    """The page count the catalog gives, before any page is read (the pages are counted again
    as objects, so a catalog that says too few does not pass either)."""
    from pdfminer.pdftypes import resolve1

    pages = resolve1(doc.catalog.get("Pages"))
    count = resolve1(pages.get("Count")) if isinstance(pages, dict) else None
    if isinstance(count, int):
        budget.check_pages(count)


def structure(doc: Any, found: Found, budget: Budget) -> None:
    """Every object of the file, once: what it is (an action, an attachment, metadata), and the
    document information."""
    from pdfminer.pdftypes import resolve1

    for info in doc.info:
        for key, value in info.items():
            found.look(f"{key}: {text_of(resolve1(value))}", METADATA)
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


def _visit(obj: Any, found: Found, depth: int) -> int:
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
    return 1 if name_of(obj.get("Type")) == "Page" else 0


def _dictionary(obj: dict[str, Any], found: Found) -> None:
    """An action, a name tree or an annotation that a published PDF must not have."""
    from pdfminer.pdftypes import resolve1

    action = name_of(obj.get("S"))
    if action == "JavaScript" or "JS" in obj:
        found.refuse(JAVASCRIPT)
    if action == "Launch":
        found.refuse(LAUNCH)
    if "JavaScript" in obj and isinstance(resolve1(obj.get("JavaScript")), dict):
        found.refuse(JAVASCRIPT)  # the catalog's /Names /JavaScript: scripts run on opening
    if "EF" in obj:  # a file specification with the file in it
        name = text_of(resolve1(obj.get("UF") or obj.get("F") or b""))
        found.refuse(EMBEDDED, name)
        files = resolve1(obj.get("EF"))
        for stream in files.values() if isinstance(files, dict) else ():
            data = stream_data(resolve1(stream))
            if data is not None:
                found.look(decoded_text(data), ATTACHMENT, name=name)
    if "ByteRange" in obj and isinstance(obj.get("Contents"), bytes):
        for text in _certificate_texts(obj["Contents"]):
            found.look(text, SIGNATURE)
    if name_of(obj.get("Subtype")) == "FileAttachment":
        spec = resolve1(obj.get("FS"))
        named = spec.get("UF") or spec.get("F") if isinstance(spec, dict) else obj.get("Contents")
        found.refuse(EMBEDDED, text_of(resolve1(named or b"")))


def _stream(stream: Any, found: Found) -> None:
    kind = name_of(stream.attrs.get("Type"))
    if kind == "Metadata" or name_of(stream.attrs.get("Subtype")) == "XML":
        data = stream_data(stream)
        if data is not None:
            found.look(decoded_text(data), METADATA)
    elif kind == "EmbeddedFile":
        found.refuse(EMBEDDED)


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
