"""Real PDF files written here in plain PDF syntax, each hiding what must not be published: a
personnummer in a page's text (visible or hidden), an annotation, the document information, the
XMP metadata or an attached file; JavaScript, a launch action, an embedded file; too many pages,
or a stream that inflates to a gigabyte. Every one is the drawn protocol of ``tests.pdfs`` (so
``arkiv import`` reads it as a protocol) with one thing added. The number is the Swedish Tax
Agency's well-known test number.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests import pdfs

NUMBER = "19121212-1212"


@dataclass
class RawPdf:
    """Objects by number (1 upwards), written with a correct cross-reference table."""

    bodies: list[bytes] = field(default_factory=list)

    def add(self, body: bytes | str) -> int:
        self.bodies.append(body.encode("latin-1") if isinstance(body, str) else body)
        return len(self.bodies)

    def put(self, number: int, body: bytes | str) -> None:
        self.bodies[number - 1] = body.encode("latin-1") if isinstance(body, str) else body

    def stream(self, data: bytes, entries: str = "", flate: bool = False) -> int:
        if flate:
            data, entries = zlib.compress(data), entries + " /Filter /FlateDecode"
        head = b"<< /Length %d %s >>\nstream\n" % (len(data), entries.encode("latin-1"))
        return self.add(head + data + b"\nendstream")

    def write(self, root: int, info: int | None = None) -> bytes:
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(self.bodies, start=1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
        start = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.bodies) + 1)
        out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
        trailer = f"<< /Size {len(self.bodies) + 1} /Root {root} 0 R" + (f" /Info {info} 0 R" if info else "") + " >>"
        out += b"trailer\n" + trailer.encode() + b"\nstartxref\n%d\n%%%%EOF\n" % start
        return bytes(out)


def text_string(text: str) -> str:
    """A PDF literal string (ASCII text only, escaped)."""
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def protocol(
    *,
    extra_text: str = "",
    hidden_text: str = "",
    annotations: tuple[str, ...] = (),
    catalog: str = "",
    page: str = "",
    info: str = "",
    pages: int | None = None,
    count: int | None = None,
    build: Callable[[RawPdf], str] | None = None,
) -> bytes:
    """The drawn two-page protocol with additions: ``extra_text`` drawn on page 1, ``hidden_text``
    drawn invisibly (text render mode 3), ``annotations`` (dictionaries) on page 1, entries added to
    the catalog, to page 1 and to the document information; ``pages`` blank pages more, and a
    page tree that says ``count``. ``build(pdf, catalog_number)`` may add objects first and return
    catalog entries that name them (it runs once the fonts are made: its first object is the 5th)."""
    pdf = RawPdf()
    catalog_number = pdf.add("null")
    tree = pdf.add("null")
    fonts = [
        pdf.add(f"<< /Type /Font /Subtype /Type1 /BaseFont /{name} /Encoding /WinAnsiEncoding >>")
        for name in ("Helvetica", "Helvetica-Bold")
    ]
    resources = f"<< /Font << /F1 {fonts[0]} 0 R /F2 {fonts[1]} 0 R >> >>"
    added = build(pdf) if build else ""
    kids = []
    numbers = sorted({int(y // pdfs.PAGE_HEIGHT) for _, y, _, _ in pdfs.DRAWN_LINES})
    for index in numbers:
        stream = drawn_page(index)
        first = index == numbers[0]
        if first and extra_text:
            stream += b"BT /F1 11 Tf 60 420 Td %s Tj ET\n" % text_string(extra_text).encode("latin-1")
        if first and hidden_text:
            stream += b"BT 3 Tr /F1 11 Tf 60 440 Td %s Tj ET\n" % text_string(hidden_text).encode("latin-1")
        content = pdf.stream(stream, flate=True)
        annots = ""
        if first and annotations:
            annots = " /Annots [" + " ".join(f"{pdf.add(a)} 0 R" for a in annotations) + "]"
        entries = page if first else ""
        kids.append(
            pdf.add(
                f"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 595 842] /Resources {resources} "
                f"/Contents {content} 0 R{annots} {entries} >>"
            )
        )
    if pages:
        blank = pdf.stream(b"")
        page_dict = f"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 595 842] /Contents {blank} 0 R >>"
        kids += [pdf.add(page_dict) for _ in range(pages)]
    real = len(kids)
    pdf.put(tree, f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {count or real} >>")
    pdf.put(catalog_number, f"<< /Type /Catalog /Pages {tree} 0 R {catalog} {added} >>")
    info_number = pdf.add(f"<< /Producer (Protokollarkivets test) {info} >>")
    return pdf.write(catalog_number, info_number)


def drawn_page(index: int) -> bytes:
    """The content stream of the drawn protocol's page ``index`` (0, 1)."""
    stream = b""
    for x, y, text, bold in pdfs.DRAWN_LINES:
        if int(y // pdfs.PAGE_HEIGHT) == index:
            escaped = text.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
            top = y - index * pdfs.PAGE_HEIGHT
            stream += b"BT /%s 11 Tf %.1f %.1f Td (%s) Tj ET\n" % (b"F2" if bold else b"F1", x, 842 - top, escaped)
    return stream


# -- a personnummer in each place a PDF can hold text ------------------------------------------


def in_text_layer() -> bytes:
    return protocol(extra_text=f"Sokanden har personnummer {NUMBER}.")


def in_hidden_text() -> bytes:
    return protocol(hidden_text=f"Dold text {NUMBER}")


def in_note() -> bytes:
    """A sticky note (/Text annotation) whose /Contents holds the number."""
    return protocol(annotations=(f"<< /Type /Annot /Subtype /Text /Rect [60 500 80 520] /Contents ({NUMBER}) >>",))


def in_free_text() -> bytes:
    return protocol(
        annotations=(
            "<< /Type /Annot /Subtype /FreeText /Rect [60 500 300 520] /DA (/Helv 10 Tf 0 g) "
            f"/Contents <{_utf16(f'Personnummer {NUMBER}')}> /T (Handläggare) >>",
        )
    )


def in_appearance() -> bytes:
    """A FreeText annotation whose /Contents says nothing, but whose appearance (what a viewer
    draws) shows the number."""

    def appearance(pdf: RawPdf) -> str:
        drawn = f"BT /Helv 10 Tf 2 6 Td {text_string(NUMBER)} Tj ET".encode()
        look = pdf.stream(
            drawn, "/Type /XObject /Subtype /Form /BBox [0 0 200 20] /Resources << /Font << /Helv 3 0 R >> >>"
        )
        assert look == 5
        return ""

    return protocol(
        build=appearance,
        annotations=(
            "<< /Type /Annot /Subtype /FreeText /Rect [60 500 260 520] /Contents (se bilaga) /AP << /N 5 0 R >> >>",
        ),
    )


def in_bookmark() -> bytes:
    """A bookmark (outline item) titled with the number: the viewer's side panel shows it."""

    def outline(pdf: RawPdf) -> str:
        outlines = pdf.add("null")
        item = pdf.add(f"<< /Title (Sökande {NUMBER}) /Parent {outlines} 0 R /Dest [6 0 R /Fit] >>")
        pdf.put(outlines, f"<< /Type /Outlines /First {item} 0 R /Last {item} 0 R /Count 1 >>")
        return f"/Outlines {outlines} 0 R /PageMode /UseOutlines"

    return protocol(build=outline)


def signed_by_certificate_with_personnummer(folder: Path) -> bytes:
    """The protocol signed with a certificate whose subject's serialNumber is a personnummer, as
    a Swedish e-identification's is (written without a hyphen, twelve digits)."""
    return pdfs.sign(protocol(), folder, "Agnes Ahlberg", serial=NUMBER.replace("-", ""))


def masked_by_an_update() -> bytes:
    """The number on page 1, then "masked" by an incremental update that replaces the page's
    content stream (object 5) with one without it: the file shows a clean page, and still holds
    the first version."""
    base = in_text_layer()
    previous = int(re.findall(rb"startxref\n(\d+)", base)[-1])
    clean = drawn_page(0)
    offset = len(base)
    update = b"5 0 obj\n<< /Length %d >>\nstream\n" % len(clean) + clean + b"\nendstream\nendobj\n"
    start = offset + len(update)
    update += b"xref\n0 1\n0000000000 65535 f \n5 1\n%010d 00000 n \n" % offset
    update += b"trailer\n<< /Size 10 /Root 1 0 R /Info 9 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (previous, start)
    return base + update


def in_author() -> bytes:
    return protocol(info=f"/Author (Anna Andersson {NUMBER})")


def in_keywords() -> bytes:
    return protocol(info=f"/Keywords <{_utf16('protokoll, ' + NUMBER)}>")


def in_xmp() -> bytes:
    """The number in the XMP metadata, as an XML character reference would spell it too."""
    packet = (
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description>Sökande '
        f"{NUMBER}</dc:description></rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    )

    def metadata(pdf: RawPdf) -> str:
        number = pdf.stream(packet.encode("utf-8"), "/Type /Metadata /Subtype /XML", flate=True)
        return f"/Metadata {number} 0 R"

    return protocol(build=metadata)


def attachment(content: bytes = f"Sökande {NUMBER}\n".encode(), name: str = "bilaga.txt") -> bytes:
    """A file attached to the document (the catalog's /Names /EmbeddedFiles)."""

    def embedded(pdf: RawPdf) -> str:
        stream = pdf.stream(content, "/Type /EmbeddedFile", flate=True)
        spec = pdf.add(f"<< /Type /Filespec /F ({name}) /UF ({name}) /EF << /F {stream} 0 R >> >>")
        return f"/Names << /EmbeddedFiles << /Names [({name}) {spec} 0 R] >> >>"

    return protocol(build=embedded)


def file_attachment_annotation() -> bytes:
    """A paper-clip annotation on page 1 carrying a file."""

    def embedded(pdf: RawPdf) -> str:
        stream = pdf.stream(b"hemligt\n", "/Type /EmbeddedFile")
        assert pdf.add(f"<< /Type /Filespec /F (gem.txt) /EF << /F {stream} 0 R >> >>") == 6
        return ""

    # The annotation refers to the file specification ``embedded`` makes (the 6th object).
    return protocol(
        build=embedded,
        annotations=("<< /Type /Annot /Subtype /FileAttachment /Rect [60 500 80 520] /FS 6 0 R /Contents (gem) >>",),
    )


# -- what a published PDF must not do -----------------------------------------------------------


def open_action_javascript() -> bytes:
    return protocol(catalog="/OpenAction << /S /JavaScript /JS (app.alert\\('hej'\\)) >>")


def page_action_javascript() -> bytes:
    """JavaScript run when page 1 opens (/AA /O), the name spelt with a #-escape."""
    return protocol(page="/AA << /O << /S /Java#53cript /JS (this.print\\(\\)) >> >>")


def javascript_name_tree() -> bytes:
    def scripts(pdf: RawPdf) -> str:
        action = pdf.add("<< /S /JavaScript /JS (1) >>")
        return f"/Names << /JavaScript << /Names [(start) {action} 0 R] >> >>"

    return protocol(build=scripts)


def launch_action() -> bytes:
    return protocol(
        annotations=("<< /Type /Annot /Subtype /Link /Rect [60 500 200 520] /A << /S /Launch /F (calc.exe) >> >>",)
    )


# -- too big inside ---------------------------------------------------------------------------


def many_pages(count: int | None = None) -> bytes:
    """2,001 pages (the drawn two and 1,999 blank ones); the page tree may say fewer."""
    return protocol(pages=1_999, count=count)


def crowded_page(characters: int = 250_000) -> bytes:
    """A page that draws ``characters`` characters (a few hundred bytes once compressed)."""
    return protocol(extra_text="x" * characters)


def inflating(size: int = 1 << 30) -> bytes:
    """About 1 MB on disk, ``size`` bytes once inflated: a stream of zeros in the catalog's XMP
    metadata, which is read before any page."""
    squeeze = zlib.compressobj(9)
    chunk = bytes(1 << 20)
    data = b"".join(squeeze.compress(chunk) for _ in range(size // len(chunk))) + squeeze.flush()

    def metadata(pdf: RawPdf) -> str:
        number = pdf.add(
            b"<< /Length %d /Type /Metadata /Subtype /XML /Filter /FlateDecode >>\nstream\n" % len(data)
            + data
            + b"\nendstream"
        )
        return f"/Metadata {number} 0 R"

    return protocol(build=metadata)


def _utf16(text: str) -> str:
    """A PDF text string in UTF-16BE with its byte-order mark, as hex."""
    return "FEFF" + text.encode("utf-16-be").hex().upper()
