"""What a scan of a PDF finds (``pdf_scan``), as plain data kept by the PDF's SHA-512, and the
small readings of PDF values the parts of the scan share."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.readers import personal_data
from generator.readers.pdf_limits import limit_in

# Where a number is (Finding.place).
METADATA = "metadata"
PAGE = "sida"
ATTACHMENT = "bilaga"
SIGNATURE = "signatur"  # the signature's own fields and the certificates in it
OTHER = "övrigt"  # any other text string of the file: bookmarks, form fields, names
# What a published PDF must not carry (Refusal.kind); the limits' kinds are those of PdfLimit.
JAVASCRIPT, LAUNCH, EMBEDDED, UNREADABLE, ENCRYPTED = "javascript", "launch", "embedded", "unreadable", "encrypted"


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
    # Each page's text as shown, when the scan was asked to keep it (a handling's search text);
    # None when it was not.
    texts: tuple[str, ...] | None = None


@dataclass
class Found:
    """What one version of a file was found to hold, while it is read."""

    findings: list[Finding] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)
    strings: dict[str, list[str]] = field(default_factory=dict)  # text strings of objects, by place
    texts: list[str] = field(default_factory=list)  # each page's text, in order

    def string(self, place: str, value: bytes) -> None:
        self.strings.setdefault(place, []).append(text_of(value).replace("\n", " "))

    def look(self, text: str, place: str, page: int = 0, name: str = "") -> None:
        for _line, value in personal_data.find(text):
            finding = Finding(place, value, page, name)
            if finding not in self.findings:
                self.findings.append(finding)

    def refuse(self, kind: str, detail: str = "") -> None:
        if Refusal(kind, detail) not in self.refusals:
            self.refusals.append(Refusal(kind, detail))


def stream_data(stream: Any) -> bytes | None:
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


def name_of(value: Any) -> str:
    from pdfminer.psparser import PSLiteral

    return str(value.name) if isinstance(value, PSLiteral) else ""


def text_of(value: Any) -> str:
    """A PDF text string (UTF-16 with its mark, or PDFDocEncoding) as text."""
    from pdfminer.utils import decode_text

    if isinstance(value, bytes):
        return decode_text(value)
    return value if isinstance(value, str) else ""


def decoded_text(data: bytes) -> str:
    """An XMP packet or an attached file as text, whatever its encoding; bytes that are no
    text stay unread (they cannot spell a number either)."""
    if data.startswith((b"\xfe\xff", b"\xff\xfe")):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8", errors="replace")
