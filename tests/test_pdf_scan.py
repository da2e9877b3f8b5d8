"""Original PDFs are scanned before they are published (issue 25): a personnummer in a page's text,
an annotation, the document information, the XMP metadata or an attachment; JavaScript, a launch
action or an embedded file; too many pages or too much inflated, all refuse the build with a
message naming the PDF and where in it. Scans are kept by the PDF's content. The PDFs are real
files written in PDF syntax (``tests.hostile_pdfs``)."""

from __future__ import annotations

import hashlib
import shutil
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from generator import messages
from generator.problems import Problems
from generator.readers import pdf_scan
from generator.readers.cache import SourceCache, load_signed
from generator.readers.pdf_limits import LIMITS, Limits
from generator.readers.sources import read_sources
from tests import hostile_pdfs
from tests.conftest import PROTOCOLS, arkiv

NUMBER = hostile_pdfs.NUMBER
PDF = "direktionen/bevis.pdf"  # where the meeting's original is, as messages name it
LINE = 3  # the line of "original:" in the meeting below

# (how the PDF is made, where in it the number is, as the message says)
PLACES: list[tuple[Callable[[], bytes], str]] = [
    (hostile_pdfs.in_text_layer, "sida 1"),
    (hostile_pdfs.in_hidden_text, "sida 1"),
    (hostile_pdfs.in_note, "sida 1"),
    (hostile_pdfs.in_free_text, "sida 1"),
    (hostile_pdfs.in_appearance, "sida 1"),
    (hostile_pdfs.in_bookmark, messages.PDF_PLACE_OTHER),
    (hostile_pdfs.in_author, "metadata"),
    (hostile_pdfs.in_keywords, "metadata"),
    (hostile_pdfs.in_xmp, "metadata"),
    (hostile_pdfs.attachment, "bilaga bilaga.txt"),
    (hostile_pdfs.masked_by_an_update, messages.PDF_PLACE_REVISION.format(revision=1, place="sida 1")),
]
# (how the PDF is made, what the message says of it)
FORBIDDEN: list[tuple[Callable[[], bytes], str]] = [
    (hostile_pdfs.open_action_javascript, messages.PDF_JAVASCRIPT.format(file=PDF)),
    (hostile_pdfs.page_action_javascript, messages.PDF_JAVASCRIPT.format(file=PDF)),
    (hostile_pdfs.javascript_name_tree, messages.PDF_JAVASCRIPT.format(file=PDF)),
    (hostile_pdfs.launch_action, messages.PDF_LAUNCH.format(file=PDF)),
    (hostile_pdfs.attachment, messages.PDF_EMBEDDED.format(file=PDF, name="bilaga.txt")),
    (hostile_pdfs.file_attachment_annotation, messages.PDF_EMBEDDED.format(file=PDF, name="gem.txt")),
]


def archive_with_original(tmp_path: Path, pdf: bytes, comment: str = "") -> Path:
    """The real protocols with one more meeting, in YAML, that publishes ``pdf`` as its original."""
    protocols = tmp_path / "protocols"
    shutil.copytree(PROTOCOLS, protocols)
    (protocols / "direktionen" / "2023-11-30.yaml").write_text(
        "organ: direktionen\ndatum: 2023-11-30\noriginal: bevis.pdf\n"
        "paragrafer:\n  - {paragraf: 1, rubrik: Val, beslut: Direktionen väljer.}\n" + comment,
        encoding="utf-8",
    )
    (protocols / "direktionen" / "bevis.pdf").write_bytes(pdf)
    return protocols


def name_of(case: tuple[Callable[[], bytes], str]) -> str:
    return case[0].__name__


# -- finding 1: a personnummer anywhere in the PDF ---------------------------------------------


@pytest.mark.parametrize("case", PLACES, ids=name_of)
def test_a_personnummer_anywhere_in_the_original_is_found(
    case: tuple[Callable[[], bytes], str], tmp_path: Path
) -> None:
    make, place = case
    (tmp_path / "x.pdf").write_bytes(make())
    found = pdf_scan.scan(tmp_path / "x.pdf")
    said = pdf_scan.reasons(found, "x.pdf")
    assert f"x.pdf: {place}: texten ser ut som ett personnummer ({NUMBER})" in "\n".join(said)


