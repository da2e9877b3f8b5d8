"""A deterministic synthetic archive of a clearly fictional organisation, for tests and benchmarks.

Kommunalförbundet Sagoskogen (dnr prefix SAGO) and its municipalities and people are invented.
The same size and seed always give the same files. The archive has what real ones have: cases
prepared in an utskott or beredning and decided in the deciding body, cases spanning years,
återremiss and bordläggning, partial attendance, serving substitutes, beslutsunderlag that cite
earlier paragraphs (and a few that cite paragraphs outside the archive), paragraphs with several
dnr and with none, withheld paragraphs, votes and reservations. Half of the meetings are written
as Markdown in the seed's layout, half as YAML.
"""

from __future__ import annotations

import random
from collections import deque
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from slugify import slugify

from generator.model import (
    Adjustment,
    AgendaEntry,
    AttendanceGroup,
    Attendee,
    Body,
    ElectronicSignature,
    Item,
    Meeting,
    Organisation,
    ParagraphRange,
    Person,
    PersonName,
    Posting,
    Reservation,
    Section,
    Signatory,
    SigningRecord,
    Vote,
    Withholding,
)
from generator.model.deadlines import appeal_deadline
from generator.model.dnr import Dnr
from generator.readers.references import parse_reference
from generator.readers.yaml_format import dump_data, to_data
from generator.tools.markdown_export import LAYOUTS, export

PREFIX = "SAGO"
LAST_YEAR = 2025
MEETINGS_PER_YEAR = 10
MONTHS = (2, 3, 4, 5, 6, 8, 9, 10, 11, 12)
SIZES = {"small": (1, 2), "medium": (5, 4), "full": (20, 8)}  # years, bodies

MUNICIPALITIES = (
    "Ankeborgs kommun",
    "Gåseby kommun",
    "Knasbyns kommun",
    "Sagoskogs kommun",
    "Trollbergs kommun",
    "Drömmedals kommun",
)
FIRST_NAMES = (
    "Anna", "Bengt", "Cecilia", "Daniel", "Elin", "Fredrik", "Gunilla", "Henrik", "Ingrid", "Johan",
    "Karin", "Lars", "Maria", "Nils", "Olivia", "Per", "Rebecka", "Stefan", "Tove", "Ulf", "Vera",
    "William", "Åsa", "Örjan",
)  # fmt: skip
SURNAMES = (
    "Påhittsson", "Låtsasberg", "Exempelqvist", "Sagolin", "Drömgren", "Fiktivsson", "Provdahl",
    "Mönsterlund", "Skenström", "Fantasiborg", "Dikténius", "Testfors", "Fabelholm", "Sägenvik",
)  # fmt: skip
TOPICS = (
    "e-tjänsteplattform", "nätverksutrustning", "lönesystem", "skrivartjänster", "säkerhetsloggning",
    "telefoniavtal", "molntjänster", "dokumenthanteringssystem", "serverhall", "bredbandsutbyggnad",
    "HR-system", "ärendehanteringssystem", "informationssäkerhet", "licenshantering", "kundtjänst",
    "arkivsystem", "skolplattform", "kartsystem", "reservkraft", "digital signering",
)  # fmt: skip


@dataclass(frozen=True)
class BodySpec:
    slug: str
    name: str
    genitive: str
    prepares_for: str | None = None  # the deciding body whose cases it prepares


BODY_SPECS = (
    BodySpec("direktionen", "Direktionen", "Direktionens"),
    BodySpec("arbetsutskottet", "Arbetsutskottet", "Arbetsutskottets", "direktionen"),
    BodySpec("it-namnden", "IT-nämnden", "IT-nämndens"),
    BodySpec("it-utskottet", "IT-utskottet", "IT-utskottets", "it-namnden"),
    BodySpec("personalnamnden", "Personalnämnden", "Personalnämndens"),
    BodySpec("personalutskottet", "Personalutskottet", "Personalutskottets", "personalnamnden"),
    BodySpec("kommunchefsberedningen", "Kommunchefsberedningen", "Kommunchefsberedningens", "direktionen"),
    BodySpec("revisionen", "Revisionen", "Revisionens"),
)


def _body(spec: BodySpec) -> Body:
    heading = f"{spec.genitive} förslag till beslut" if spec.prepares_for else f"{spec.genitive} beslut"
    return Body(
        spec.slug, spec.name, spec.genitive, heading, f"{spec.name} i det fiktiva Kommunalförbundet Sagoskogen."
    )


