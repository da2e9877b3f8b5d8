"""Attendance for part of a meeting, written as older protocols write it: "t o m § 5", "fr o m
§ 6", "tom 97", "§ 159, 160", "planarkitekt 189"; an open span ends at the meeting's first or
last paragraph."""

from __future__ import annotations

import pytest

from generator.model import AttendanceGroup, ParagraphRange
from generator.model.roster import roster_for
from generator.readers.attendance import AttendanceReader, AttendanceWords, close_ranges
from generator.readers.vocabulary import vocabulary_for


def reader() -> AttendanceReader:
    words = vocabulary_for().attendance
    return AttendanceReader(
        roster_for(()),
        (),
        AttendanceWords(
            serving_for=words["tjänstgör_för"],
            vacant=words["vakant"],
            took_part=words["deltog"],
            roles=words["roller"],
            absent=words["frånvarande"],
            parties=words["partier"],
        ),
    )


@pytest.mark.parametrize(
    ("text", "name", "role", "span"),
    [
        ("Karin Saarinen (v) t o m § 75", "Karin Saarinen", None, (71, 75)),
        ("Leif Hjortsberg (s) tjg fr o m § 76", "Leif Hjortsberg", "tjg", (76, 79)),
        ("Peter Nyrén (S), tom 77", "Peter Nyrén", None, (71, 77)),
        ("Anna-Lena Frisk, socialsekreterare, §72, 73", "Anna-Lena Frisk", "socialsekreterare", (72, 73)),
        ("Sofia Lund, planarkitekt 74", "Sofia Lund", "planarkitekt", (74, 74)),
        ("Bo Ek, tomtförvaltare", "Bo Ek", "tomtförvaltare", None),
        ("Tore Lindahl, 71-75", "Tore Lindahl", None, (71, 75)),
        ("Tore Lindahl, 71-75, del av 76", "Tore Lindahl", None, (71, 76)),
        ("Eva Lind, Kommunal, 72-73", "Eva Lind", "Kommunal", (72, 73)),
        ("Per Olsson, Teknisk chef", "Per Olsson", "Teknisk chef", None),
        ("Ada Berg, enhetschef park och natur, § 74", "Ada Berg", "enhetschef park och natur", (74, 74)),
    ],
)
def test_part_of_the_meeting(text: str, name: str, role: str | None, span: tuple[int, int] | None) -> None:
    found = close_ranges(reader().read(text, AttendanceGroup.MEMBER, lambda message: None), 71, 79)
    assert [(a.name, a.role) for a in found] == [(name, role)]
    assert found[0].paragraphs == (ParagraphRange(*span) if span else None)


@pytest.mark.parametrize(
    ("text", "expected", "shown"),
    [
        # Spans after a gap, and the next person on the same line after them.
        (
            "Alva Nordin, ekonom §§ 71-74, 79 Lars Hjort, gatuchef §§ 75 a-c)",
            [("Alva Nordin", ((71, 74), (79, 79))), ("Lars Hjort", ((75, 75),))],
            ["§§ 71–74, 79", "§ 75"],
        ),
        (
            "Johan Eld, ingenjör §§ 71-73 a-b), 76-78",
            [("Johan Eld", ((71, 73), (76, 78)))],
            ["§§ 71–73, 76–78"],
        ),
    ],
)
def test_spans_after_a_gap(
    text: str, expected: list[tuple[str, tuple[tuple[int, int], ...]]], shown: list[str]
) -> None:
    warnings: list[str] = []
    found = reader().read(text, AttendanceGroup.OTHER, warnings.append)
    assert [(a.name, a.paragraphs.spans() if a.paragraphs else ()) for a in found] == expected
    assert [str(a.paragraphs) for a in found] == shown
    assert all("personlistan" in w for w in warnings), warnings  # no text left unread
    # Present for what each span says, not for the gap between them.
    first = found[0].paragraphs
    assert first is not None
    for number in range(71, 80):
        assert (number in first) == any(a <= number <= b for a, b in expected[0][1])