@pytest.mark.parametrize("case", PLACES, ids=name_of)
def test_the_build_refuses_an_original_with_a_personnummer(
    case: tuple[Callable[[], bytes], str], tmp_path: Path
) -> None:
    make, place = case
    protocols = archive_with_original(tmp_path, make())
    result = arkiv("validate", "--protocols", protocols)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"direktionen/2023-11-30.yaml:{LINE}:1: error: {PDF}: {place}: texten ser ut som ett personnummer" in (
        result.stderr
    ), result.stderr


def test_no_site_is_written_from_an_original_with_a_personnummer(tmp_path: Path) -> None:
    protocols = archive_with_original(tmp_path, hostile_pdfs.in_note())
    result = arkiv("build", "--protocols", protocols, "--site", tmp_path / "site", "--no-cache")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{PDF}: sida 1: texten ser ut som ett personnummer ({NUMBER})" in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_personnummer_in_the_signing_certificate_is_found(tmp_path: Path) -> None:
    """A Swedish e-identification's certificate may carry its owner's personnummer (the subject's
    serialNumber); a signed original carries the certificate to the web."""
    # pyHanko signs with an event loop of its own; a browser test's loop may run in this thread.
    with ThreadPoolExecutor(max_workers=1) as worker:
        signed = worker.submit(hostile_pdfs.signed_by_certificate_with_personnummer, tmp_path).result()
    protocols = archive_with_original(tmp_path, signed)
    result = arkiv("validate", "--protocols", protocols)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    place = messages.PDF_PLACE_SIGNATURE
    assert f"{PDF}: {place}: texten ser ut som ett personnummer (191212121212)" in result.stderr, result.stderr


def test_a_number_the_source_excepts_is_allowed_in_its_original(tmp_path: Path) -> None:
    comment = f"# arkiv: personnummer-undantag {NUMBER}: Skatteverkets testnummer, inget verkligt\n"
    protocols = archive_with_original(tmp_path, hostile_pdfs.in_note(), comment)
    result = arkiv("validate", "--protocols", protocols)
    assert result.returncode == 0, result.stderr


def test_an_original_that_cannot_be_read_is_refused(tmp_path: Path) -> None:
    """What cannot be read cannot be shown to hold no personnummer (it was published before)."""
    protocols = archive_with_original(tmp_path, b"%PDF-1.4 justerat protokoll")
    result = arkiv("validate", "--protocols", protocols)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"direktionen/2023-11-30.yaml:{LINE}:1: error: {messages.PDF_UNREADABLE.format(file=PDF)}" in result.stderr


def test_a_clean_original_passes(tmp_path: Path) -> None:
    protocols = archive_with_original(tmp_path, hostile_pdfs.protocol())
    result = arkiv("validate", "--protocols", protocols)
    assert result.returncode == 0, result.stderr


# -- finding 2: scripts, launch actions, embedded files ----------------------------------------


@pytest.mark.parametrize("case", FORBIDDEN, ids=name_of)
def test_the_build_refuses_an_original_with_a_script_launch_or_attachment(
    case: tuple[Callable[[], bytes], str], tmp_path: Path
) -> None:
    make, message = case
    protocols = archive_with_original(tmp_path, make())
    result = arkiv("validate", "--protocols", protocols)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"direktionen/2023-11-30.yaml:{LINE}:1: error: {message}" in result.stderr, result.stderr


# -- finding 3: limits --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def inflating(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bomb") / "bomb.pdf"
    path.write_bytes(hostile_pdfs.inflating())
    return path


@pytest.mark.parametrize("count", [None, 2], ids=["said", "hidden"])
def test_a_pdf_of_too_many_pages_is_refused_before_its_pages_are_read(count: int | None, tmp_path: Path) -> None:
    """2,001 pages; the page tree may say so, or say 2 (then the pages are counted as objects)."""
    (tmp_path / "x.pdf").write_bytes(hostile_pdfs.many_pages(count))
    started = time.perf_counter()
    found = pdf_scan.scan(tmp_path / "x.pdf")
    assert time.perf_counter() - started < 5
    assert pdf_scan.reasons(found, "x.pdf") == [messages.PDF_TOO_MANY_PAGES.format(file="x.pdf", limit=LIMITS.pages)]