@dataclass
class _Case:
    dnr: tuple[Dnr, ...]
    title: str
    topic: str
    prep: str | None  # the body that prepares it
    history: list[tuple[str, date, int]] = field(default_factory=list)  # (body, date, §)


@dataclass
class _Roster:
    members: list[Person]
    substitutes: list[Person]


class _Synth:
    def __init__(self, years: int, body_count: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.years = list(range(LAST_YEAR - years + 1, LAST_YEAR + 1))
        self.specs = BODY_SPECS[:body_count]
        self.bodies = {s.slug: _body(s) for s in self.specs}
        self.persons: dict[str, Person] = {}
        self.serials: dict[int, int] = {}
        self.meetings: list[Meeting] = []
        self.numbers: dict[tuple[str, int], int] = {}
        self.cited_outside = False
        self.officials = {"director": self._new_person(None), "secretary": self._new_person(None)}

    # -- people ----------------------------------------------------------------------------------

    def _new_person(self, municipality: str | None) -> Person:
        while True:
            name = f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(SURNAMES)}"
            if name not in self.persons:
                break
        person = Person(slugify(name), name, (), municipality)
        self.persons[name] = person
        return person

    def _roster(self, previous: _Roster | None) -> _Roster:
        """Members for a four-year term; about half continue from the last term."""

        def pick(old: list[Person], count: int, offset: int) -> list[Person]:
            chosen = [p for p in old if self.rng.random() < 0.5][:count]
            while len(chosen) < count:
                chosen.append(self._new_person(MUNICIPALITIES[(len(chosen) + offset) % len(MUNICIPALITIES)]))
            return chosen

        return _Roster(
            pick(previous.members if previous else [], 5, 0),
            pick(previous.substitutes if previous else [], 3, 2),
        )

    # -- cases -----------------------------------------------------------------------------------

    def _dnr(self, year: int) -> Dnr:
        # A tenth of the cases were registered the year before they first reach a meeting.
        if self.rng.random() < 0.1:
            year -= 1
        self.serials[year] = self.serials.get(year, 0) + 1
        return Dnr(PREFIX, year, self.serials[year])

    def _new_case(self, year: int, prep: str | None) -> _Case:
        topic = self.rng.choice(TOPICS)
        pattern = self.rng.choice(
            (
                "Upphandling av {t}",
                "Avtal om {t}",
                "Införande av {t}",
                "Utredning om {t}",
                "Revidering av riktlinjer för {t}",
                "Budget {y} för {t}",
                "Delårsbokslut per {y}-08-31",
                "Internkontrollplan {y}",
            )
        )
        dnr: tuple[Dnr, ...] = (self._dnr(year),)
        if self.rng.random() < 0.03:
            dnr += (self._dnr(year),)  # two related cases decided in one paragraph
        return _Case(dnr, pattern.format(t=topic, y=year), topic, prep)

    # -- meetings --------------------------------------------------------------------------------

    def _number(self, body: str, year: int) -> int:
        self.numbers[(body, year)] = self.numbers.get((body, year), 0) + 1
        return self.numbers[(body, year)]

    def _meeting_date(self, year: int, index: int, spec_index: int, prep: bool) -> date:
        day = date(year, MONTHS[index], 14 + spec_index % 3)
        if prep:
            day -= timedelta(days=14)
        while day.weekday() >= 5:
            day += timedelta(days=1)
        return day

    def run(self) -> None:
        rosters: dict[str, _Roster] = {}
        queues: dict[str, deque[_Case]] = {s.slug: deque() for s in self.specs}  # postponed, by decider
        returned: dict[str, deque[_Case]] = {s.slug: deque() for s in self.specs}  # återremiss, by prep body
        for year in self.years:
            if (year - self.years[0]) % 4 == 0:
                rosters = {s.slug: self._roster(rosters.get(s.slug)) for s in self.specs}
            for index in range(MEETINGS_PER_YEAR):
                for spec_index, spec in enumerate(self.specs):
                    if spec.prepares_for is not None:
                        continue
                    preps = [s for s in self.specs if s.prepares_for == spec.slug]
                    self._round(year, index, spec_index, spec, preps, rosters, queues, returned)

    def _round(
        self,
        year: int,
        index: int,
        spec_index: int,
        decider: BodySpec,
        preps: list[BodySpec],
        rosters: dict[str, _Roster],
        queues: dict[str, deque[_Case]],
        returned: dict[str, deque[_Case]],
    ) -> None:
        """One deciding meeting and the meetings of its preparing bodies a fortnight before."""
        decide_day = self._meeting_date(year, index, spec_index, prep=False)
        prep_day = self._meeting_date(year, index, spec_index, prep=True)
        postponed = list(queues[decider.slug])
        queues[decider.slug].clear()
        to_prepare: list[_Case] = []
        for prep in preps:
            to_prepare += returned[prep.slug]
            returned[prep.slug].clear()
        while len(postponed) + len(to_prepare) < 9:
            to_prepare.append(self._new_case(year, preps[len(to_prepare) % len(preps)].slug if preps else None))
        for prep in preps:
            items = [self._information(prep, year)]
            items += [self._prep_item(prep, prep_day, year, c) for c in to_prepare if c.prep == prep.slug]
            items += [self._own_item(prep, prep_day, year, self._new_case(year, None)) for _ in range(3)]
            self._meeting(prep, prep_day, items, rosters[prep.slug])
        items = [self._information(decider, year)]
        items += [self._decide_item(decider, decide_day, year, c, queues, returned) for c in postponed + to_prepare]
        self._meeting(decider, decide_day, items, rosters[decider.slug])

    def _information(self, spec: BodySpec, year: int) -> Item:
        text = (
            "Förbundsdirektören informerar om verksamheten: driften har varit stabil, "
            f"upphandlingarna av {self.rng.choice(TOPICS)} och {self.rng.choice(TOPICS)} pågår."
        )
        return Item(
            self._number(spec.slug, year),
            "Information från verksamheten",
            decision=f"{spec.name} beslutar att notera informationen till protokollet.",
            sections=(Section("Sammanfattning av ärendet", text),),
            recipients=("Akt",),
        )

    def _summary(self, case: _Case) -> tuple[Section, ...]:
        first = (
            f"Ärendet gäller {case.title.lower()}. Nuvarande avtal för {case.topic} löper ut och "
            f"förbundet behöver säkra tjänsten för medlemskommunerna."
        )
        sections = [Section("Sammanfattning av ärendet", first)]
        roll = self.rng.random()
        if roll < 0.15:
            sections.append(
                Section(
                    "Ekonomi",
                    "| Belopp i Tkr | Budget | Prognos |\n| --- | ---: | ---: |\n"
                    f"| {case.topic} | {self.rng.randint(100, 9000)} | {self.rng.randint(100, 9000)} |",
                )
            )
        elif roll < 0.3:
            sections.append(Section("Konsekvenser", "- Kostnader för avtalen\n- Tidplan för upphandlingen\n- Risker"))
        return tuple(sections)

    def _reference(self, body: str, day: date, number: int) -> Any:
        text = f"{self.bodies[body].genitive} sammanträde {day.isoformat()} § {number}"
        return parse_reference(text, self._organisation())

    def _prep_item(self, spec: BodySpec, day: date, year: int, case: _Case) -> Item:
        number = self._number(spec.slug, year)
        references = [parse_reference(f"Tjänsteskrivelse {day - timedelta(days=7)}", self._organisation())]
        if case.history:
            body, when, num = case.history[-1]
            references.append(self._reference(body, when, num))
        elif self.rng.random() < 0.02 or not self.cited_outside:
            # A few cite a meeting before the archive's first year: plain text in the build report.
            references.append(self._reference(spec.slug, date(self.years[0] - 1, 11, 20), 7))
            self.cited_outside = True
        case.history.append((spec.slug, day, number))
        decider = self.bodies[spec.prepares_for or spec.slug]
        return Item(
            number,
            case.title,
            case.dnr,
            decision=f"{spec.name} föreslår {decider.name.lower()} besluta att godkänna förslaget om {case.topic}.",
            sections=self._summary(case),
            references=tuple(references),
            recipients=(decider.name,),
        )

    def _own_item(self, spec: BodySpec, day: date, year: int, case: _Case) -> Item:
        number = self._number(spec.slug, year)
        case.history.append((spec.slug, day, number))
        return Item(
            number,
            case.title,
            case.dnr,
            decision=f"{spec.name} beslutar att godkänna avtalet om {case.topic} inom given delegation.",
            sections=self._summary(case),
            recipients=("Akt", "Ekonomichef"),
        )

    def _decide_item(
        self,
        spec: BodySpec,
        day: date,
        year: int,
        case: _Case,
        queues: dict[str, deque[_Case]],
        returned: dict[str, deque[_Case]],
    ) -> Item:
        number = self._number(spec.slug, year)
        references = tuple(self._reference(b, d, n) for b, d, n in case.history[-1:])
        case.history.append((spec.slug, day, number))
        roll = self.rng.random()
        votes: tuple[Vote, ...] = ()
        reservations: tuple[Reservation, ...] = ()
        withheld = None
        if roll < 0.07 and case.prep:
            decision = f"{spec.name} beslutar att återremittera ärendet till {self.bodies[case.prep].name.lower()}."
            returned[case.prep].append(case)
        elif roll < 0.14:
            decision = f"{spec.name} beslutar att bordlägga ärendet till nästa sammanträde."
            queues[spec.slug].append(case)
        else:
            decision = f"{spec.name} beslutar att godkänna förslaget om {case.topic}."
            if roll > 0.97:
                votes = (
                    Vote("Bifall till förslaget", yes=(), no=(), result=f"{spec.name} har beslutat enligt förslaget."),
                )
            elif 0.14 < roll < 0.145:
                withheld = Withholding("Sekretess enligt OSL 18 kap. 8 §")
        if withheld:
            # The model of a withheld paragraph holds no text; the YAML source still has it.
            return Item(number, case.title, case.dnr, withheld=withheld)
        return Item(
            number,
            case.title,
            case.dnr,
            decision=decision,
            sections=self._summary(case),
            references=references,
            recipients=("Akt", "Förbundsdirektör"),
            votes=votes,
            reservations=reservations,
        )

    def _meeting(self, spec: BodySpec, day: date, items: list[Item], roster: _Roster) -> None:
        first, last = items[0].number, items[-1].number
        members = list(roster.members)
        attendees = []
        absent = members[3] if self.rng.random() < 0.25 else None
        leaves_after = self.rng.randint(first, last - 1) if last > first and self.rng.random() < 0.1 else None
        for i, person in enumerate(members):
            if person is absent:
                continue
            role = "ordförande" if i == 0 else "vice ordförande" if i == 1 else None
            span = ParagraphRange(first, leaves_after) if leaves_after is not None and i == 4 else None
            attendees.append(
                Attendee(person.name, AttendanceGroup.MEMBER, person.slug, person.municipality, role, None, span)
            )
        for i, person in enumerate(roster.substitutes):
            serving = absent.name if absent is not None and i == 0 else None
            attendees.append(
                Attendee(
                    person.name,
                    AttendanceGroup.SUBSTITUTE,
                    person.slug,
                    person.municipality,
                    "tjänstgörande ersättare" if serving else None,
                    serving,
                    None,
                )
            )
        director, secretary = self.officials["director"], self.officials["secretary"]
        attendees.append(Attendee(director.name, AttendanceGroup.OTHER, director.slug, None, "förbundsdirektör"))
        attendees.append(Attendee(secretary.name, AttendanceGroup.OTHER, secretary.slug, None, "sekreterare"))
        adjuster = members[2]
        signed = ParagraphRange(first, last)
        posted = day + timedelta(days=7)
        while posted.weekday() >= 5:
            posted += timedelta(days=1)
        items = self._votes(items, [a for a in attendees if a.group is not AttendanceGroup.OTHER])
        meeting = Meeting(
            body=spec.slug,
            date=day,
            place="Förbundshuset, Ankeborg",
            start=time(9, 0),
            end=time(11, 30),
            attendees=tuple(attendees),
            adjustment=Adjustment(
                (PersonName(adjuster.name, adjuster.slug),),
                "Digitalt",
                (
                    Signatory("Sekreterare", secretary.name, secretary.slug),
                    Signatory("Ordförande", members[0].name, members[0].slug),
                    Signatory("Justerare", adjuster.name, adjuster.slug),
                ),
                signed,
            ),
            posting=Posting(
                "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.",
                posted,
                appeal_deadline(posted) + timedelta(days=1),
                "Förbundskansliet",
            ),
            agenda=tuple(AgendaEntry(i.number, i.title, i.dnr) for i in items),
            items=tuple(items),
            signing=self._signing(spec, day, posted, members[0], adjuster) if self.rng.random() < 0.3 else None,
        )
        self.meetings.append(meeting)

    def _votes(self, items: list[Item], voters: list[Attendee]) -> list[Item]:
        """Fill in the roll call of the paragraphs that had a vote, with a reservation."""
        names = [PersonName(a.name, a.person) for a in voters if a.group is AttendanceGroup.MEMBER]
        out = []
        for item in items:
            if item.votes and len(names) >= 3:
                vote = replace(item.votes[0], yes=tuple(names[:-1]), no=(names[-1],))
                item = replace(
                    item, votes=(vote,), reservations=(Reservation((names[-1],), "Till förmån för eget yrkande."),)
                )
            elif item.votes:
                item = replace(item, votes=())
            out.append(item)
        return out

    def _signing(self, spec: BodySpec, day: date, posted: date, chair: Person, adjuster: Person) -> SigningRecord:
        document = f"Protokoll {spec.name.lower()} {day.isoformat()}.pdf"
        at = datetime.combine(posted, time(8, 15), tzinfo=UTC)
        return SigningRecord(
            "Exempelsign",
            (
                ElectronicSignature(chair.name, at, f"REF{self.rng.randint(1000, 9999)}", chair.slug),
                ElectronicSignature(
                    adjuster.name.upper(),
                    at + timedelta(minutes=3),
                    f"REF{self.rng.randint(1000, 9999)}",
                    adjuster.slug,
                ),
            ),
            (document,),
            "Signaturerna i detta dokument är juridiskt bindande. "
            "Dokumentet är signerat med Exempelsign säkra digitala signatur.\n\n"
            f"## Dokument i försändelsen\n\n{document}",
        )

    def _organisation(self) -> Organisation:
        return Organisation(
            "Kommunalförbundet Sagoskogen",
            "Sagoskogen",
            PREFIX,
            MUNICIPALITIES,
            tuple(self.bodies.values()),
            tuple(self.persons.values()),
            registrar=REGISTRAR,
            organisation_number=ORGANISATION_NUMBER,
        )


