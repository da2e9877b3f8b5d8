"""Personnummer and samordningsnummer are found (with the Luhn check) and nothing else is."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.build.published_scan import scan
from generator.readers.personal_data import _luhn_ok, find
from tests.conftest import PROTOCOLS, arkiv
from tests.helpers import line_of


@pytest.mark.parametrize(
    "text",
    [
        "19121212-1212",
        "121212-1212",
        "1212121212",
        "19121212-1212",
        "811218-9876",
        "701063-2391",
    ],
)
def test_found(text: str) -> None:
    assert [value for _, value in find(f"Kontakt: {text}.")] == [text]


@pytest.mark.parametrize(
    "text",
    [
        "19121212-1213",  # wrong check digit
        "121312-1212",  # no 13th month
        "2023/93",
        "Kommunchefsberedningens sammanträde 2023-10-12 § 61",
        "117 763 -85 380",
        "tel 013-123 45 67",
        "2023-11-06 08:16:42Z",
    ],
)
def test_not_found(text: str) -> None:
    assert list(find(text)) == []


def test_plus_separator_of_persons_aged_a_hundred_or_more() -> None:
    # Skatteverket writes "+" instead of "-" the year a person turns 100: 121212+1212.
    text = "Kontakt: 121212+1212."
    assert "+" in text and "-" not in text
    assert [value for _, value in find(text)] == ["121212+1212"]


def test_line_numbers() -> None:
    assert list(find("a\nb\n811218-9876\n")) == [(3, "811218-9876")]


def test_an_exception_written_in_the_source_with_a_reason() -> None:
    text = (
        "<!-- arkiv: personnummer-undantag 19121212-1212: Tolvan Tolvansson, testperson i Skatteverkets exempel -->\n"
    )
    assert list(find(text + "Kontakt 19121212-1212.\n")) == []
    # Another number is still found, and an exception without a reason does not count.
    assert [v for _, v in find(text + "811218-9876\n")] == ["811218-9876"]
    assert [v for _, v in find("# arkiv: personnummer-undantag 811218-9876:\n811218-9876\n")] == ["811218-9876"] * 2


# -- however it is written ----------------------------------------------------------------------

DASHES = ["-", "\u2013", "\u2014", "\u2212", "\u2010", "\u2011", "&#45;", "&ndash;", "\\-", "+", ".", "/"]
SPACES = ["", " ", "\u00a0", "\u202f", "\u2009"]
# Format characters (direction marks, invisible separators and isolates), the combining grapheme
# joiner, the Mongolian vowel separator, as characters and as an entity.
INVISIBLE = [
    "",
    "\u200b",
    "\u00ad",
    "\u2060",
    "\ufeff",
    "\u200e",
    "\u200f",
    "\u2063",
    "\u2066",
    "\u034f",
    "\u180e",
    "&lrm;",
]


@st.composite
def personnummer(draw: st.DrawFn) -> str:
    """A valid personnummer or samordningsnummer as ten digits (YYMMDDNNNN)."""
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2025, 12, 31)))
    day = born.day + (60 if draw(st.booleans()) else 0)
    serial = draw(st.integers(min_value=0, max_value=999))
    nine = f"{born:%y%m}{day:02d}{serial:03d}"
    check = next(d for d in "0123456789" if _luhn_ok(nine + d))
    return nine + check


@given(
    number=personnummer(),
    dash=st.sampled_from(DASHES),
    space=st.sampled_from(SPACES),
    invisible=st.sampled_from(INVISIBLE),
    spaced_date=st.booleans(),
    emphasis=st.sampled_from(["", "**", "*", "_", "`"]),
    century=st.booleans(),
)
@settings(max_examples=400, deadline=None)
def test_found_however_written(
    number: str, dash: str, space: str, invisible: str, spaced_date: bool, emphasis: str, century: bool
) -> None:
    yymmdd, last = number[:6], number[6:]
    if spaced_date:
        yymmdd = " ".join((yymmdd[:2], yymmdd[2:4], yymmdd[4:]))
    if century:
        yymmdd = "19" + yymmdd if int(number[:2]) > 25 else "20" + yymmdd
    written = f"{emphasis}{yymmdd}{emphasis}{space}{invisible}{dash}{invisible}{space}{last}"
    for context in (f"Kontakt: {written}.", f"| {written} |", f"namn: Tolvan {written}"):
        assert len(list(find(context))) == 1, repr(context)


@given(number=personnummer(), split=st.integers(min_value=2, max_value=8), dash=st.sampled_from(["-", "", "–"]))
@settings(max_examples=200, deadline=None)
def test_found_when_markup_or_a_break_splits_it(number: str, split: int, dash: str) -> None:
    """A link's or image's text beside the rest, an autolink, a line break, spaces around the
    dash, a table's cell border: each as Markdown writes it."""
    whole = f"{number[:6]}{dash}{number[6:]}"
    head, tail = whole[:split], whole[split:]
    for written in (
        f"[{head}](#){tail}",
        f"![{head}](bild.png){tail}",
        f"<https://exempel.invalid/{whole}>",
        f"{number[:6]}\n{dash}{number[6:]}" if dash else f"{number[:6]}\n{number[6:]}",
        f"{number[:6]} {dash or '-'}  {number[6:]}",
        f"| {number[:6]} | {number[6:]} |",
    ):
        assert len(list(find(f"Kontakt: {written} i dag"))) == 1, repr(written)


