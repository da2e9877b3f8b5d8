"""Person pages: every section a person can have, rendered from a small model of our own."""

from __future__ import annotations

from datetime import date

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
    assert "Direktionenordförande2022-03-152022-03-151" in text  # table cells: body, role, from, to, count
    ids, text = sections("bo-provare")
    assert "Direktionenledamot2022-03-15" in text  # no role written: the group says what he was
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
