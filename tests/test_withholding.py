"""A withheld paragraph, or a withheld part of one, leaves no trace of its text anywhere in the
built site: pages, the Pagefind search index, data files, feeds and calendars."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import Item
from generator.problems import Problems
from generator.readers.markers import MARKER_LIKE, WITHHOLD, misspelt_marker
from generator.readers.sources import read_sources
from tests import hostile_pdfs
from tests.conftest import PROTOCOLS, arkiv, build_site
from tests.helpers import line_of
from tests.htmlcheck import Page

GROUND = "Sekretess enligt OSL 18 kap. 8 §"
NESTED = (
    "#### Läkarintyget för ledamoten\n\nIntyget anger omfattande sjukskrivning.\n\n"
    "##### Bedömningen\n\nHandläggarens bedömning av arbetsförmågan.\n"
)


def every_byte(site: Path) -> list[tuple[Path, bytes]]:
    """Every file of the site, with Pagefind's gzipped index chunks unpacked."""
    out = []
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        content = path.read_bytes()
        if content[:2] == b"\x1f\x8b":
            content = gzip.decompress(content)
        out.append((path, content))
    return out


@pytest.fixture(scope="module")
def withheld_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("sekretess")
    protocols = base / "protocols"
    shutil.copytree(PROTOCOLS, protocols)
    source = protocols / "direktionen" / "2023-10-26.md"
    text = source.read_text(encoding="utf-8")
    text = text.replace(
        "## **Faktureringsrutiner**\n", f"## **Faktureringsrutiner**\n\n<!-- arkiv: sekretess: {GROUND} -->\n"
    )
    # Headings nested below a withheld one are withheld with it, their own words included.
    text = text.replace(
        "### Resultaträkning\n",
        f"### Resultaträkning\n\n<!-- arkiv: sekretess: {GROUND} -->\n\n{NESTED}\n",
    )
    marker = f"<!-- arkiv: sekretess: {GROUND} -->"
    # Under the decision heading, under Beslutsunderlag and under Beslutsexpediering.
    for before, after in (
        ("### Direktionens beslut\n\nDirektionen beslutar att anta sammanträdesdagar", "Direktionen beslutar att anta"),
        ("**Beslutsunderlag**\n\nKommunchefsberedningens sammanträde 2023-10-12 § 60", "Kommunchefsberedningens"),
        ("### Beslutsexpediering\n\nAkt\n\nLedningssekreterare", "Akt"),
    ):
        assert text.count(before) == 1, before
        text = text.replace(before, before.replace(after, f"{marker}\n\n{after}"))
    source.write_text(text, encoding="utf-8")
    return build_site(protocols, base / "site")


def test_withheld_words_appear_nowhere(withheld_site: Path) -> None:
    files = every_byte(withheld_site)
    assert len(files) > 50
    assert any("Delårsrapporten syftar".encode() in content for _, content in files)  # the rest is published
    nested = ("Läkarintyget", "sjukskrivning", "Bedömningen", "arbetsförmågan")
    for word in ("kvartalsvis", "Månadsfaktureringen", "efterarbetet", "43 92", "117 763", "Årsprognos", *nested):
        found = [str(path.relative_to(withheld_site)) for path, content in files if word.encode() in content]
        assert found == [], f"{word} in {found}"


def test_withheld_paragraph_shows_number_title_dnr_and_ground(withheld_site: Path) -> None:
    page = Page(withheld_site, "direktionen/2023-10-26/")
    section = page.html.split('id="paragraf-68"')[1].split('id="paragraf-69"')[0]
    assert "ITSAM 2023/95" in section
    assert "Paragrafens text publiceras inte på webben." in section and GROUND in section
    case = Page(withheld_site, "arenden/itsam-2023-95/")
    assert GROUND in case.text and "notera informationen" not in case.text


def test_withheld_part_keeps_its_heading_and_the_rest(withheld_site: Path) -> None:
    html = Page(withheld_site, "direktionen/2023-10-26/").html
    section = html.split('id="paragraf-71"')[1].split('id="paragraf-72"')[0]
    assert '<h3>Resultaträkning</h3><div class="arkiv-sekretess"><p>Den här delen av paragrafen' in section
    assert "Budgetuppföljning per den 2023-08-31" in section and "Händelser av väsentlig betydelse" in section


def section_of(html: str, number: int) -> str:
    return html.split(f'id="paragraf-{number}"')[1].split(f'id="paragraf-{number + 1}"')[0]


