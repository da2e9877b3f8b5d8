"""Handlingar: the documents (PDF) behind a paragraph, in ``<body>/<date>-handlingar/`` beside the
protocol. Built into a real site with ``arkiv build`` from a copy of the seed with real PDFs
written here: published under the meeting, listed on the § and on its case page, found by a word
of their own in Chromium's search, listed in open data and OParl; scanned like an original; never
published from a withheld paragraph or part, nor when withheld themselves; a bad file named at
its ``file:line``."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from jsonschema import Draft202012Validator
from playwright.sync_api import Page, expect
from referencing import Registry, Resource

from generator.problems import Problems
from generator.readers.sources import read_sources
from tests import document_pdfs, hostile_pdfs
from tests.conftest import PROTOCOLS, arkiv, build_site
from tests.helpers import line_of, search_results, serve_directory
from tests.htmlcheck import Page as HtmlPage
from tests.test_oparl import objects, validate
from tests.test_withholding import every_byte

SITE_URL = "https://arkiv.example.org/"
MEETING = "direktionen/2023-10-26/"
CASE = "arenden/itsam-2023-93/"
WORD = "Kvartalsgurkan"  # only in the handling's text layer, on its second page
TITLE = "Tertialrapport 2023-08-31"
GROUND = "OSL 26 kap. 1 §"
# Under § 71's Beslutsunderlag: a line the handling's title matches (another dash, other case).
UNDERLAG = "Kommunchefsberedningens sammanträde 2023-10-12 § 61\n"
MARKERS = (
    "TERTIALRAPPORT – 2023-08-31\n\n"
    f"<!-- arkiv: handling: tertialrapport.pdf: {TITLE} -->\n"
    "<!-- arkiv: handling: skannad.pdf: Inskannad bilaga -->\n"
    f"<!-- arkiv: handling: yttrande.pdf: Yttrande från enskild: sekretess: {GROUND} -->\n"
)
REPORT = document_pdfs.document("Delarsrapport per 2023-08-31", f"Prognos for helaret. {WORD} vaxer.")
SECRET_WORD = "Hemligtorsken"  # only in the withheld yttrande's file


def protocols_with(tmp: Path, markers: str = MARKERS, files: dict[str, bytes] | None = None) -> Path:
    """A copy of the seed with ``markers`` under § 71's beslutsunderlag and ``files`` in its folder."""
    protocols = tmp / "protocols"
    shutil.copytree(PROTOCOLS, protocols)
    source = protocols / "direktionen" / "2023-10-26.md"
    text = source.read_text(encoding="utf-8")
    assert text.count(UNDERLAG) == 1
    source.write_text(text.replace(UNDERLAG, f"{UNDERLAG}\n{markers}"), encoding="utf-8")
    folder = protocols / "direktionen" / "2023-10-26-handlingar"
    folder.mkdir()
    chosen = {
        "tertialrapport.pdf": REPORT,
        "skannad.pdf": document_pdfs.drawing_only(),
        "yttrande.pdf": document_pdfs.document(f"Yttrande. {SECRET_WORD}."),
    }
    for name, data in (chosen if files is None else files).items():
        (folder / name).write_bytes(data)
    return protocols


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("handlingar")
    return build_site(protocols_with(base), base / "site", "--site-url", SITE_URL)


def paragraph(page: HtmlPage, number: int) -> str:
    start = page.html.index(f'<section class="arkiv-paragraf" aria-labelledby="paragraf-{number}">')
    return page.html[start : page.html.index("</section>", start)]


def test_a_handling_is_published_under_its_meeting_and_listed_on_its_paragraph(site: Path) -> None:
    published = site / MEETING / "handlingar" / "tertialrapport.pdf"
    assert published.read_bytes() == REPORT
    section = paragraph(HtmlPage(site, MEETING), 71)
    links = HtmlPage.links_in(section)
    # Listed with its title, size and SHA-512, and the beslutsunderlag line it matches links to it.
    assert links.count("handlingar/tertialrapport.pdf") == 2, links
    assert f'<a href="handlingar/tertialrapport.pdf">{TITLE}</a> (PDF, 1 kB)' in section
    assert '<a href="handlingar/tertialrapport.pdf">TERTIALRAPPORT – 2023-08-31</a>' in section
    assert hashlib.sha512(REPORT).hexdigest() in section
    # A scan without a text layer is published and said not to be searchable.
    assert (site / MEETING / "handlingar" / "skannad.pdf").is_file()
    assert "Inskannad bilaga</a> (PDF, 1 kB, ej sökbar: inget textlager)" in section
    # A withheld handling: its title and ground, no link, no file.
    assert (
        'Yttrande från enskild <span class="arkiv-handling-sekretess">'
        f"(Handlingen publiceras inte på webben. Skäl: {GROUND})" in section
    )
    assert not any("yttrande" in link for link in links)
    assert not (site / MEETING / "handlingar" / "yttrande.pdf").exists()
    assert not [path for path, content in every_byte(site) if SECRET_WORD.encode() in content]