# The accessibility statement's feedback address (a domain that can never be anyone's).
REGISTRAR = "registrator@sagoskogen.example"
# The publisher's number in the open-data catalogue: in the kommunalförbund range (222…) like
# Testmark's, and failing the Luhn check digit, so that it is no real organisation's.
ORGANISATION_NUMBER = "222000-0001"


def synthesise(size: str, seed: int = 1) -> tuple[Organisation, list[Meeting]]:
    years, body_count = SIZES[size]
    synth = _Synth(years, body_count, seed)
    synth.run()
    return synth._organisation(), synth.meetings


def organisation_data(organisation: Organisation) -> dict[str, Any]:
    return {
        "namn": organisation.name,
        "kortnamn": organisation.short_name,
        "dnr_prefix": organisation.dnr_prefix,
        "registrator": organisation.registrar,
        "organisationsnummer": organisation.organisation_number,
        "beskrivning": "Ett påhittat kommunalförbund för tester och mätningar.",
        "överklagande_behöriga": "medlem i en av förbundets medlemskommuner",
        "kommuner": list(organisation.municipalities),
        "organ": [
            {
                "slug": b.slug,
                "namn": b.name,
                "genitiv": b.genitive,
                "beslutsrubrik": b.decision_heading,
                "beskrivning": b.description,
            }
            for b in organisation.bodies
        ],
        "personer": [
            {"namn": p.name, **({"kommun": p.municipality} if p.municipality else {})} for p in organisation.persons
        ],
    }


