"""Personnummer and samordningsnummer are found (with the Luhn check) and nothing else is."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
INVISIBLE = ["", "\u200b", "\u00ad", "\u2060", "\ufeff"]


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