def test_a_handling_is_listed_on_the_case_page_of_its_dnr(site: Path) -> None:
    case = HtmlPage(site, CASE)
    assert case.links_to("tertialrapport.pdf") == ["../../direktionen/2023-10-26/handlingar/tertialrapport.pdf"]
    assert TITLE in case.text and "ej sökbar" in case.text and GROUND in case.text


def test_open_data_and_oparl_list_the_handlingar(site: Path) -> None:
    data = json.loads((site / "data" / "moten" / "direktionen" / "2023-10-26.json").read_text(encoding="utf-8"))
    schemas = {p.name: json.loads(p.read_text()) for p in (site / "data" / "schema").glob("*.json")}
    registry: Registry = Registry().with_resources((k, Resource.from_contents(v)) for k, v in schemas.items())
    validator = Draft202012Validator(schemas["mote.schema.json"], registry=registry)
    assert [e.message for e in validator.iter_errors(data)] == []
    files = next(item for item in data["agendaItem"] if item["number"] == "71")["auxiliaryFile"]
    report, scan, withheld = files
    assert report["accessUrl"] == f"{SITE_URL}{MEETING}handlingar/tertialrapport.pdf"
    assert (report["name"], report["size"], report["sha512Checksum"]) == (
        TITLE,
        len(REPORT),
        hashlib.sha512(REPORT).hexdigest(),
    )
    assert scan["searchable"] is False and report["searchable"] is True
    assert withheld == {"type": "File", "name": "Yttrande från enskild", "withheld": {"ground": GROUND}}
    meeting: dict[str, Any] = json.loads(
        (site / "oparl" / "meeting" / "direktionen-2023-10-26.json").read_text(encoding="utf-8")
    )
    found = [o for o in objects(meeting) if o["type"].endswith("/File") and "handlingar" in o["accessUrl"]]
    assert [o["fileName"] for o in found] == ["tertialrapport.pdf", "skannad.pdf"]
    for each in found:
        validate(each)


@pytest.mark.browser
def test_a_word_only_in_the_handling_finds_it_in_chromium(site: Path, page: Page) -> None:
    with serve_directory(site) as served:
        page.goto(served + "sok/?q=" + WORD.lower())
        hits = search_results(page)
        links = hits.locator("a").evaluate_all("links => links.map(a => a.href)")
        assert links[:2] == [
            served + MEETING + "handlingar/tertialrapport.pdf",
            served + MEETING + "#paragraf-71",
        ], links
        expect(hits.locator("li").first).to_contain_text(TITLE)
        expect(hits.locator("li").first).to_contain_text("Handling till § 71 Delårsbokslut per 2023-08-31")
        hits.get_by_role("link", name="Handling till § 71 Delårsbokslut per 2023-08-31").click()
        expect(page).to_have_url(served + MEETING + "#paragraf-71")
        for url in (MEETING, CASE):  # the pages that list handlingar stay accessible
            page.goto(served + url)
            results = Axe().run(
                page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
            )
            assert results.response["violations"] == [], results.generate_report()


