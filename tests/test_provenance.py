"""The signed original: its size and SHA-512 on the page and in the open data, and its PAdES
signature checked with pyHanko, with a PDF signed here by a test certificate and a tampered copy."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import Page as PlaywrightPage

from tests import pdfs
from tests.conftest import PROTOCOLS, ROOT, build_site
from tests.helpers import serve_directory
from tests.htmlcheck import Page

SIGNER = "Testa Signerarsson"


def blank_pdf() -> bytes:
    """A one-page PDF without a signature."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.writer import PdfFileWriter

    writer = PdfFileWriter()
    size = [generic.NumberObject(n) for n in (0, 0, 595, 842)]
    writer.insert_page(
        generic.DictionaryObject(
            {
                generic.NameObject("/Type"): generic.NameObject("/Page"),
                generic.NameObject("/MediaBox"): generic.ArrayObject(size),
                generic.NameObject("/Resources"): generic.DictionaryObject(),
            }
        )
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def signed_pdf(folder: Path) -> bytes:
    """The blank PDF signed (PAdES, pyHanko) with a self-signed test certificate."""
    return pdfs.sign(blank_pdf(), folder, SIGNER)


def tampered(pdf: bytes) -> bytes:
    """The same PDF with one byte of the signed page changed (its size on the page)."""
    return pdfs.tamper(pdf)


@pytest.fixture(scope="module")
def originals(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    base = tmp_path_factory.mktemp("original")
    protocols = base / "protocols"
    shutil.copytree(PROTOCOLS, protocols)
    # pyHanko signs with an event loop of its own; the browser tests' loop runs in this thread.
    with ThreadPoolExecutor(max_workers=1) as worker:
        pdf = worker.submit(signed_pdf, base).result()
    files = {"2023-10-26": pdf, "2023-12-14": tampered(pdf)}
    for day, content in files.items():
        (protocols / "direktionen" / f"{day}.pdf").write_bytes(content)
    seed = protocols / "direktionen" / "2023-10-26.md"
    seed.write_text(seed.read_text(encoding="utf-8") + "\n<!-- arkiv: original: 2023-10-26.pdf -->\n", "utf-8")
    (protocols / "direktionen" / "2023-12-14.yaml").write_text(
        "organ: direktionen\ndatum: 2023-12-14\noriginal: 2023-12-14.pdf\n"
        "paragrafer:\n  - {paragraf: 1, rubrik: Budget 2024, beslut: Direktionen fastställer budgeten.}\n",
        encoding="utf-8",
    )
    (protocols / "direktionen" / "2023-11-30.yaml").write_text(
        "organ: direktionen\ndatum: 2023-11-30\noriginal: osignerad.pdf\n"
        "paragrafer:\n  - {paragraf: 1, rubrik: Val, beslut: Direktionen väljer.}\n",
        encoding="utf-8",
    )
    (protocols / "direktionen" / "osignerad.pdf").write_bytes(blank_pdf())
    return build_site(protocols, base / "site"), files


def test_a_valid_signature_is_shown_with_its_signer(originals: tuple[Path, dict[str, bytes]]) -> None:
    site, files = originals
    page = Page(site, "direktionen/2023-10-26/")
    assert f"signaturen är giltig: dokumentet är oförändrat sedan det signerades – signerad av {SIGNER}" in page.text
    assert hashlib.sha512(files["2023-10-26"]).hexdigest() in page.text
    assert (site / "direktionen" / "2023-10-26" / "protokoll.pdf").read_bytes() == files["2023-10-26"]


def test_the_accessibility_statement_lists_the_signed_originals(originals: tuple[Path, dict[str, bytes]]) -> None:
    from generator.site import labels

    # A signed PDF is published as signed, not adapted: the statement says so, and where the text is.
    statement = Page(originals[0], "tillganglighet/")
    assert labels.ACCESSIBILITY_ORIGINALS in statement.text and labels.ACCESSIBILITY_BECAUSE in statement.text


def test_a_tampered_copy_is_published_with_that_said(originals: tuple[Path, dict[str, bytes]]) -> None:
    site, files = originals
    page = Page(site, "direktionen/2023-12-14/")
    assert "signaturen är inte giltig: dokumentet har ändrats efter signeringen" in page.text
    assert "signaturen är giltig" not in page.text
    assert hashlib.sha512(files["2023-12-14"]).hexdigest() in page.text
    assert "PDF-filen har ingen inbäddad elektronisk signatur." in Page(site, "direktionen/2023-11-30/").text


def test_open_data_carries_size_checksum_and_signature(originals: tuple[Path, dict[str, bytes]]) -> None:
    site, files = originals
    data = json.loads((site / "data" / "moten" / "direktionen" / "2023-10-26.json").read_text(encoding="utf-8"))
    original = data["verbatimProtocol"]
    assert original["size"] == len(files["2023-10-26"])
    assert original["sha512Checksum"] == hashlib.sha512(files["2023-10-26"]).hexdigest()
    assert [(s["status"], s["signer"]) for s in original["signatures"]] == [("giltig", SIGNER)]
    tampered_data = json.loads((site / "data" / "moten" / "direktionen" / "2023-12-14.json").read_text("utf-8"))
    assert [s["status"] for s in tampered_data["verbatimProtocol"]["signatures"]] == ["ogiltig"]


@pytest.mark.browser
def test_the_provenance_block_passes_wcag_21_aa(page: PlaywrightPage, originals: tuple[Path, dict[str, bytes]]) -> None:
    from axe_playwright_python.sync_playwright import Axe

    site, _ = originals
    with serve_directory(site) as base:
        for url in ("direktionen/2023-10-26/", "direktionen/2023-12-14/"):
            page.goto(base + url)
            rules = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
            results = Axe().run(page, options=rules)
            assert results.response["violations"] == [], results.generate_report()


def test_a_page_replaced_after_signing_makes_the_signature_invalid() -> None:
    """An incremental update after the signature leaves the signed bytes intact, but the file
    no longer shows what was signed: the signature is not valid for it (pyHanko: ENTIRE_REVISION,
    modification level OTHER). The untouched signed copy is valid."""
    from generator.model import SignatureStatus
    from generator.readers.provenance import check

    corpus = ROOT / "tests" / "fixtures" / "corpus" / "pdf"
    changed = check(corpus / "sagodal-2018-ksau.tampered-incremental.pdf")
    signed = check(corpus / "sagodal-2018-ksau.signed.pdf")
    assert [c.status for c in changed] == [SignatureStatus.INVALID]
    assert [c.status for c in signed] == [SignatureStatus.VALID]
