"""Personnummer and samordningsnummer are found (with the Luhn check) and nothing else is."""

from __future__ import annotations

import pytest

from generator.readers.personal_data import find


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
