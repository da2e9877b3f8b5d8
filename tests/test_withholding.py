"""A withheld paragraph, or a withheld part of one, leaves no trace of its text anywhere in the
built site: pages, the Pagefind search index, data files, feeds and calendars."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from tests.conftest import PROTOCOLS, build_site
from tests.htmlcheck import Page

GROUND = "Sekretess enligt OSL 18 kap. 8 §"


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
    text = text.replace("### Resultaträkning\n", f"### Resultaträkning\n\n<!-- arkiv: sekretess: {GROUND} -->\n")
    source.write_text(text, encoding="utf-8")
    return build_site(protocols, base / "site")


def test_withheld_words_appear_nowhere(withheld_site: Path) -> None:
    files = every_byte(withheld_site)
    assert len(files) > 50
    assert any("Delårsrapporten syftar".encode() in content for _, content in files)  # the rest is published
    for word in ("kvartalsvis", "Månadsfaktureringen", "efterarbetet", "43 92", "117 763", "Årsprognos"):
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