def test_a_marker_under_the_decision_or_a_list_withholds_that_part(withheld_site: Path) -> None:
    files = every_byte(withheld_site)
    for words in ("uppdrar till ledningssekreteraren", "2023-10-12 § 60", "<li>Ledningssekreterare</li>"):
        found = [str(path.relative_to(withheld_site)) for path, content in files if words.encode() in content]
        assert found == [], f"{words} in {found}"
    html = Page(withheld_site, "direktionen/2023-10-26/").html
    notice = '<div class="arkiv-sekretess"><p>Den här delen av paragrafen'
    assert f"<h3>Direktionens beslut</h3>{notice}" in section_of(html, 72)
    assert f"<h3>Beslutsexpediering</h3>{notice}" in section_of(html, 72)
    assert f"<h3>Beslutsunderlag</h3>{notice}" in section_of(html, 73)
    assert "<!--" not in section_of(html, 72) and "arkiv: sekretess" not in html


def sources_with(tmp_path: Path, text: str, organisation: str = "") -> Path:
    """A copy of the seed's protocols with the meeting's text replaced (and lines added to
    ``organisation.yaml``)."""
    protocols = tmp_path / "protocols"
    shutil.copytree(PROTOCOLS, protocols)
    (protocols / "direktionen" / "2023-10-26.md").write_text(text, encoding="utf-8")
    if organisation:
        org = protocols / "organisation.yaml"
        org.write_text(org.read_text(encoding="utf-8") + organisation, encoding="utf-8")
    return protocols


def read_items(protocols: Path) -> dict[int, Item]:
    problems = Problems()
    sources = read_sources(protocols, problems)
    assert sources is not None and not problems.errors, problems.report()
    return {item.number: item for meeting in sources.meetings for item in meeting.items}


SEED_TEXT = (PROTOCOLS / "direktionen" / "2023-10-26.md").read_text(encoding="utf-8")


def test_a_marker_above_the_title_withholds_the_paragraph(tmp_path: Path) -> None:
    before = "§ 65\n\nDnr 2023/5\n"
    assert SEED_TEXT.count(before) == 1
    text = SEED_TEXT.replace(before, f"§ 65\n\n<!-- arkiv: sekretess: {GROUND} -->\n\nDnr 2023/5\n")
    item = read_items(sources_with(tmp_path, text))[65]
    assert item.withheld is not None and item.withheld.ground == GROUND
    assert item.title == "Information från verksamheten" and not item.decision and not item.sections


def test_markers_are_never_page_furniture(tmp_path: Path) -> None:
    """Neither by the organisation's own furniture patterns nor by recurring as a running header
    does (the same line on several pages, its numbers changing like a page number's)."""
    grounds = {65: "OSL 26 kap. 1 §", 66: "OSL 21 kap. 1 §", 69: "OSL 39 kap. 3 §"}
    text = SEED_TEXT
    for number, ground in grounds.items():
        start = f"\n§ {number}\n\n"
        assert text.count(start) == 1
        at = text.index("\n## ", text.index(start))
        title_end = text.index("\n", at + 1)
        text = f"{text[:title_end]}\n\n<!-- arkiv: sekretess: {ground} -->{text[title_end:]}"
    pattern = '\nordlista:\n  möbler_mönster: ["<!-- arkiv: sekretess.*", "osl .*"]\n'
    for organisation in ("", pattern):
        items = read_items(sources_with(tmp_path / str(len(organisation)), text, organisation))
        for number, ground in grounds.items():
            withheld = items[number].withheld
            assert withheld is not None and withheld.ground == ground, (number, organisation)


@pytest.mark.parametrize(
    "marker",
    [
        "‹!– arkiv: sekretess: OSL 18 kap. 8 § –›",  # Word's autocorrect: guillemets, en dashes
        "<!– arkiv: sekretess: OSL 18 kap. 8 § –>",
        "<!— arkiv: sekretess: OSL 18 kap. 8 § —>",
        "<! -- arkiv: sekretess: OSL 18 kap. 8 § -->",
        "&lt;!-- arkiv: sekretess: OSL 18 kap. 8 § --&gt;",
        "＜!-- arkiv: sekretess: OSL 18 kap. 8 § --＞",
        "<!-- arkiv: sekretess: OSL 18 kap. 8 § –>",
        "<!- arkiv: sekretess: OSL 18 kap. 8 § ->",
    ],
)
def test_a_marker_an_editor_rewrote_is_an_error_at_its_line(tmp_path: Path, marker: str) -> None:
    text = SEED_TEXT.replace("## **Faktureringsrutiner**\n", f"## **Faktureringsrutiner**\n\n{marker}\n")
    result = arkiv("validate", "--protocols", sources_with(tmp_path, text))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    expected = f"direktionen/2023-10-26.md:{line_of(text, marker)}:1: error: markeringen"
    assert expected in result.stderr and "är ingen HTML-kommentar" in result.stderr