def test_the_build_refuses_an_original_that_inflates_past_the_limit(inflating: Path, tmp_path: Path) -> None:
    protocols = archive_with_original(tmp_path, inflating.read_bytes())
    result = arkiv("validate", "--protocols", protocols)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    expected = messages.PDF_TOO_LARGE.format(file=PDF, limit=LIMITS.decompressed // 1024 // 1024)
    assert f"direktionen/2023-11-30.yaml:{LINE}:1: error: {expected}" in result.stderr, result.stderr


def test_a_page_that_draws_too_much_is_refused_while_it_is_read(tmp_path: Path) -> None:
    """250,000 characters on one page, a few hundred bytes compressed: laid out, they would take
    gigabytes; reading stops at the page's limit."""
    (tmp_path / "x.pdf").write_bytes(hostile_pdfs.crowded_page())
    found = pdf_scan.scan(tmp_path / "x.pdf")
    limit = LIMITS.objects_per_page
    assert pdf_scan.reasons(found, "x.pdf") == [messages.PDF_TOO_MUCH_ON_A_PAGE.format(file="x.pdf", limit=limit)]
    assert pdf_scan.scan(tmp_path / "x.pdf", Limits(objects_per_page=300_000)) == pdf_scan.Scan()


def test_a_pdf_read_past_its_time_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x.pdf").write_bytes(hostile_pdfs.protocol())
    found = pdf_scan.scan(tmp_path / "x.pdf", Limits(seconds=0))
    assert pdf_scan.reasons(found, "x.pdf") == [messages.PDF_TOO_SLOW.format(file="x.pdf", limit=0)]


# -- finding 4: scans are kept by the PDF's content ---------------------------------------------


def test_an_original_is_scanned_once_per_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    protocols = archive_with_original(tmp_path, hostile_pdfs.protocol())
    scanned: list[Path] = []
    real = pdf_scan.scan

    def counting(path: Path, limits: Limits = LIMITS) -> pdf_scan.Scan:
        scanned.append(path)
        return real(path, limits)

    monkeypatch.setattr(pdf_scan, "scan", counting)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # the cache's key, made here

    def read() -> Problems:
        problems = Problems()
        read_sources(protocols, problems, cache=SourceCache.for_archive(tmp_path / "cache", protocols))
        return problems

    assert read().errors == []
    assert len(scanned) == 1
    (protocols / "direktionen" / "2023-11-30.yaml").touch()  # the source read again, its PDF not
    assert read().errors == [] and len(scanned) == 1
    # Another PDF of the same content under another name: still not read again.
    shutil.copyfile(protocols / "direktionen" / "bevis.pdf", protocols / "direktionen" / "kopia.pdf")
    source = protocols / "direktionen" / "2023-11-30.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("bevis.pdf", "kopia.pdf"), encoding="utf-8")
    assert read().errors == [] and len(scanned) == 1
    # New content is scanned, and what it holds is said.
    (protocols / "direktionen" / "kopia.pdf").write_bytes(hostile_pdfs.in_author())
    problems = read()
    assert len(scanned) == 2
    assert [p.message for p in problems.errors] == [
        messages.ORIGINAL_PERSONNUMMER.format(file="direktionen/kopia.pdf", place="metadata", value=NUMBER)
    ]


def test_validate_keeps_the_scans_for_the_next_run(tmp_path: Path) -> None:
    """``arkiv validate`` (and the server's check of a push) keep the scans beside the builds'
    cache, so the next run reads only PDFs it has not seen."""
    protocols = archive_with_original(tmp_path, hostile_pdfs.protocol())
    assert arkiv("validate", "--protocols", protocols, cwd=tmp_path).returncode == 0
    (store,) = (tmp_path / ".cache" / "arkiv").glob("pdf-granskning-*.pickle")
    kept = load_signed(store, pdf_scan.version())
    digest = hashlib.sha512((protocols / "direktionen" / "bevis.pdf").read_bytes()).hexdigest()
    assert isinstance(kept, dict) and kept == {digest: pdf_scan.Scan()}


def test_the_seed_original_scan_time(capsys: pytest.CaptureFixture[str]) -> None:
    """The cost of a scan, on the seed's signed PDF (10 pages): printed (wall clock and CPU), with
    a generous bound; a build pays it once per PDF content, not once per build."""
    seed = Path(__file__).parent / "fixtures" / "corpus" / "pdf" / "seed-direktionen-2023-10-26.signed.pdf"
    started, cpu = time.perf_counter(), time.process_time()
    found = pdf_scan.scan(seed)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    assert found == pdf_scan.Scan()
    with capsys.disabled():
        print(f"\nskanning av seed-PDF:en: {seconds:.2f} s ({cpu:.2f} s processortid)")
    assert seconds < 10
