"""Protocol PDFs made here, by two routes, for the import tests: printed from HTML by the headless
Chromium the tests already use, and drawn line by line with pyHanko's PDF writer (absolute text
positions, no table borders). Every name and text is fictional (the Exempelnäs fixtures' roster).
"""

from __future__ import annotations

import datetime
import html
import io
import re
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

STYLE = """
body { font-family: "DejaVu Sans", sans-serif; font-size: 11pt; }
table { border-collapse: collapse; }
table.ruled td { border: 1px solid #000; padding: 3px; vertical-align: top; }
h2, h3 { font-size: 11pt; margin: 10pt 0 4pt; }
p { margin: 0 0 8pt; }
.long { text-align: justify; }
.signing { page-break-before: always; }
"""
HEADER = (
    '<div style="font-size:9px;width:100%;padding:0 20mm;display:flex;justify-content:space-between">'
    "<span>Kommunalförbundet Exempelnäs</span><span>Sammanträdesprotokoll</span>"
    '<span>Sida <span class="pageNumber"></span> av <span class="totalPages"></span></span></div>'
)
FOOTER = '<div style="font-size:8px;width:100%;text-align:center">Förbundskansliet, Storgatan 1, 123 45 Ankeborg</div>'
# Long words with soft hyphens in a justified paragraph: Chromium breaks some of them at a line
# end, which the import must join again. Hard hyphens ("IT-säkerheten", "2017-2019") stay.
LONG_WORDS = [
    "medlems\u00adkommunernas",
    "förbunds\u00addirektörens",
    "fiber\u00adförbindelserna",
    "nätverks\u00adutrustningen",
    "informations\u00adsäkerhets\u00adarbetet",
]


def long_paragraph(sentences: int) -> str:
    """A justified paragraph long enough to run over a page break."""
    parts = []
    for i in range(sentences):
        word = LONG_WORDS[i % len(LONG_WORDS)]
        parts.append(
            f"Under år {2010 + i % 9} gick arbetet med {word} vidare enligt plan nummer {i + 1}, "
            "och IT-säkerheten för perioden 2017-2019 följdes upp av direktionen."
        )
    return " ".join(parts)


def protocol_html(day: str = "2016-11-24", long_sentences: int = 40, extra: str = "") -> str:
    """A protocol in the seed's kind of template: a ruled header table, ANSLAG/BEVIS as a
    borderless table, paragraphs with bold headings, a paragraph over a page break and a signing
    page in the e-signing service's layout."""
    return f"""<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>{STYLE}</style></head><body>
<p><b>Direktionen</b></p>
<table class="ruled">
<tr><td>Plats och tid</td><td>Förbundshuset, Ankeborg, kl. 09.00-11.30</td></tr>
<tr><td>Beslutande</td><td>Agnes Ahlberg, Ankeborgs kommun, ordförande<br>Bertil Bäckström, Gåseby kommun<br>
Cilla Carlberg, Knasbyns kommun</td></tr>
<tr><td>Övriga närvarande</td><td>Erika Ekholm, förbundsdirektör</td></tr>
<tr><td>Justerare</td><td>Bertil Bäckström</td></tr>
<tr><td>Justeringens plats och tid</td><td>Förbundshuset</td></tr>
</table>
<p><b>ANSLAG/BEVIS</b></p>
<table><tr><td style="width:200pt">Organ</td><td>Direktionen</td></tr>
<tr><td>Sammanträdesdatum</td><td>{day}</td></tr>
<tr><td>Datum då anslaget sätts upp</td><td>{_later(day, 5)}</td></tr>
<tr><td>Datum då anslaget tas ned</td><td>{_later(day, 27)}</td></tr>
<tr><td>Förvaringsplats för protokollet</td><td>Förbundskansliet, Ankeborg</td></tr></table>
<p>§ 41</p><p>Dnr 2016/12</p>
<h2>Val av sekreterare för mötet</h2>
<h3>Direktionens beslut</h3>
<p>Direktionen utser Filip Forsman till sekreterare.</p>
<p>§ 42</p><p>Dnr 2016/31</p>
<h2>Budget för nätverksdrift 2017</h2>
<h3>Direktionens beslut</h3>
<p>Direktionen fastställer budgeten för nätverksdriften 2017 till 4 200 tkr.</p>
<h3>Sammanfattning av ärendet</h3>
<p class="long">{long_paragraph(long_sentences)}</p>
{extra}
<div class="signing"><p>Signaturerna i detta dokument är juridiskt bindande. Dokumentet är signerat med
Addo Sign säkra digitala signatur.</p>
<h2>Undertecknare</h2>
<table><tr><td style="width:250pt"><b>Agnes Ahlberg</b> a1B2c3</td><td><b>Bertil Bäckström</b> d4E5f6</td></tr>
<tr><td>{_later(day, 4)} 08:16:42Z</td><td>{_later(day, 4)} 09:01:10Z</td></tr></table></div>
</body></html>"""