@pytest.mark.parametrize("marker", ["<!-- arkiv: sekretess -->", "<!-- arkiv: sekretess:   -->"])
def test_a_withholding_without_a_ground_is_an_error(tmp_path: Path, marker: str) -> None:
    text = SEED_TEXT.replace("## **Faktureringsrutiner**\n", f"## **Faktureringsrutiner**\n\n{marker}\n")
    result = arkiv("validate", "--protocols", sources_with(tmp_path, text))
    assert result.returncode == 1
    expected = f"direktionen/2023-10-26.md:{line_of(text, marker)}:1: error: sekretessmarkeringen saknar skäl"
    assert expected in result.stderr


def test_a_blank_ground_in_yaml_is_an_error(tmp_path: Path) -> None:
    protocols = sources_with(tmp_path, SEED_TEXT)
    meeting = (
        "organ: direktionen\ndatum: 2023-12-14\nplats: Linköping\nparagrafer:\n  - paragraf: 1\n    rubrik: Budget\n"
        '    sekretess: {grund: "  "}\n'
    )
    (protocols / "direktionen" / "2023-12-14.yaml").write_text(meeting, encoding="utf-8")
    result = arkiv("validate", "--protocols", protocols)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"direktionen/2023-12-14.yaml:{line_of(meeting, 'grund')}:" in result.stderr


@pytest.mark.parametrize(
    "marker",
    [
        "<!-- arkiv: sekretes: OSL 18 kap. 8 § -->",
        "<!-- Arkiv: Sekretess: OSL 18 kap. 8 § -->",
        "<!-- arkiv sekretess OSL -->",
        "<!-- sekretess: OSL 18 kap. 8 § -->",
        "<!-- arkiv: orginal: protokoll.pdf -->",
        "Text <!-- arkiv: sekretess: OSL --> i en mening",
    ],
)
def test_a_misspelt_marker_is_an_error_at_its_line(tmp_path: Path, marker: str) -> None:
    protocols = tmp_path / "protocols"
    shutil.copytree(PROTOCOLS, protocols)
    source = protocols / "direktionen" / "2023-10-26.md"
    text = source.read_text(encoding="utf-8").replace(
        "## **Faktureringsrutiner**\n", f"## **Faktureringsrutiner**\n\n{marker}\n"
    )
    source.write_text(text, encoding="utf-8")
    result = arkiv("validate", "--protocols", protocols)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"direktionen/2023-10-26.md:{line_of(text, marker)}:1: error: okänd arkiv-markering" in result.stderr


def test_a_withholding_marker_outside_the_paragraphs_is_an_error(tmp_path: Path) -> None:
    protocols = tmp_path / "protocols"
    shutil.copytree(PROTOCOLS, protocols)
    source = protocols / "direktionen" / "2023-10-26.md"
    marker = "<!-- arkiv: sekretess: OSL 18 kap. 8 § -->"
    text = source.read_text(encoding="utf-8").replace("## Ärendelista\n", f"## Ärendelista\n\n{marker}\n")
    source.write_text(text, encoding="utf-8")
    result = arkiv("validate", "--protocols", protocols)
    assert result.returncode == 1
    assert (
        f"direktionen/2023-10-26.md:{line_of(text, marker)}:1: error: sekretessmarkeringen står utanför"
        in result.stderr
    )


def test_a_marker_in_yaml_is_an_error(tmp_path: Path) -> None:
    protocols = tmp_path / "protocols"
    shutil.copytree(PROTOCOLS, protocols)
    meeting = (
        "organ: direktionen\ndatum: 2023-12-14\nplats: Linköping\nparagrafer:\n  - paragraf: 1\n    rubrik: Budget\n"
        "    beslut: |\n      <!-- arkiv: sekretess: OSL 18 kap. 8 § -->\n      Hemligt beslut.\n"
    )
    (protocols / "direktionen" / "2023-12-14.yaml").write_text(meeting, encoding="utf-8")
    result = arkiv("validate", "--protocols", protocols)
    assert result.returncode == 1
    assert (
        f"direktionen/2023-12-14.yaml:{line_of(meeting, '<!--')}:1: error: arkiv-markeringar används inte i YAML"
        in (result.stderr)
    )


