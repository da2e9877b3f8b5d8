from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.model.dnr import Dnr, DnrError, parse, parse_many

CASE = Dnr("ITSAM", 2023, 93)


@pytest.mark.parametrize(
    "text",
    [
        "ITSAM 2023/93",
        "2023/93",
        "2023-93",
        "Dnr 2023/93",
        "dnr 2023/93",
        "Dnr: 2023/00093",
        "2023/00093",
        "itsam 2023-93",
        "  ITSAM   2023 / 93 ",
        "Diarienummer ITSAM 2023/93",
    ],
)
def test_every_spelling_gives_one_case(text: str) -> None:
    assert parse(text, "ITSAM") == CASE
    assert parse(text, "ITSAM").key == "itsam-2023-93"


def test_other_diarium_keeps_its_prefix() -> None:
    assert parse("KS 2021/4", "ITSAM") == Dnr("KS", 2021, 4)
    assert parse("KS-2021/4", "ITSAM").key == "ks-2021-4"


@pytest.mark.parametrize(
    "text", ["", "2023", "93", "ITSAM", "2023/", "/93", "2023/0", "1823/5", "2023/93x", "09-061", "140178", "58/1823"]
)
def test_not_a_dnr(text: str) -> None:
    with pytest.raises(DnrError):
        parse(text, "ITSAM")


@pytest.mark.parametrize(
    ("text", "prefix", "year", "serial", "code"),
    [
        ("2018/00041", "KOMMUN", 2018, 41, ""),
        ("KS 2018/52", "KS", 2018, 52, ""),
        ("KS/2016:198", "KS", 2016, 198, ""),
        ("KS/2018:311 - 001", "KS", 2018, 311, "001"),
        ("ITSAM.2021.3", "ITSAM", 2021, 3, ""),
        ("DNR: ITSAM.2021.3", "ITSAM", 2021, 3, ""),
        ("Dnr. 2019/31 042", "KOMMUN", 2019, 31, "042"),
        ("2024/ITSAM 0018 042", "ITSAM", 2024, 18, "042"),
        ("Dnr KS 58/2013", "KS", 2013, 58, ""),
        ("Dnr KS 09-061 101", "KS", 2009, 61, "101"),
        ("KS 98-412", "KS", 1998, 412, ""),
        ("RS140178", "RS", 2014, 178, ""),
        ("BUN 2025/00002", "BUN", 2025, 2, ""),
        ("Dnr MBN 2021-000012", "MBN", 2021, 12, ""),
        ("09/TN 0051", "TN", 2009, 51, ""),
        ("RUN 233-2019", "RUN", 2019, 233, ""),  # the serial first, a dash before the year
        ("RUN 12-2019", "RUN", 2019, 12, ""),  # not a two-digit year 12 with serial 2019
    ],
)
def test_spellings_of_other_diaria(text: str, prefix: str, year: int, serial: int, code: str) -> None:
    """The spellings real templates use: one key (prefix, year, serial), the classification code kept."""
    dnr = parse(text, "KOMMUN")
    assert (dnr.prefix, dnr.year, dnr.serial, dnr.code) == (prefix, year, serial, code)
    assert dnr.key == f"{prefix.lower()}-{year}-{serial}"


def test_several_dnr_in_one_field() -> None:
    assert parse_many("2022/20, 2022/21", "TESTM") == [Dnr("TESTM", 2022, 20), Dnr("TESTM", 2022, 21)]


@given(
    prefix=st.sampled_from(["ITSAM", "itsam", "KS", "Bun"]),
    year=st.integers(1900, 2099),
    serial=st.integers(1, 999_999),
    separator=st.sampled_from(["/", "-", " / ", "."]),
    zeros=st.integers(0, 3),
    label=st.sampled_from(["", "Dnr ", "dnr: ", "DNR "]),
)
def test_spellings_normalise_to_the_same_key(
    prefix: str, year: int, serial: int, separator: str, zeros: int, label: str
) -> None:
    text = f"{label}{prefix} {year}{separator}{'0' * zeros}{serial}"
    parsed = parse(text, "ITSAM")
    assert parsed == Dnr(prefix.upper(), year, serial)
    # The canonical form reads back as itself.
    assert parse(str(parsed), "ITSAM") == parsed


@given(st.text(max_size=40))
def test_any_text_parses_or_is_refused_cleanly(text: str) -> None:
    try:
        parsed = parse(text, "ITSAM")
    except DnrError:
        return
    assert parsed.serial > 0 and 1900 <= parsed.year <= 2099


def test_long_text_is_no_dnr_and_never_reaches_the_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pattern is slow on long failing text (40,000 characters took a minute): it is never tried."""
    import generator.model.dnr as dnr

    class Untouchable:
        def match(self, text: str) -> None:
            raise AssertionError("the pattern ran on long text")

    assert parse("ITSAM 2023/93", "ITSAM") == Dnr("ITSAM", 2023, 93)
    monkeypatch.setattr(dnr, "_DNR", Untouchable())
    with pytest.raises(DnrError):
        parse("a-" * 20_000 + " 2023/93", "ITSAM")


@pytest.mark.parametrize(
    ("written", "near", "expected"),
    [
        ("HE 41/00", 2000, "HE 2000/41"),  # "00" can only be the year: serial 0 is none
        ("HE 88/99", 2000, "HE 1999/88"),  # either could be; the later year not after the meeting
        ("HE 88/99", None, "HE 1988/99"),  # without a meeting's year, the year first as before
        ("BN07/154", 2007, "BN 2007/154"),  # a three-digit serial is never a year
        ("Diarienummer 1900045", None, "HE 2019/45"),  # labelled, year and serial in one number
    ],
)
def test_two_digit_pairs_are_settled_by_the_meetings_year(written: str, near: int | None, expected: str) -> None:
    assert str(parse(written, "HE", near)) == expected


def test_seven_digits_without_a_label_are_no_dnr() -> None:
    with pytest.raises(DnrError):
        parse("1900045", "HE")


def test_a_two_digit_year_before_the_prefix_in_one_word() -> None:
    assert str(parse("Diarienummer: 15RV088", "X")) == "RV 2015/88"