def test_a_personnummer_in_a_handling_refuses_the_build_with_its_page(tmp_path: Path) -> None:
    leaking = document_pdfs.document("Delarsrapport", f"Sokande {hostile_pdfs.NUMBER}")
    protocols = protocols_with(tmp_path, files={"tertialrapport.pdf": leaking, "skannad.pdf": REPORT})
    result = arkiv("build", "--protocols", protocols, "--site", tmp_path / "site")
    assert result.returncode == 1
    line = line_of((protocols / "direktionen" / "2023-10-26.md").read_text(encoding="utf-8"), "tertialrapport.pdf")
    assert f"direktionen/2023-10-26.md:{line}:" in result.stderr
    assert "tertialrapport.pdf: sida 2: texten ser ut som ett personnummer" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_handling_with_javascript_is_refused(tmp_path: Path) -> None:
    protocols = protocols_with(
        tmp_path, files={"tertialrapport.pdf": hostile_pdfs.open_action_javascript(), "skannad.pdf": REPORT}
    )
    problems = Problems()
    read_sources(protocols, problems)
    assert any("tertialrapport.pdf: PDF-filen innehåller JavaScript" in p.message for p in problems.errors)


WITHHELD_71 = "## **Delårsbokslut per 2023-08-31**\n"


def test_a_withheld_paragraph_or_part_publishes_no_handling(tmp_path: Path) -> None:
    protocols = protocols_with(tmp_path, files={"tertialrapport.pdf": REPORT, "skannad.pdf": REPORT})
    source = protocols / "direktionen" / "2023-10-26.md"
    text = source.read_text(encoding="utf-8")
    # § 71 withheld as a whole (its handling markers below); in § 73 a withheld part names one.
    text = text.replace(WITHHELD_71, f"{WITHHELD_71}\n<!-- arkiv: sekretess: {GROUND} -->\n", 1)
    heading = text.index("### **Resursökning**", text.index("§ 73\n"))
    text = (
        text[:heading]
        + f"### Underlaget i ärendet\n\n<!-- arkiv: sekretess: {GROUND} -->\n\n"
        + "<!-- arkiv: handling: skannad.pdf: Hemlig bilaga -->\n\n"
        + text[heading:]
    )
    source.write_text(text, encoding="utf-8")
    site = build_site(protocols, tmp_path / "site", "--site-url", SITE_URL)
    assert not (site / MEETING / "handlingar").exists()
    for needle in (WORD, TITLE, "tertialrapport", "Hemlig bilaga", "skannad.pdf", "Inskannad bilaga"):
        leaks = [path for path, content in every_byte(site) if needle.encode() in content]
        assert leaks == [], (needle, leaks)


def test_yaml_names_handlingar_on_the_paragraph(tmp_path: Path) -> None:
    protocols = tmp_path / "protocols"
    shutil.copytree(PROTOCOLS, protocols)
    (protocols / "direktionen" / "2023-11-30.yaml").write_text(
        "organ: direktionen\ndatum: 2023-11-30\nparagrafer:\n"
        "  - paragraf: 80\n    rubrik: Budget 2024\n    dnr: [ITSAM 2023/93]\n    beslut: Direktionen godkänner.\n"
        f"    beslutsunderlag: [{TITLE}]\n"
        "    handlingar:\n"
        f"      - {{fil: tertialrapport.pdf, titel: '{TITLE}'}}\n"
        f"      - {{fil: yttrande.pdf, titel: Yttrande, sekretess: {{grund: '{GROUND}'}}}}\n"
        f"  - paragraf: 81\n    rubrik: Personalärende\n    sekretess: {{grund: '{GROUND}'}}\n"
        "    handlingar: [{fil: skannad.pdf, titel: Läkarintyget}]\n",
        encoding="utf-8",
    )
    folder = protocols / "direktionen" / "2023-11-30-handlingar"
    folder.mkdir()
    (folder / "tertialrapport.pdf").write_bytes(REPORT)
    (folder / "skannad.pdf").write_bytes(document_pdfs.document(SECRET_WORD))
    site = build_site(protocols, tmp_path / "site")
    section = paragraph(HtmlPage(site, "direktionen/2023-11-30/"), 80)
    assert HtmlPage.links_in(section).count("handlingar/tertialrapport.pdf") == 2
    assert (
        f'Yttrande <span class="arkiv-handling-sekretess">(Handlingen publiceras inte på webben. Skäl: {GROUND})'
        in section
    )
    assert (site / "direktionen" / "2023-11-30" / "handlingar" / "tertialrapport.pdf").read_bytes() == REPORT
    assert not (site / "direktionen" / "2023-11-30" / "handlingar" / "skannad.pdf").exists()
    for needle in (SECRET_WORD, "Läkarintyget"):
        assert not [path for path, content in every_byte(site) if needle.encode() in content]


