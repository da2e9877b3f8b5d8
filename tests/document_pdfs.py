"""Handlingar as real PDF files written in plain PDF syntax: pages with a text layer (one line of
text per string given), or a page with nothing but a drawing (no text layer, as a scan)."""

from __future__ import annotations

from tests.hostile_pdfs import RawPdf, text_string


def document(*pages: str) -> bytes:
    """A PDF with one page per text, each drawn in Helvetica (ASCII and Latin-1 letters)."""
    pdf = RawPdf()
    catalog = pdf.add("null")
    tree = pdf.add("null")
    font = pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for text in pages:
        lines = text.split("\n")
        stream = b"".join(
            b"BT /F1 12 Tf 60 %d Td %s Tj ET\n" % (760 - 16 * i, text_string(line).encode("latin-1"))
            for i, line in enumerate(lines)
        )
        content = pdf.stream(stream, flate=True)
        kids.append(
            pdf.add(
                f"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 595 842] "
                f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>"
            )
        )
    pdf.put(tree, f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>")
    pdf.put(catalog, f"<< /Type /Catalog /Pages {tree} 0 R >>")
    return pdf.write(catalog)


def drawing_only() -> bytes:
    """A one-page PDF that draws a rectangle and holds no text: a scan without a text layer."""
    pdf = RawPdf()
    catalog = pdf.add("null")
    tree = pdf.add("null")
    content = pdf.stream(b"0.5 g 60 500 300 200 re f\n")
    page = pdf.add(f"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R >>")
    pdf.put(tree, f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>")
    pdf.put(catalog, f"<< /Type /Catalog /Pages {tree} 0 R >>")
    return pdf.write(catalog)
