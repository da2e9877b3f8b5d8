"""Person pages: every section a person can have, rendered from a small model of our own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.index import build_archive
from generator.model import (
    Adjustment,
    AttendanceGroup,
    Attendee,
    Body,
    Item,
    Meeting,
    Organisation,
    ParagraphRange,
    Person,
    PersonName,
    Reservation,
    Signatory,
    Vote,
)
from generator.model.dnr import Dnr
from generator.site.pages import PageWriter
from tests.htmlcheck import _Collector

ORG = Organisation(
    name="Kommunalförbundet Testmark",
    short_name="Testmark",
    dnr_prefix="TESTM",
    municipalities=("Ankeborgs kommun",),
    bodies=(Body("direktionen", "Direktionen", "Direktionens", "Direktionens beslut"),),
    persons=(Person("alma-exempelsson", "Alma Exempelsson"), Person("bo-provare", "Bo Provare")),
)
ALMA = PersonName("Alma Exempelsson", "alma-exempelsson")
BO = PersonName("Bo Provare", "bo-provare")


def meeting() -> Meeting:
    vote = Vote("Bifall mot avslag", yes=(ALMA,), no=(BO,), result="Bifall")
    item = Item(
        7, "Budget 2022", (Dnr("TESTM", 2022, 4),), decision="Direktionen beslutar att anta budgeten.",
        votes=(vote,), reservations=(Reservation((BO,), "Till förmån för avslag."),), disqualified=(ALMA,),
    )  # fmt: skip
    return Meeting(
        body="direktionen",
        date=date(2022, 3, 15),
        place="Förbundshuset",
        start=None,
        end=None,
        attendees=(
            Attendee("Alma Exempelsson", AttendanceGroup.MEMBER, "alma-exempelsson", role="ordförande"),
            Attendee("Bo Provare", AttendanceGroup.MEMBER, "bo-provare"),
        ),
        adjustment=Adjustment(
            (BO,), "Digitalt", (Signatory("Ordförande", "Alma Exempelsson", "alma-exempelsson"),), ParagraphRange(7, 7)
        ),
        posting=None,
        agenda=(),
        items=(item,),
    )


def sections(slug: str) -> tuple[set[str], str]:
    """The ids of the page's sections and its text."""
    archive = build_archive(ORG, [meeting()])
    page = PageWriter(archive, date(2022, 5, 20)).person_page(archive.persons[slug])
    collector = _Collector()
    collector.feed(page.render())
    return collector.ids, " ".join("".join(collector.text).split())


def test_roles_and_meetings_attended() -> None:
    ids, text = sections("alma-exempelsson")
    assert {"roller", "sammantraden"} <= ids
    assert "Direktionen ordförande 2022-03-15 2022-03-15 1" in text  # table cells: body, role, from, to, count
    ids, text = sections("bo-provare")
    assert "Direktionen ledamot 2022-03-15" in text  # no role written: the group says what he was
    assert "Närvarande vid sammanträden Direktionen 2022-03-15" in text


def test_adjuster_section() -> None:
    ids, text = sections("bo-provare")
    assert "justerare" in ids and "Justerare Direktionen 2022-03-15 § 7" in text
    assert "justerare" not in sections("alma-exempelsson")[0]


def test_signed_section() -> None:
    ids, text = sections("alma-exempelsson")
    assert "underskrifter" in ids and "Direktionen 2022-03-15 (ordförande, § 7)" in text
    assert "underskrifter" not in sections("bo-provare")[0]


def test_votes_section() -> None:
    assert "Direktionen 2022-03-15 § 7 Budget 2022: ja" in sections("alma-exempelsson")[1]
    ids, text = sections("bo-provare")
    assert "omrostningar" in ids and "Direktionen 2022-03-15 § 7 Budget 2022: nej" in text


def test_reservations_section() -> None:
    ids, text = sections("bo-provare")
    assert "reservationer" in ids
    assert text.endswith("Reservationer Direktionen 2022-03-15 § 7 Budget 2022")
    assert "reservationer" not in sections("alma-exempelsson")[0]


def test_jav_section() -> None:
    ids, text = sections("alma-exempelsson")
    assert "jav" in ids and text.endswith("Jäv Direktionen 2022-03-15 § 7 Budget 2022")
    assert "jav" not in sections("bo-provare")[0]


# -- the persons list: a register, by surname -------------------------------------------------


def test_swedish_alphabetical_order() -> None:
    from generator.site.collation import initial, swedish_order

    # Swedish dictionaries: å, ä, ö after z; é with e; ü with y.
    names = ["Öberg", "Åberg", "Zetterlund", "Ärlig", "Eklund", "Élan", "Ygberg", "Ünal", "aspö"]
    assert sorted(names, key=swedish_order) == [
        "aspö", "Eklund", "Élan", "Ygberg", "Ünal", "Zetterlund", "Åberg", "Ärlig", "Öberg",
    ]  # fmt: skip
    assert [initial(n) for n in ("Élan", "Åberg", "öst")] == ["E", "Å", "Ö"]


def test_persons_are_listed_by_surname_under_their_letter(synth_small: tuple[Path, Path]) -> None:
    import re

    page = (synth_small[1] / "personer" / "index.html").read_text(encoding="utf-8")
    article = page[page.index("<h1") :]
    order = "abcdefghijklmnopqrstuvwxyzåäö"
    letters = re.findall(r'<h2 id="bokstav-\d+"[^>]*>([^<]+)</h2>', article)
    names = re.findall(r'<li><a href="[^"]*">([^<]+)</a>', article)
    assert len(names) > 10 and len(letters) > 3
    surnames = [name.split()[-1].casefold().replace("é", "e") for name in names]
    # Compared letter by letter in the Swedish alphabet (é as e).
    assert surnames == sorted(surnames, key=lambda s: [order.index(c) if c in order else -1 for c in s])
    assert [letter.casefold() for letter in letters] == sorted({s[0] for s in surnames}, key=order.index)