def write(directory: Path, size: str, seed: int = 1) -> tuple[Organisation, list[Meeting]]:
    """Write the sources of a synthetic archive into ``directory``."""
    organisation, meetings = synthesise(size, seed)
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "organisation.yaml").write_text(dump_data(organisation_data(organisation)), encoding="utf-8")
    bodies = {b.slug: b for b in organisation.bodies}
    for i, meeting in enumerate(meetings):
        folder = directory / meeting.body
        folder.mkdir(exist_ok=True)
        structured = any(item.withheld or item.votes for item in meeting.items)
        if structured or i % 2:
            (folder / f"{meeting.slug}.yaml").write_text(_yaml_source(meeting), encoding="utf-8")
        else:
            # Most in the seed's layout; every fourth Markdown meeting in one of the other three.
            written = i // 2
            layout = LAYOUTS[1 + (written // 4) % 3] if written % 4 == 1 else LAYOUTS[0]
            text = export(meeting, bodies[meeting.body], PREFIX, layout)
            (folder / f"{meeting.slug}.md").write_text(text, encoding="utf-8")
    return organisation, meetings


def _yaml_source(meeting: Meeting) -> str:
    data = to_data(meeting)
    for item_data, item in zip(data["paragrafer"], meeting.items, strict=True):
        if item.withheld:
            # The protocol in the diarium has the text; the build must leave it out.
            item_data["beslut"] = "Hemlig text om brandväggsregler och adresser i serverhallen."
    return dump_data(data)