@pytest.mark.parametrize(
    ("value", "seen_as_written"),
    [
        ('"Tolvan 19121212\\u002d1212"', True),  # "\\u" is read as JSON and YAML write it
        ('"Tolvan \\x31\\x39\\x31\\x32\\x31\\x32\\x31\\x32-1212"', False),
        ('"Tolvan 1912121\\\n  2-1212"', False),
    ],
)
def test_yaml_values_are_scanned_as_read(tmp_path: Path, value: str, seen_as_written: bool) -> None:
    """A double-quoted YAML escape or an escaped line break makes a number only once read."""
    assert bool(list(find(value))) == seen_as_written
    protocols = tmp_path / "protocols"
    shutil.copytree(PROTOCOLS, protocols)
    meeting = (
        "organ: direktionen\ndatum: 2023-12-14\nplats: Linköping\nparagrafer:\n  - paragraf: 1\n"
        f"    rubrik: {value}\n    beslut: Beslutet.\n"
    )
    (protocols / "direktionen" / "2023-12-14.yaml").write_text(meeting, encoding="utf-8")
    result = arkiv("validate", "--protocols", protocols)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    expected = f"direktionen/2023-12-14.yaml:{line_of(meeting, 'rubrik:')}:1: error: texten ser ut som ett personnummer"
    assert expected in result.stderr


def test_a_number_only_the_built_site_shows_stops_the_build(tmp_path: Path) -> None:
    """An HTML comment between the digits hides the number from the source's scan; the page, the
    data file and the feeds would show it whole: the build stops and nothing is written."""
    protocols = tmp_path / "protocols"
    shutil.copytree(PROTOCOLS, protocols)
    source = protocols / "direktionen" / "2023-10-26.md"
    before = "Följande händelser har haft väsentlig betydelse"
    text = source.read_text(encoding="utf-8")
    assert text.count(before) == 1
    source.write_text(text.replace(before, f"Kontakt 1912<!-- -->1212-1212 vid frågor.\n\n{before}"), "utf-8")
    assert arkiv("validate", "--protocols", protocols).returncode == 0  # the source's scan cannot tell
    site = tmp_path / "site"
    result = arkiv("build", "--protocols", protocols, "--site", site)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "error: den byggda filen skulle visa något som ser ut som ett personnummer (1912" in result.stderr
    assert "site/data/moten/direktionen/2023-10-26.json:" in result.stderr
    assert not site.exists() and [p.name for p in tmp_path.iterdir() if p.name != "protocols"] == []


def test_the_built_files_are_read_as_a_browser_shows_them(tmp_path: Path) -> None:
    """Inline markup joins digits, a table's cells and a line's break set them apart, an
    attribute (alt text) is text too, a feed's entries carry their HTML escaped, JSON escapes."""
    files = {
        "a/index.html": "<p>Ring\n<b>19</b>12<em>12</em>12-1212</p>",
        "b/index.html": "<table><tr><td>121212</td>\n<td>1212</td></tr></table>",
        "c/index.html": '<p>Bild</p>\n<img\n alt="Tolvan 121212-1212" src="x.png">',
        "d/feed.xml": "<feed><entry><content>&lt;p&gt;12&lt;b&gt;12&lt;/b&gt;12-1212&lt;/p&gt;</content></entry>",
        "e/data.json": '{"text": "Tolvan 121212\\u002d1212"}',
        "f/index.html": "<p>Dnr 2023/121 och 2023-12-12 kl. 12.12</p>",  # no number
        "assets/x.js": "var a='121212-1212';",  # Material's own files are not scanned
    }
    for path, content in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(content, encoding="utf-8")
    found = {(file, line) for file, line, _ in scan(tmp_path, set())}
    expected = {
        ("a/index.html", 2),
        ("b/index.html", 1),
        ("c/index.html", line_of(files["c/index.html"], "alt=")),
        ("d/feed.xml", 1),
        ("e/data.json", 1),
    }
    assert found == expected
    assert list(scan(tmp_path / "a", {"1212121212"})) == []  # a number the sources allow (ten digits)


def test_organisation_yaml_is_scanned(tmp_path: Path) -> None:
    protocols = tmp_path / "protocols"
    shutil.copytree(PROTOCOLS, protocols)
    org = protocols / "organisation.yaml"
    text = org.read_text(encoding="utf-8")
    org.write_text(text.replace("  - namn: Peter Wallentin", "  - namn: Peter Wallentin 19121212–1212"), "utf-8")
    result = arkiv("validate", "--protocols", protocols)
    expected = line_of(org.read_text(encoding="utf-8"), "Peter Wallentin 19121212")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"organisation.yaml:{expected}:1: error: texten ser ut som ett personnummer" in result.stderr


def test_a_number_its_source_lets_through_is_built(tmp_path: Path) -> None:
    """The built site's scan allows what the source allows, with its reason (as read with the
    meeting): Skatteverket's test number in a paragraph is published, and the build passes."""
    protocols = tmp_path / "protocols"
    shutil.copytree(PROTOCOLS, protocols)
    source = protocols / "direktionen" / "2023-10-26.md"
    before = "Följande händelser har haft väsentlig betydelse"
    allowed = "<!-- arkiv: personnummer-undantag 19121212-1212: Skatteverkets testnummer, ingen person -->"
    text = source.read_text(encoding="utf-8").replace(before, f"Testnumret 19121212-1212 används.\n\n{before}")
    source.write_text(f"{text}\n{allowed}\n", encoding="utf-8")
    site = tmp_path / "site"
    result = arkiv("build", "--protocols", protocols, "--site", site)
    assert result.returncode == 0, result.stderr
    assert "19121212-1212" in (site / "direktionen" / "2023-10-26" / "index.html").read_text(encoding="utf-8")
    # Without the source's exception the same text stops the build.
    source.write_text(text, encoding="utf-8")
    assert arkiv("build", "--protocols", protocols, "--site", tmp_path / "site2").returncode == 1