def test_withheld_parts_publish_only_a_redacted_original(tmp_path: Path) -> None:
    protocols = tmp_path / "protocols"
    shutil.copytree(PROTOCOLS, protocols)
    # Real PDFs: an original that cannot be read cannot be scanned for personnummer, and is refused.
    (protocols / "direktionen" / "protokoll.pdf").write_bytes(hostile_pdfs.protocol(extra_text="original med allt"))
    masked = hostile_pdfs.protocol(extra_text="maskerad kopia")
    (protocols / "direktionen" / "maskerat.pdf").write_bytes(masked)
    source = protocols / "direktionen" / "2023-10-26.md"
    withheld = source.read_text(encoding="utf-8").replace(
        "## **Faktureringsrutiner**\n", f"## **Faktureringsrutiner**\n\n<!-- arkiv: sekretess: {GROUND} -->\n"
    )
    source.write_text(withheld + "\n<!-- arkiv: original: protokoll.pdf -->\n", encoding="utf-8")
    refused = arkiv("validate", "--protocols", protocols)
    line = line_of(source.read_text(encoding="utf-8"), "arkiv: original:")
    assert refused.returncode == 1
    assert f"direktionen/2023-10-26.md:{line}:1: error: protokollet har delar som inte publiceras" in refused.stderr
    source.write_text(withheld + "\n<!-- arkiv: original-maskerad: maskerat.pdf -->\n", encoding="utf-8")
    site = build_site(protocols, tmp_path / "site")
    assert (site / "direktionen" / "2023-10-26" / "protokoll.pdf").read_bytes() == masked
    assert "Det justerade protokollet, maskerat (PDF)" in Page(site, "direktionen/2023-10-26/").text


def test_a_line_the_organisations_own_furniture_pattern_takes_from_a_paragraph_is_told(tmp_path: Path) -> None:
    """A pattern meant for a running header that also takes a decision is not silent: each line
    it takes that is a sentence, or stands once and not on every page, is warned about."""
    decision = "Direktionen beslutar att notera informationen till protokollet."
    pattern = '\nordlista:\n  möbler_mönster: ["sida \\\\d+ av \\\\d+", "direktionen beslutar att notera.*"]\n'
    protocols = sources_with(tmp_path, SEED_TEXT, pattern)
    result = arkiv("validate", "--protocols", protocols)
    assert result.returncode == 0, result.stderr
    for occurrence in range(1, SEED_TEXT.count(decision) + 1):
        line = line_of(SEED_TEXT, decision, occurrence)
        assert (
            f"direktionen/2023-10-26.md:{line}:1: warning: raden står bara en gång eller är en mening" in result.stderr
        )
    assert result.stderr.count("raden står bara en gång") == SEED_TEXT.count(decision)


OPENERS = ["<!--", "‹!–", "<!–", "<!—", "<! --", "<!- ", "&lt;!--", "＜!--", "﹤!--", "<！--", "&#60;!--", "〈!--"]
CLOSERS = ["-->", "–>", "—>", "–›", "--&gt;", "--＞", "- ->", " ->"]


@given(
    opener=st.sampled_from(OPENERS),
    closer=st.sampled_from(CLOSERS),
    word=st.sampled_from(
        ["arkiv: sekretess: OSL 26 kap. 1 §", "Arkiv: Sekretess: OSL", "sekretess enligt OSL", "ARKIV"]
    ),
    space=st.sampled_from(["", " ", "  ", "\u00a0"]),
)
@settings(max_examples=300, deadline=None)
def test_every_spelling_of_a_marker_is_understood_or_refused(opener: str, closer: str, word: str, space: str) -> None:
    """However an editor spells the comment, it withholds (written exactly) or is an error at its
    line (every other spelling): never shown, never silently ignored."""
    line = f"{opener}{space}{word}{space}{closer}"
    exact = opener == "<!--" and closer == "-->" and word.startswith("arkiv: sekretess:") and space != "\u00a0"
    if exact:
        assert WITHHOLD.match(line) and not misspelt_marker(line), line
    else:
        assert misspelt_marker(line) or MARKER_LIKE.search(line), line
