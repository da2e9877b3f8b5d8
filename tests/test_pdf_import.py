"""`arkiv import`: protocol PDFs made here by two routes (printed by Chromium, drawn with pyHanko's
writer) become sources that read with every fact; the original is kept with its SHA-512 and its
signature checked; what cannot be imported is refused with one message and nothing written."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, time
from pathlib import Path
from time import monotonic

import pdfplumber
import pytest
from playwright.sync_api import Browser

from generator import messages
from generator.model import Meeting, SignatureStatus
from generator.problems import Problems
from generator.readers.markdown.paragraph_starts import paragraph_starts
from generator.readers.pdf_limits import LIMITS, Limits
from generator.readers.sources import read_sources
from tests import hostile_pdfs, pdfs
from tests.conftest import ARKIV, arkiv

ORGANISATION = Path(__file__).resolve().parent / "fixtures" / "layouts" / "organisation.yaml"


@pytest.fixture(scope="module")
def made(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdf")
    protocol = pdfs.print_pdf(browser, pdfs.protocol_html())
    # pyHanko signs with an event loop of its own; the browser's loop runs in this thread.
    with ThreadPoolExecutor(max_workers=1) as worker:
        signed = worker.submit(pdfs.sign, protocol, folder).result()
        drawn = worker.submit(pdfs.drawn_pdf).result()
        encrypted = worker.submit(pdfs.encrypted_pdf).result()
    contents = {
        "protokoll.pdf": protocol,
        "ritad.pdf": drawn,
        "signerad.pdf": signed,
        "manipulerad.pdf": pdfs.tamper(signed),
        "skannad.pdf": pdfs.print_pdf(browser, pdfs.scanned_html()),
        "brev.pdf": pdfs.print_pdf(browser, pdfs.letter_html()),
        "krypterad.pdf": encrypted,
        "trasig.pdf": b"%PDF-1.7\n" + b"inte en pdf " * 50,
    }
    for name, data in contents.items():
        (folder / name).write_bytes(data)
    return {name: folder / name for name in contents}


def archive(tmp_path: Path) -> Path:
    protocols = tmp_path / "protocols"
    protocols.mkdir()
    shutil.copyfile(ORGANISATION, protocols / "organisation.yaml")
    return protocols


def meeting_in(protocols: Path) -> Meeting:
    problems = Problems()
    sources = read_sources(protocols, problems)
    assert sources is not None and problems.errors == [], problems.report()
    (meeting,) = sources.meetings
    return meeting


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def test_printed_protocol_imports_with_every_fact(made: dict[str, Path], tmp_path: Path) -> None:
    protocols = archive(tmp_path)
    result = arkiv("import", made["protokoll.pdf"], "--protocols", protocols)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Importerade: 1. Behöver granskas: 0. Vägrade: 0." in result.stdout
    m = meeting_in(protocols)
    assert (m.body, m.date, m.place, m.start, m.end) == (
        "direktionen",
        date(2016, 11, 24),
        "Förbundshuset, Ankeborg",
        time(9, 0),
        time(11, 30),
    )
    assert [(a.group.value, a.name, a.municipality, a.role) for a in m.attendees] == [
        ("beslutande", "Agnes Ahlberg", "Ankeborgs kommun", "ordförande"),
        ("beslutande", "Bertil Bäckström", "Gåseby kommun", None),
        ("beslutande", "Cilla Carlberg", "Knasbyns kommun", None),
        ("övriga", "Erika Ekholm", None, "förbundsdirektör"),
    ]
    assert m.adjustment is not None and [a.name for a in m.adjustment.adjusters] == ["Bertil Bäckström"]
    assert m.posting is not None
    assert (m.posting.posted, m.posting.taken_down, m.posting.kept_at) == (
        date(2016, 11, 29),
        date(2016, 12, 21),
        "Förbundskansliet, Ankeborg",
    )
    assert [(i.number, [str(d) for d in i.dnr], i.title) for i in m.items] == [
        (41, ["EXN 2016/12"], "Val av sekreterare för mötet"),
        (42, ["EXN 2016/31"], "Budget för nätverksdrift 2017"),
    ]
    assert m.items[0].decision == "Direktionen utser Filip Forsman till sekreterare."
    # The long paragraph: every word, in order, with soft hyphens gone and hard ones kept.
    (summary,) = [s for s in m.items[1].sections if s.heading == "Sammanfattning av ärendet"]
    expected = pdfs.long_paragraph(40).replace("\u00ad", "")
    assert words(summary.text) == words(expected)
    assert "IT-säkerheten" in summary.text and "2017-2019" in summary.text
    assert m.signing is not None
    assert [(s.signer, s.signed_at, s.person) for s in m.signing.signatures] == [
        ("Agnes Ahlberg", datetime(2016, 11, 28, 8, 16, 42, tzinfo=UTC), "agnes-ahlberg"),
        ("Bertil Bäckström", datetime(2016, 11, 28, 9, 1, 10, tzinfo=UTC), "bertil-backstrom"),
    ]
    assert m.original == "direktionen/2016-11-24.pdf"
    assert (protocols / m.original).read_bytes() == made["protokoll.pdf"].read_bytes()
    assert m.original_sha512 == hashlib.sha512(made["protokoll.pdf"].read_bytes()).hexdigest()


def test_the_printed_pdf_exercises_page_breaks_and_line_end_hyphens(made: dict[str, Path]) -> None:
    """The variants the previous test relies on are really in the PDF: the long paragraph runs
    over a page break, and Chromium broke words at line ends with a hyphen."""
    with pdfplumber.open(made["protokoll.pdf"]) as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
    first, second = (i for i, text in enumerate(texts) if "Under år" in text)
    assert second == first + 1
    hyphens = ("-", "\u00ad", "\u2010")
    line_ends = [line for text in texts for line in text.splitlines() if line.endswith(hyphens)]
    assert any(line.rstrip("".join(hyphens) + " ")[-1:].islower() for line in line_ends)


def test_running_headers_footers_and_page_numbers_are_dropped(made: dict[str, Path], tmp_path: Path) -> None:
    protocols = archive(tmp_path)
    arkiv("import", made["protokoll.pdf"], "--protocols", protocols)
    text = (protocols / "direktionen" / "2016-11-24.md").read_text(encoding="utf-8")
    for furniture in ("Sida 1 av", "Storgatan 1", "Sammanträdesprotokoll", "Kommunalförbundet Exempelnäs"):
        assert furniture not in text


def test_drawn_protocol_with_a_borderless_header_imports(made: dict[str, Path], tmp_path: Path) -> None:
    protocols = archive(tmp_path)
    result = arkiv("import", made["ritad.pdf"], "--protocols", protocols)
    assert result.returncode == 0, result.stdout + result.stderr
    m = meeting_in(protocols)
    assert (m.date, m.place, m.start, m.end) == (date(2009, 3, 12), "Förbundshuset, Ankeborg", time(13), time(15, 10))
    assert [(a.name, a.municipality) for a in m.attendees] == [
        ("Agnes Ahlberg", "Ankeborgs kommun"),
        ("Bertil Bäckström", "Gåseby kommun"),
        ("Cilla Carlberg", "Knasbyns kommun"),
    ]
    assert [(i.number, [str(d) for d in i.dnr], i.title) for i in m.items] == [
        (7, ["EXN 2009/4"], "Årsredovisning 2008"),
        (8, ["EXN 2009/11"], "Avtal om nätdrift med Gåseby kommun"),
    ]
    # "direk-" at a line end and "tionen." on the next: one word again.
    assert m.items[0].decision.endswith("prövning av frågan om ansvarsfrihet för direktionen.")
    assert m.posting is not None and m.posting.posted == date(2009, 3, 18)


def test_text_that_starts_where_a_table_column_did_is_not_made_a_table_row(tmp_path: Path) -> None:
    """A name in a signature block may start where the header table's second column starts on
    the same page; only a line right under a row continues the table."""
    from generator.tools.pdf_text import extract

    first_page = [line for line in pdfs.DRAWN_LINES if line[1] < 400]
    signed = [(60, 420, "Vid protokollet", False), (200, 440, "Agnes Ahlberg", False)]
    path = tmp_path / "namn.pdf"
    path.write_bytes(pdfs.drawn_pdf(first_page + signed))
    lines = extract(path).markdown.splitlines()
    assert "Agnes Ahlberg" in lines  # as text, not "\tAgnes Ahlberg"
    assert "\tBertil Bäckström (GÅS)" in lines  # the header's own second line still is a row


def test_a_replaced_original_is_refused_by_the_build(made: dict[str, Path], tmp_path: Path) -> None:
    protocols = archive(tmp_path)
    assert arkiv("import", made["signerad.pdf"], "--protocols", protocols).returncode == 0
    m = meeting_in(protocols)
    assert m.original_file is not None
    assert [c.status for c in m.original_file.signatures] == [SignatureStatus.VALID]
    (protocols / "direktionen" / "2016-11-24.pdf").write_bytes(made["protokoll.pdf"].read_bytes())
    result = arkiv("validate", "--protocols", protocols)
    source = (protocols / "direktionen" / "2016-11-24.md").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(source, start=1) if "arkiv: original" in text)
    assert result.returncode == 1
    assert f"direktionen/2016-11-24.md:{line}:" in result.stderr
    assert "stämmer inte med kontrollsumman" in result.stderr


def test_a_tampered_signature_is_refused_unless_staff_allow_it(made: dict[str, Path], tmp_path: Path) -> None:
    protocols = archive(tmp_path)
    refused = arkiv("import", made["manipulerad.pdf"], "--protocols", protocols)
    assert refused.returncode == 1
    assert messages.IMPORT_BAD_SIGNATURE in refused.stdout
    assert sorted(p.name for p in protocols.rglob("*")) == ["organisation.yaml"]
    allowed = arkiv("import", made["manipulerad.pdf"], "--protocols", protocols, "--tillat-ogiltig-signatur")
    assert allowed.returncode == 0, allowed.stdout
    m = meeting_in(protocols)
    assert m.original_file is not None
    assert [c.status for c in m.original_file.signatures] == [SignatureStatus.INVALID]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("skannad.pdf", messages.IMPORT_NO_TEXT),
        ("krypterad.pdf", messages.IMPORT_ENCRYPTED),
        ("brev.pdf", messages.IMPORT_NOT_A_PROTOCOL),
        ("trasig.pdf", messages.IMPORT_NOT_PDF),
    ],
)
def test_what_cannot_be_imported_is_said_and_nothing_is_written(
    made: dict[str, Path], tmp_path: Path, name: str, message: str
) -> None:
    protocols = archive(tmp_path)
    result = arkiv("import", made[name], "--protocols", protocols)
    assert result.returncode == 1
    assert f"vägrad: {made[name]}\n  {message}\n" in result.stdout
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in protocols.rglob("*")) == ["organisation.yaml"]


def test_a_folder_is_imported_without_stopping_at_a_bad_file(made: dict[str, Path], tmp_path: Path) -> None:
    protocols = archive(tmp_path)
    folder = tmp_path / "inkorg"
    folder.mkdir()
    for name in ("protokoll.pdf", "ritad.pdf", "brev.pdf", "skannad.pdf", "krypterad.pdf"):
        shutil.copyfile(made[name], folder / name)
    result = arkiv("import", folder, "--protocols", protocols)
    assert result.returncode == 1
    assert "Importerade: 2. Behöver granskas: 0. Vägrade: 3." in result.stdout
    assert "5/5" in result.stderr  # the progress bar reached the end
    assert sorted(p.relative_to(protocols).as_posix() for p in protocols.glob("*/*")) == [
        "direktionen/2009-03-12.md",
        "direktionen/2009-03-12.pdf",
        "direktionen/2016-11-24.md",
        "direktionen/2016-11-24.pdf",
    ]


def test_an_existing_meeting_is_never_overwritten(made: dict[str, Path], tmp_path: Path) -> None:
    protocols = archive(tmp_path)
    assert arkiv("import", made["protokoll.pdf"], "--protocols", protocols).returncode == 0
    before = (protocols / "direktionen" / "2016-11-24.md").read_bytes()
    again = arkiv("import", made["signerad.pdf"], "--protocols", protocols)
    assert again.returncode == 1
    assert "direktionen/2016-11-24.md finns redan" in again.stdout
    assert (protocols / "direktionen" / "2016-11-24.md").read_bytes() == before


def _personnummer() -> str:
    """A valid (Luhn) personnummer for a date that exists, made here."""
    digits = "8112189876"[:9]
    total = 0
    for i, char in enumerate(digits):
        value = int(char) * (2 if i % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return f"{digits[:6]}-{digits[6:]}{(10 - total % 10) % 10}"


def test_a_personnummer_in_the_pdf_keeps_the_original_out(browser: Browser, tmp_path: Path) -> None:
    number = _personnummer()
    html = pdfs.protocol_html(extra=f"<p>Sökanden har personnummer {number}.</p>")
    (tmp_path / "pnr.pdf").write_bytes(pdfs.print_pdf(browser, html))
    protocols = archive(tmp_path)
    result = arkiv("import", tmp_path / "pnr.pdf", "--protocols", protocols)
    assert result.returncode == 1
    assert "behöver granskas" in result.stdout and "personnummer" in result.stdout
    assert not (protocols / "direktionen" / "2016-11-24.pdf").exists()
    text = (protocols / "direktionen" / "2016-11-24.md").read_text(encoding="utf-8")
    assert "arkiv: original" not in text


LAYOUTS = sorted((ORGANISATION.parent).glob("*/*.md"))


def facts(m: Meeting) -> dict[str, object]:
    """What a reader must get right; text compared with its whitespace collapsed (a line break
    inside a paragraph renders as a space)."""

    def flat(text: str) -> str:
        return re.sub(r"\s+", " ", text).strip()

    return {
        "time": (m.place, m.start, m.end),
        "attendees": [
            (a.group, a.name, a.person, a.municipality, a.party, a.role, a.serving_for, a.paragraphs)
            for a in m.attendees
        ],
        "absentees": m.absentees,
        "adjustment": m.adjustment and (m.adjustment.adjusters, m.adjustment.place_and_time, m.adjustment.signatories),
        "posting": (m.posting, m.posting_undated),
        "agenda": m.agenda,
        "items": [
            (
                i.number,
                i.title,
                i.dnr,
                flat(i.decision),
                flat(i.proposal),
                [(s.heading, flat(s.text), s.withheld) for s in i.sections],
                i.votes,
                [r.by for r in i.reservations],
                i.disqualified,
                i.references,
                i.recipients,
            )
            for i in m.items
        ],
        "signing": m.signing and m.signing.signatures,
    }


@pytest.mark.parametrize("source", LAYOUTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_layout_printed_to_pdf_imports_with_the_facts_of_its_source(
    source: Path, browser: Browser, tmp_path: Path
) -> None:
    """Each layout fixture printed by Chromium (borderless tables, cells that wrap) and imported
    reads to the same facts as the Markdown it was printed from: no person, paragraph, decision
    or vote lost, moved or invented."""
    text = source.read_text(encoding="utf-8")
    pdf = tmp_path / f"{source.parent.name}-{source.stem}.pdf"
    pdf.write_bytes(pdfs.print_pdf(browser, pdfs.markdown_html(text)))
    protocols = archive(tmp_path)
    result = arkiv("import", pdf, "--protocols", protocols)
    if messages.IMPORT_NO_DATE in result.stdout:
        # Refused only where the protocol itself writes no date before its first paragraph.
        lines = text.splitlines()
        head = "\n".join(lines[: paragraph_starts(lines)[0]])
        assert source.stem not in head and not re.search(r"\d{1,2} \w+ \d{4}", head)
        result = arkiv("import", pdf, "--protocols", protocols, "--date", source.stem)
    assert result.returncode == 0, result.stdout
    expected = Problems()
    originals = read_sources(ORGANISATION.parent, expected, only=[source])
    assert originals is not None
    (original,) = originals.meetings
    assert facts(meeting_in(protocols)) == facts(original)


def test_a_vote_table_over_page_breaks_keeps_every_mark_in_its_column(browser: Browser, tmp_path: Path) -> None:
    """A vote of 69 rows runs over page breaks; the rows after the first page have no header row,
    and the last twenty all vote Avstår (a page with only those marks cannot tell its columns by
    itself). Every X stays under Ja, Nej or Avstår as printed, and the rows stay one table."""

    def mark(i: int) -> int:
        return i % 3 if i < 50 else 2

    rows = "".join(
        f"<tr><td>Ledamot {i}</td>" + "".join(f"<td>{'X' if mark(i) == k else ''}</td>" for k in range(3)) + "</tr>"
        for i in range(1, 70)
    )
    head = "".join(f"<td style='width:60pt'>{answer}</td>" for answer in ("Ja", "Nej", "Avstår"))
    table = (
        "<h3>Omröstning</h3><p>Ordföranden ställer proposition.</p>"
        f"<table><tr><td style='width:200pt'>Ledamot</td>{head}</tr>{rows}</table><p>Direktionen har beslutat.</p>"
    )
    summary = "<h3>Sammanfattning av ärendet</h3>"
    html = pdfs.protocol_html(long_sentences=20).replace(summary, table + summary, 1)
    (tmp_path / "omrostning.pdf").write_bytes(pdfs.print_pdf(browser, html))
    with pdfplumber.open(tmp_path / "omrostning.pdf") as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
    on_pages = [i for i, text in enumerate(texts) if re.search(r"Ledamot \d+", text)]
    assert len(on_pages) >= 2  # the table really runs over a page break
    assert "Ja" not in texts[on_pages[-1]].split("Ledamot", 1)[0]  # no header row repeated there
    protocols = archive(tmp_path)
    assert arkiv("import", tmp_path / "omrostning.pdf", "--protocols", protocols).returncode == 0
    (vote,) = meeting_in(protocols).items[1].votes
    expected = {k: [f"Ledamot {i}" for i in range(1, 70) if mark(i) == k] for k in range(3)}
    assert [p.name for p in vote.yes] == expected[0]
    assert [p.name for p in vote.no] == expected[1]
    assert [p.name for p in vote.abstaining] == expected[2]
    text = (protocols / "direktionen" / "2016-11-24.md").read_text(encoding="utf-8")
    assert not re.search(r"Ledamot \d+[^\n]*\n\nLedamot \d+", text)  # one table, no blank line


# -- issue 25: what the PDF holds besides its text, and bounds on reading it ---------------------


def test_a_clean_hand_written_protocol_imports_with_its_original(tmp_path: Path) -> None:
    (tmp_path / "ren.pdf").write_bytes(hostile_pdfs.protocol())
    protocols = archive(tmp_path)
    result = arkiv("import", tmp_path / "ren.pdf", "--protocols", protocols)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (protocols / "direktionen" / "2009-03-12.pdf").read_bytes() == (tmp_path / "ren.pdf").read_bytes()


@pytest.mark.parametrize(
    ("make", "place"),
    [
        (hostile_pdfs.in_note, "sida 1"),
        (hostile_pdfs.in_free_text, "sida 1"),
        (hostile_pdfs.in_author, "metadata"),
        (hostile_pdfs.in_xmp, "metadata"),
        (hostile_pdfs.masked_by_an_update, messages.PDF_PLACE_REVISION.format(revision=1, place="sida 1")),
    ],
    ids=lambda case: getattr(case, "__name__", "plats"),
)
def test_a_personnummer_outside_the_text_keeps_the_original_out(
    make: Callable[[], bytes], place: str, tmp_path: Path
) -> None:
    """A number in an annotation or the metadata is not in the text written, but the original
    would carry it to the web: it is not copied, and the import says where the number is."""
    (tmp_path / "pnr.pdf").write_bytes(make())
    protocols = archive(tmp_path)
    result = arkiv("import", tmp_path / "pnr.pdf", "--protocols", protocols)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "behöver granskas" in result.stdout
    assert f"pnr.pdf: {place}: texten ser ut som ett personnummer ({hostile_pdfs.NUMBER})" in result.stdout
    assert not (protocols / "direktionen" / "2009-03-12.pdf").exists()
    assert "arkiv: original" not in (protocols / "direktionen" / "2009-03-12.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (hostile_pdfs.open_action_javascript, messages.PDF_JAVASCRIPT.format(file="x.pdf")),
        (hostile_pdfs.page_action_javascript, messages.PDF_JAVASCRIPT.format(file="x.pdf")),
        (hostile_pdfs.javascript_name_tree, messages.PDF_JAVASCRIPT.format(file="x.pdf")),
        (hostile_pdfs.launch_action, messages.PDF_LAUNCH.format(file="x.pdf")),
        (hostile_pdfs.attachment, messages.PDF_EMBEDDED.format(file="x.pdf", name="bilaga.txt")),
        (hostile_pdfs.file_attachment_annotation, messages.PDF_EMBEDDED.format(file="x.pdf", name="gem.txt")),
        (hostile_pdfs.many_pages, messages.PDF_TOO_MANY_PAGES.format(file="x.pdf", limit=LIMITS.pages)),
    ],
    ids=lambda case: getattr(case, "__name__", "meddelande"),
)
def test_a_pdf_with_a_script_launch_attachment_or_too_many_pages_is_not_imported(
    make: Callable[[], bytes], message: str, tmp_path: Path
) -> None:
    (tmp_path / "x.pdf").write_bytes(make())
    protocols = archive(tmp_path)
    started = monotonic()
    result = arkiv("import", tmp_path / "x.pdf", "--protocols", protocols)
    assert monotonic() - started < 30  # 10,000 pages took 117 s before; refused before reading pages now
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"vägrad: {tmp_path / 'x.pdf'}\n  {message}\n" in result.stdout, result.stdout
    assert sorted(p.name for p in protocols.rglob("*")) == ["organisation.yaml"]


@pytest.mark.parametrize(
    ("limits", "kind"),
    [(Limits(pages=1), "pages"), (Limits(decompressed=100), "decompressed"), (Limits(seconds=0), "seconds")],
    ids=["pages", "decompressed", "seconds"],
)
def test_the_import_reads_pages_within_the_limits(limits: Limits, kind: str, tmp_path: Path) -> None:
    from generator.tools.pdf_text import PdfRefused, extract

    (tmp_path / "x.pdf").write_bytes(hostile_pdfs.protocol())
    assert extract(tmp_path / "x.pdf").markdown  # within the real limits it reads
    with pytest.raises(PdfRefused) as refused:
        extract(tmp_path / "x.pdf", limits)
    assert refused.value.args[0] == kind


def peak_memory_mb(*command: str | Path) -> tuple[subprocess.CompletedProcess[str], int]:
    """Run ``command`` in a process of its own; its output and its peak resident memory (MB)."""
    wrapper = (
        "import resource, subprocess, sys\n"
        "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "sys.stdout.write(done.stdout); sys.stderr.write(done.stderr)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024, file=sys.stderr)\n"
        "sys.exit(done.returncode)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", wrapper, *map(str, command)], capture_output=True, text=True, timeout=300
    )
    *rest, peak = result.stderr.rstrip("\n").split("\n")
    return subprocess.CompletedProcess(result.args, result.returncode, result.stdout, "\n".join(rest)), int(peak)


def test_memory_stays_bounded_on_a_pdf_that_inflates_to_a_gigabyte(tmp_path: Path) -> None:
    """1 MB on disk, 1 GB inflated: refused once 500 MB are inflated (it took 2.1 GB before)."""
    (tmp_path / "bomb.pdf").write_bytes(hostile_pdfs.inflating())
    protocols = archive(tmp_path)
    result, peak = peak_memory_mb(*ARKIV, "import", tmp_path / "bomb.pdf", "--protocols", protocols)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    limit = LIMITS.decompressed // 1024 // 1024
    assert messages.PDF_TOO_LARGE.format(file="bomb.pdf", limit=limit) in result.stdout, result.stdout
    assert peak < limit + 250, peak
    assert sorted(p.name for p in protocols.rglob("*")) == ["organisation.yaml"]
