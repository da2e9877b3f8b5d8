"""Hostile text in every field of both source formats and of organisation.yaml is shown as text.

Each field gets its own payload, numbered, so a dialog in Chromium names the field that leaked.
The pages are checked in a real Chromium (no dialog opens, the title reads as written) and as
HTML (no tag from a source appears unescaped).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.conftest import PROTOCOLS, build_site
from tests.helpers import serve_directory

pytestmark = pytest.mark.browser


def hostile(n: int) -> str:
    # Breaks out of an attribute, of <title>, and of an element, and carries an entity.
    return f'F{n}"><img src=x onerror=alert({n})></title><script>alert({n})</script>&amp;'


FIELDS: dict[int, str] = {}


def h(field: str) -> str:
    """The payload for ``field``, written as a YAML double-quoted string."""
    n = len(FIELDS) + 1
    FIELDS[n] = field
    return '"' + hostile(n).replace("\\", "\\\\").replace('"', '\\"') + '"'


ORGANISATION = f"""\
namn: {h("organisation namn")}
kortnamn: {h("organisation kortnamn")}
dnr_prefix: ITSAM
beskrivning: {h("organisation beskrivning")}
överklagande_behöriga: {h("överklagande_behöriga")}
kommuner: [{h("kommuner")}]
organ:
  - slug: direktionen
    namn: Direktionen
    genitiv: Direktionens
    beskrivning: {h("organ beskrivning")}
  - slug: styrelsen
    namn: {h("organ namn")}
    genitiv: {h("organ genitiv")}
    beslutsrubrik: {h("beslutsrubrik")}
personer:
  - namn: Jacob Käll
  - namn: {h("person namn")}
    alias: [{h("person alias")}]
    kommun: {h("person kommun")}
"""

MEETING = f"""\
organ: styrelsen
datum: 2024-03-14
plats: {h("plats")}
start: "09:00"
närvaro:
  - {{namn: {h("närvaro namn")}, grupp: beslutande, kommun: {h("närvaro kommun")}, roll: {h("närvaro roll")}}}
justering:
  justerare: [{h("justerare")}]
  plats_och_tid: {h("justering plats_och_tid")}
  underskrifter: [{{roll: {h("underskrift roll")}, namn: {h("underskrift namn")}}}]
anslag:
  text: {h("anslag text")}
  uppsatt: 2024-03-18
  nedtaget: 2024-04-09
  förvaringsplats: {h("förvaringsplats")}
paragrafer:
  - paragraf: 1
    rubrik: {h("paragraf rubrik")}
    dnr: [ITSAM 2024/1]
    beslut: {h("beslut")}
    avsnitt: [{{rubrik: {h("avsnitt rubrik")}, text: {h("avsnitt text")}}}]
    beslutsunderlag: [{h("beslutsunderlag")}]
    beslutsexpediering: [{h("beslutsexpediering")}]
    yrkanden: [{h("yrkanden")}]
    omröstningar:
      - {{fråga: {h("fråga")}, ja: [{h("ja")}], nej: [Jacob Käll], resultat: {h("resultat")}}}
    reservationer: [{{av: [{h("reservation av")}], text: {h("reservation text")}}}]
    jäv: [{h("jäv")}]
    protokollsanteckningar: [{h("protokollsanteckning")}]
signering:
  tjänst: {h("signering tjänst")}
  underskrifter: [{{namn: {h("signering namn")}, tidpunkt: "2024-03-18T08:00:00Z"}}]
  text: {h("signering text")}
"""

MARKDOWN_TITLE = len(FIELDS) + 1
FIELDS[MARKDOWN_TITLE] = "Markdown-rubrik"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    base = tmp_path_factory.mktemp("fientlig")
    protocols = base / "protocols"
    shutil.copytree(PROTOCOLS, protocols)
    (protocols / "organisation.yaml").write_text(ORGANISATION, encoding="utf-8")
    (protocols / "styrelsen").mkdir()
    (protocols / "styrelsen" / "2024-03-14.yaml").write_text(MEETING, encoding="utf-8")
    seed = protocols / "direktionen" / "2023-10-26.md"
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("## Personal", f"## {hostile(MARKDOWN_TITLE)}"), encoding="utf-8")
    site = build_site(protocols, base / "site")
    with serve_directory(site) as url:
        yield site, url


def test_no_source_markup_reaches_any_page_unescaped(hostile_site: tuple[Path, str]) -> None:
    site, _ = hostile_site
    leaked = []
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for n, field in FIELDS.items():
            if f"<img src=x onerror=alert({n})>" in html:
                leaked.append(f"{path.relative_to(site)}: {field}")
            if f"<script>alert({n})</script>" in html:
                leaked.append(f"{path.relative_to(site)}: {field} (script)")
    assert leaked == []


@pytest.mark.parametrize(
    "url",
    ["", "styrelsen/", "styrelsen/2024-03-14/", "arenden/itsam-2024-1/", "personer/", "direktionen/2023-10-26/",
     "arenden/itsam-2023-6/", "anslagstavla/", "om-arkivet/", "sok/?q=F1"],
)  # fmt: skip
def test_no_dialog_opens_and_titles_read_as_written(page: Page, hostile_site: tuple[Path, str], url: str) -> None:
    _, base = hostile_site
    dialogs: list[str] = []
    page.on(
        "dialog", lambda dialog: (dialogs.append(FIELDS.get(int(dialog.message), dialog.message)), dialog.dismiss())
    )
    page.goto(base + url)
    page.wait_for_load_state("load")
    assert dialogs == []
    # The organisation's name is in every <title>, as written, and no image from a source loaded.
    assert hostile(1) in page.title()
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("script:text('alert(')").count() == 0