def _errors(protocols: Path) -> list[str]:
    problems = Problems()
    read_sources(protocols, problems)
    return [f"{p.file}:{p.line}: {p.message}" for p in problems.errors]


@pytest.mark.parametrize(
    ("marker", "files", "message"),
    [
        (
            "<!-- arkiv: handling: saknas.pdf: Saknad -->",
            {},
            "handlingen 'saknas.pdf' finns inte i direktionen/2023-10-26-handlingar/",
        ),
        (
            "<!-- arkiv: handling: text.pdf: Inte PDF -->",
            {"text.pdf": b"hej\n"},
            "handlingen 'text.pdf' är ingen PDF-fil",
        ),
        (
            "<!-- arkiv: handling: rapport.docx: Word -->",
            {"rapport.docx": REPORT},
            "finns inte i direktionen/2023-10-26-handlingar/ eller är ingen PDF-fil",
        ),
        ("<!-- arkiv: handling: ..\\..\\organisation.pdf: Utanför -->", {}, "handlingsmarkeringen"),
        ("<!-- arkiv: handling: .dold.pdf: Dold -->", {".dold.pdf": REPORT}, "ska vara ett filnamn"),
        ("<!-- arkiv: handling: fil.pdf -->", {}, "handlingsmarkeringen"),
        ("<!-- arkiv: handling: fil.pdf: Titel: sekretess: -->", {}, "handlingsmarkeringen"),
        ("<!– arkiv: handling: fil.pdf: Titel –>", {}, "är ingen HTML-kommentar"),
    ],
)
def test_a_bad_handling_is_an_error_at_its_line(
    tmp_path: Path, marker: str, files: dict[str, bytes], message: str
) -> None:
    protocols = protocols_with(tmp_path, f"{marker}\n", files)
    line = line_of((protocols / "direktionen" / "2023-10-26.md").read_text(encoding="utf-8"), marker)
    errors = _errors(protocols)
    assert any(e.startswith(f"direktionen/2023-10-26.md:{line}:") and message in e for e in errors), errors


def test_a_linked_handling_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.pdf"
    outside.write_bytes(REPORT)
    protocols = protocols_with(tmp_path, "<!-- arkiv: handling: lank.pdf: Länk -->\n", {})
    (protocols / "direktionen" / "2023-10-26-handlingar" / "lank.pdf").symlink_to(outside)
    assert any("är en symbolisk länk" in e for e in _errors(protocols))


def test_a_handling_marker_outside_the_paragraphs_is_refused(tmp_path: Path) -> None:
    protocols = protocols_with(tmp_path, "", {})
    source = protocols / "direktionen" / "2023-10-26.md"
    source.write_text(
        "<!-- arkiv: handling: fil.pdf: Titel -->\n" + source.read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert any(e.startswith("direktionen/2023-10-26.md:1:") and "utanför paragraferna" in e for e in _errors(protocols))


def test_a_missing_handling_fails_the_build_at_its_line(tmp_path: Path) -> None:
    protocols = protocols_with(tmp_path, "<!-- arkiv: handling: saknas.pdf: Saknad -->\n", {})
    result = arkiv("build", "--protocols", protocols, "--site", tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line = line_of((protocols / "direktionen" / "2023-10-26.md").read_text(encoding="utf-8"), "saknas.pdf")
    assert f"direktionen/2023-10-26.md:{line}:" in result.stderr and "saknas.pdf" in result.stderr


def test_a_rollback_never_brings_back_a_handling_withheld_later(tmp_path: Path) -> None:
    from generator.publish.withholdings import published_again

    def site(name: str, file: dict[str, Any]) -> Path:
        data = tmp_path / name / "data" / "moten" / "direktionen" / "2023-10-26.json"
        data.parent.mkdir(parents=True)
        item = {"type": "AgendaItem", "number": "71", "resolutionText": "", "auxiliaryFile": [file]}
        data.write_text(json.dumps({"agendaItem": [item]}), encoding="utf-8")
        return tmp_path / name

    published = {"type": "File", "name": "Yttrande", "accessUrl": "x", "sha512Checksum": "0" * 128}
    older = site("aldre", published)
    later = site("senare", {"type": "File", "name": "Yttrande", "withheld": {"ground": GROUND}})
    assert published_again(older, [later]) == [("direktionen/2023-10-26", "71", "handling Yttrande")]
    assert published_again(later, [later]) == []
