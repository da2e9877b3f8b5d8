"""Handlingar: the documents (PDF) behind a paragraph, kept beside the protocol in
``<body>/<YYYY-MM-DD>-handlingar/`` and named by the paragraph (a ``handling`` marker in
Markdown, ``handlingar:`` in YAML).

Each named file is checked on reading (``check_files``: a bare name in the meeting's folder, a
regular file, no link, a PDF) and then scanned like an original (``check``: personnummer,
scripts, launch actions, embedded files, within the limits), its pages' text kept for the search
from the same pass. Scans are kept by SHA-512 beside the originals' in the source cache. A
withheld document (or any document of a withheld paragraph) is never read: only its title and
ground are known.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from generator import messages
from generator.model import Document, Item, Meeting, Reference
from generator.problems import Problems
from generator.readers import pdf_cache, pdf_scan, provenance
from generator.readers.cache import SourceCache

FOLDER_SUFFIX = "-handlingar"
_DASHES = re.compile("[\u2010-\u2015\u2212\ufe58\ufe63\uff0d-]+")


def folder_of(source: Path) -> Path:
    """The meeting's handlingar folder: ``direktionen/2023-10-26-handlingar`` beside its source."""
    return source.parent / f"{source.stem}{FOLDER_SUFFIX}"


def normalised(text: str) -> str:
    """A title as compared with a beslutsunderlag line: case, dashes and spaces aside."""
    # Every dash is "-"; one standing alone ("Delårsrapport – 2023-08-31") is a space.
    words = _DASHES.sub("-", text).casefold().rstrip(". ").split()
    return " ".join(word for word in words if word != "-")


def tie(references: tuple[Reference, ...], documents: tuple[Document, ...]) -> tuple[Reference, ...]:
    """Each beslutsunderlag line that a published document's title matches, tied to it."""
    titles = {normalised(d.title): d.name for d in documents if d.withheld is None}
    return tuple(
        replace(r, document=titles[key]) if not r.document and (key := normalised(r.text)) in titles else r
        for r in references
    )


def check_files(directory: Path, source: Path, meeting: Meeting, problems: Problems) -> Meeting:
    """Each published document's file checked and described (size, SHA-512); errors at its line."""
    if not any(item.documents for item in meeting.items):
        return meeting
    items = tuple(_item_files(directory, source, meeting.source, item, problems) for item in meeting.items)
    return replace(meeting, items=items)


def _item_files(directory: Path, source: Path, relative: str, item: Item, problems: Problems) -> Item:
    if not item.documents:
        return item
    return replace(item, documents=tuple(_file(directory, source, relative, d, problems) for d in item.documents))


def _file(directory: Path, source: Path, relative: str, document: Document, problems: Problems) -> Document:
    if document.withheld is not None:
        return document  # never read: its file is not published
    folder = folder_of(source)
    shown = folder.relative_to(directory).as_posix() if folder.is_relative_to(directory) else folder.name
    line = document.line or 1
    name = document.name
    if not name or "/" in name or "\\" in name or name.startswith(".") or Path(name).is_absolute():
        problems.error(relative, line, messages.HANDLING_NAME.format(value=name, folder=shown))
        return document
    target = folder / name
    if folder.is_symlink() or target.is_symlink():
        problems.error(relative, line, messages.HANDLING_SYMLINK.format(value=name, folder=shown))
        return document
    root = directory.resolve()
    if not target.resolve().is_relative_to(root):
        problems.error(relative, line, messages.HANDLING_NAME.format(value=name, folder=shown))
        return document
    if target.suffix.lower() != ".pdf" or not target.is_file():
        problems.error(relative, line, messages.HANDLING_MISSING.format(value=name, folder=shown))
        return document
    try:
        data = target.read_bytes()
    except OSError as exc:
        problems.error(relative, line, messages.UNREADABLE.format(reason=exc.strerror))
        return document
    if not data.startswith(b"%PDF-"):
        problems.error(relative, line, messages.HANDLING_NOT_PDF.format(value=name))
        return document
    return replace(
        document, file=target.relative_to(directory).as_posix(), size=len(data), sha512=provenance.sha512(data)
    )


def stat(source: Path) -> str:
    """The meeting's handlingar folder as the file system sees it (names, sizes, times): a source
    whose documents were added, replaced or removed is read and checked again."""
    folder = folder_of(source)
    try:
        found = sorted(folder.iterdir())
    except OSError:
        return ""
    parts = []
    for path in found:
        try:
            info = path.lstat()
        except OSError:
            continue
        parts.append(f"{path.name}:{info.st_size}:{info.st_mtime_ns}:{info.st_mode}")
    return "|".join(parts)


def check(
    directory: Path, meetings: list[Meeting], problems: Problems, workers: int = 1, cache: SourceCache | None = None
) -> list[Meeting]:
    """The meetings whose documents may all be published, each document's pages' text filled in
    (None when it has no text layer); an error at the document's line for every finding."""
    scans = pdf_cache.kept(cache)
    todo: dict[str, Path] = {}
    for meeting in meetings:
        for document in _published(meeting):
            kept = scans.get(document.sha512)
            if kept is None or (kept.texts is None and not kept.refusals):
                todo[document.sha512] = directory / document.file
    pdf_cache.scan_new(todo, scans, cache, workers, pdf_scan.scan_with_text)
    kept_meetings = []
    for meeting in meetings:
        refused = False
        for document in _published(meeting):
            found = scans[document.sha512]
            allowed = set(meeting.allowed_numbers)
            said = pdf_scan.reasons(found, document.name, allowed, messages.HANDLING_PERSONNUMMER)
            for reason in said:
                problems.error(meeting.source, document.line or 1, reason)
            refused = refused or bool(said)
        if not refused:
            kept_meetings.append(_with_texts(meeting, scans))
    return kept_meetings


def _published(meeting: Meeting) -> Iterator[Document]:
    for item in meeting.items:
        if item.withheld is None:
            yield from (d for d in item.documents if d.withheld is None and d.sha512)


def _with_texts(meeting: Meeting, scans: dict[str, pdf_scan.Scan]) -> Meeting:
    if not any(item.documents for item in meeting.items):
        return meeting
    return replace(
        meeting,
        items=tuple(
            replace(item, documents=tuple(_texts(d, scans) for d in item.documents)) if item.documents else item
            for item in meeting.items
        ),
    )


def _texts(document: Document, scans: dict[str, pdf_scan.Scan]) -> Document:
    if document.withheld is not None or not document.sha512:
        return document
    texts = scans[document.sha512].texts or ()
    pages = tuple(" ".join(text.split()) for text in texts)
    return replace(document, pages=pages if any(pages) else None)