def _later(day: str, days: int) -> str:
    return (datetime.date.fromisoformat(day) + datetime.timedelta(days=days)).isoformat()


def letter_html() -> str:
    """A PDF that is not a protocol: a letter."""
    return (
        f'<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>{STYLE}</style></head><body>'
        "<p>Hej!</p><p>Tack för mötet i går. Vi hörs om budgeten nästa vecka.</p><p>Erika Ekholm</p></body></html>"
    )


def scanned_html() -> str:
    """A page with only shapes and no text layer, as a scanned protocol has."""
    return (
        '<!doctype html><html lang="sv"><head><meta charset="utf-8"></head><body>'
        '<svg width="500" height="700"><rect x="40" y="40" width="400" height="20" fill="#333"/>'
        '<rect x="40" y="80" width="380" height="12" fill="#666"/></svg></body></html>'
    )


def print_pdf(browser: Any, html: str) -> bytes:
    """``html`` printed to A4 by Chromium, with a running header and footer on every page."""
    page = browser.new_page()
    try:
        page.set_content(html)
        data: bytes = page.pdf(
            format="A4",
            display_header_footer=True,
            header_template=HEADER,
            footer_template=FOOTER,
            margin={"top": "25mm", "bottom": "20mm", "left": "20mm", "right": "20mm"},
        )
        return data
    finally:
        page.close()


# -- drawn with pyHanko's writer: absolute positions, a header table without borders ------------

DRAWN_LINES: list[tuple[float, float, str, bool]] = [
    # (x, y from the top, text, bold)
    (60, 40, "Kommunalförbundet Exempelnäs", False),
    (470, 40, "Sida 1 (2)", False),
    (60, 90, "Direktionen", True),
    (60, 120, "Plats och tid", False),
    (200, 120, "Förbundshuset, Ankeborg, 2009-03-12 kl. 13.00-15.10", False),
    (60, 136, "Beslutande", False),
    (200, 136, "Agnes Ahlberg (ANK), ordförande", False),
    (200, 150, "Bertil Bäckström (GÅS)", False),
    (200, 164, "Cilla Carlberg (KNA)", False),
    (60, 180, "Utses att justera", False),
    (200, 180, "Cilla Carlberg", False),
    (60, 210, "ANSLAG", True),
    (60, 228, "Anslagsdatum", False),
    (200, 228, "2009-03-18", False),
    (60, 242, "Anslaget tas ner tidigast", False),
    (200, 242, "2009-04-09", False),
    (60, 256, "Förvaringsplats", False),
    (200, 256, "Förbundskansliet, Ankeborg", False),
    (60, 290, "§ 7", True),
    (60, 306, "Dnr 2009/4", False),
    (60, 322, "Årsredovisning 2008", True),
    (60, 340, "Direktionens beslut", True),
    (60, 356, "Direktionen godkänner årsredovisningen för 2008 och lämnar den till", False),
    (60, 370, "medlemskommunerna för prövning av frågan om ansvarsfrihet för direk-", False),
    (60, 384, "tionen.", False),
    (60, 800, "Förbundskansliet, Storgatan 1, 123 45 Ankeborg", False),
    # page 2
    (60, 1040, "Kommunalförbundet Exempelnäs", False),
    (470, 1040, "Sida 2 (2)", False),
    (60, 1090, "§ 8", True),
    (60, 1106, "Dnr 2009/11", False),
    (60, 1122, "Avtal om nätdrift med Gåseby kommun", True),
    (60, 1140, "Direktionens beslut", True),
    (60, 1156, "Direktionen ger förbundsdirektören i uppdrag att teckna avtalet om", False),
    (60, 1170, "nätdrift med Gåseby kommun från den 1 juli 2009.", False),
    (60, 1800, "Förbundskansliet, Storgatan 1, 123 45 Ankeborg", False),
]
PAGE_HEIGHT = 1000  # the drawn PDF's pages are this tall in the coordinates above (y // 1000 = page)


def drawn_pdf(lines: list[tuple[float, float, str, bool]] = DRAWN_LINES) -> bytes:
    """A two-page protocol drawn with Helvetica at absolute positions (pyHanko's writer)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.writer import PdfFileWriter

    writer = PdfFileWriter()
    fonts = generic.DictionaryObject()
    for key, name in (("/F1", "/Helvetica"), ("/F2", "/Helvetica-Bold")):
        fonts[generic.NameObject(key)] = writer.add_object(
            generic.DictionaryObject(
                {
                    generic.NameObject("/Type"): generic.NameObject("/Font"),
                    generic.NameObject("/Subtype"): generic.NameObject("/Type1"),
                    generic.NameObject("/BaseFont"): generic.NameObject(name),
                    generic.NameObject("/Encoding"): generic.NameObject("/WinAnsiEncoding"),
                }
            )
        )
    pages = sorted({int(y // PAGE_HEIGHT) for _, y, _, _ in lines})
    for number in pages:
        stream = b""
        for x, y, text, bold in lines:
            if int(y // PAGE_HEIGHT) != number:
                continue
            escaped = text.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
            top = y - number * PAGE_HEIGHT
            stream += b"BT /%s 11 Tf %.1f %.1f Td (%s) Tj ET\n" % (
                b"F2" if bold else b"F1",
                x,
                842 - top,
                escaped,
            )
        content = writer.add_object(generic.StreamObject(stream_data=stream))
        writer.insert_page(
            generic.DictionaryObject(
                {
                    generic.NameObject("/Type"): generic.NameObject("/Page"),
                    generic.NameObject("/MediaBox"): generic.ArrayObject(
                        [generic.NumberObject(n) for n in (0, 0, 595, 842)]
                    ),
                    generic.NameObject("/Resources"): generic.DictionaryObject({generic.NameObject("/Font"): fonts}),
                    generic.NameObject("/Contents"): content,
                }
            )
        )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted_pdf() -> bytes:
    """The drawn protocol, encrypted with a password to open it."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.pdf_utils.writer import copy_into_new_writer

    writer = copy_into_new_writer(PdfFileReader(io.BytesIO(drawn_pdf())))
    writer.encrypt("ägare", "hemligt")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def sign(pdf: bytes, folder: Path, signer_name: str = "Testa Signerarsson", serial: str = "") -> bytes:
    """``pdf`` signed (PAdES, pyHanko) with a self-signed test certificate made here; ``serial``
    is the subject's serialNumber (where a Swedish e-identification keeps a personnummer)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, signer_name)]
    if serial:
        attributes.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, serial))
    name = x509.Name(attributes)
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(4711)
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=365))
        .sign(key, hashes.SHA256())
    )
    (folder / "nyckel.pem").write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    (folder / "certifikat.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    signer = signers.SimpleSigner.load(str(folder / "nyckel.pem"), str(folder / "certifikat.pem"))
    out = io.BytesIO()
    signers.sign_pdf(
        IncrementalPdfFileWriter(io.BytesIO(pdf)),
        signers.PdfSignatureMetadata(field_name="Signatur"),
        signer=signer,
        output=out,
    )
    return out.getvalue()


def tamper(pdf: bytes, old: bytes = b"/MediaBox") -> bytes:
    """One byte of the signed content changed."""
    data = bytearray(pdf)
    at = data.index(old) + 12
    data[at : at + 1] = b"7" if data[at : at + 1] != b"7" else b"8"
    return bytes(data)


CELL = "padding:2px 14pt 2px 0;vertical-align:top"


def markdown_html(source: str) -> str:
    """A Markdown protocol laid out as a printed one: tab-separated and pipe rows as borderless
    table rows, bold and headings as bold lines, every other line as a paragraph; archive
    markers are not printed."""
    out: list[str] = []
    table: list[list[str]] = []

    def flush() -> None:
        if table:
            cells = "".join(
                "<tr>"
                + "".join(f'<td style="padding:2px 14pt 2px 0;vertical-align:top">{c}</td>' for c in row)
                + "</tr>"
                for row in table
            )
            out.append(f"<table>{cells}</table>")
            table.clear()

    for line in source.splitlines():
        if line.startswith("<!--") or not line.strip():
            continue
        text = html.escape(line)
        text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
        text = re.sub(r"&lt;b&gt;(.+?)&lt;/b&gt;", r"<b>\1</b>", text)
        if line.startswith("|") and line.endswith("|"):
            if not re.fullmatch(r"\|[\s\-:|]+\|", line):
                table.append([cell.strip() for cell in text.strip("|").split("|")])
            continue
        if "\t" in line:
            table.append(text.split("\t"))
            continue
        flush()
        heading = re.match(r"#{1,6}\s+(.*)", text)
        out.append(f"<p><b>{heading[1]}</b></p>" if heading else f"<p>{text}</p>")
    flush()
    return (
        f'<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>{STYLE}</style></head><body>'
        + "\n".join(out)
        + "</body></html>"
    )
