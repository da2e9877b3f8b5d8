"""The YAML source format: one meeting per file, Swedish field names, long texts in Markdown.

``to_data`` writes the canonical form of a model (``arkiv convert``); ``read_yaml`` reads it back.
The two are kept side by side so that a round trip gives an equal model.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from typing import Any, TypeVar

import yaml

from generator import messages
from generator.model import (
    Adjustment,
    AgendaEntry,
    AttendanceGroup,
    Attendee,
    Body,
    Correction,
    Document,
    ElectronicSignature,
    Extra,
    Item,
    Meeting,
    Organisation,
    ParagraphRange,
    PersonName,
    Posting,
    Reservation,
    Section,
    Signatory,
    SigningRecord,
    Vote,
    Withholding,
)
from generator.model.dnr import Dnr, DnrError, parse
from generator.model.roster import roster_for
from generator.problems import Problems, SourceError
from generator.readers import personal_data
from generator.readers.attendance import RANGE, paragraph_range
from generator.readers.documents import tie
from generator.readers.guards import control_character
from generator.readers.markers import MARKER_LIKE, misspelt_marker
from generator.readers.references import parse_reference
from generator.readers.schema_check import check
from generator.readers.source_text import SourceText
from generator.readers.yaml_source import Path, YamlDocument, kind_of, load, strings

T = TypeVar("T")


# -- model -> data -----------------------------------------------------------------------------


def _ground(withheld: Withholding | None) -> dict[str, str] | None:
    """A withholding as YAML writes it ("sekretess: {grund: …}"), or None."""
    return {"grund": withheld.ground} if withheld else None


def _range(value: ParagraphRange | None) -> str | None:
    if value is None:
        return None
    return str(value.first) if value.first == value.last else f"{value.first}-{value.last}"


def _clock(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def _dnr(values: tuple[Dnr, ...]) -> list[str]:
    return [str(d) for d in values]


def _names(values: tuple[PersonName, ...]) -> list[str]:
    return [value.name for value in values]


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    """Leave out empty optional fields so the canonical file stays short."""
    return {k: v for k, v in data.items() if v not in (None, "", [], {}, False)}


def to_data(meeting: Meeting) -> dict[str, Any]:
    """The canonical YAML data of a meeting."""
    adjustment = meeting.adjustment
    posting = meeting.posting
    signing = meeting.signing
    return _compact(
        {
            "organ": meeting.body,
            "datum": meeting.date.isoformat(),
            "plats": meeting.place,
            "original_maskerad" if meeting.original_redacted else "original": meeting.original,
            "start": _clock(meeting.start),
            "slut": _clock(meeting.end),
            "närvaro": [
                _compact(
                    {
                        "namn": a.name,
                        "grupp": a.group.value,
                        "kommun": a.municipality,
                        "roll": a.role,
                        "ersätter": a.serving_for,
                        "paragrafer": _range(a.paragraphs),
                        "parti": a.party,
                    }
                )
                for a in meeting.attendees
            ],
            "justering": adjustment
            and _compact(
                {
                    "justerare": _names(adjustment.adjusters),
                    "plats_och_tid": adjustment.place_and_time,
                    "underskrifter": [{"roll": s.role, "namn": s.name} for s in adjustment.signatories],
                    "paragrafer": _range(adjustment.signed),
                }
            ),
            "anslag": posting
            and _compact(
                {
                    "text": posting.statement,
                    "uppsatt": posting.posted.isoformat(),
                    "nedtaget": posting.taken_down and posting.taken_down.isoformat(),
                    "förvaringsplats": posting.kept_at,
                    "sista_dag": posting.printed_deadline and posting.printed_deadline.isoformat(),
                }
            ),
            "ärendelista": [
                _compact({"paragraf": e.number, "rubrik": e.title, "dnr": _dnr(e.dnr)}) for e in meeting.agenda
            ],
            "paragrafer": [_item_data(item) for item in meeting.items],
            "rättelser": [{"datum": c.day.isoformat(), "skäl": c.reason} for c in meeting.corrections],
            "anmält_förhinder": _names(meeting.absentees),
            "anslag_utan_datum": meeting.posting_undated,
            "övrigt": [{"rubrik": e.label, "text": e.text} for e in meeting.extras],
            "bilagor": [{"rubrik": e.label, "text": e.text} for e in meeting.annexes],
            "signering": signing
            and _compact(
                {
                    "tjänst": signing.service,
                    "underskrifter": [
                        _compact(
                            {
                                "namn": s.signer,
                                "tidpunkt": s.signed_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                                "referens": s.reference,
                            }
                        )
                        for s in signing.signatures
                    ],
                    "dokument": list(signing.documents),
                    "text": signing.text,
                }
            ),
        }
    )


def _item_data(item: Item) -> dict[str, Any]:
    return _compact(
        {
            "paragraf": item.number,
            "rubrik": item.title,
            "dnr": _dnr(item.dnr),
            "sekretess": _ground(item.withheld),
            "beslut": item.decision,
            "beslutsrubrik": item.decision_heading,
            "förslag": item.proposal,
            "förslagsrubrik": item.proposal_heading,
            "avsnitt": [
                _compact(
                    {
                        "rubrik": s.heading,
                        "text": s.text,
                        "sekretess": _ground(s.withheld),
                    }
                )
                for s in item.sections
            ],
            "beslutsunderlag": [r.text for r in item.references],
            "handlingar": [
                _compact(
                    {
                        "fil": d.name,
                        "titel": d.title,
                        "sekretess": _ground(d.withheld),
                    }
                )
                for d in item.documents
            ],
            "beslutsexpediering": list(item.recipients),
            "yrkanden": list(item.motions),
            "omröstningar": [
                _compact(
                    {
                        "fråga": v.question,
                        "ja": _names(v.yes),
                        "nej": _names(v.no),
                        "avstår": _names(v.abstaining),
                        "resultat": v.result,
                    }
                )
                for v in item.votes
            ],
            "reservationer": [_compact({"av": _names(r.by), "text": r.text}) for r in item.reservations],
            "jäv": _names(item.disqualified),
            "fakta_ur_text": item.facts_from_text,
            "protokollsanteckningar": list(item.notes),
            "omedelbar_justering": item.adjusted_immediately,
        }
    )


class _Dumper(yaml.SafeDumper):
    """Writes multi-line texts as literal blocks, the way a person would type them."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump_data(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def dump(meeting: Meeting) -> str:
    """The canonical YAML source of a meeting (``arkiv convert``)."""
    return dump_data(to_data(meeting))


# -- data -> model -----------------------------------------------------------------------------


class YamlReader:
    """Reads a schema-checked YAML document into a ``Meeting``, locating every bad value."""

    def __init__(self, organisation: Organisation, body: Body, doc: YamlDocument, problems: Problems):
        self.org = organisation
        self.body = body
        self.doc = doc
        self.problems = problems
        self.roster = roster_for(organisation.persons)

    def error(self, path: Path, message: str) -> None:
        self.problems.error(self.doc.file, self.doc.line(path), message, self.doc.column(path))

    def convert(self, path: Path, value: Any, make: Callable[[Any], T], template: str) -> T | None:
        if value is None:
            return None
        try:
            return make(value)
        except (ValueError, DnrError):
            self.error(path, template.format(field=".".join(map(str, path)), value=value))
            return None

    def parse_date(self, path: Path, value: Any) -> date | None:
        return self.convert(path, value, date.fromisoformat, messages.DATE_INVALID)

    def parse_clock(self, path: Path, value: Any) -> time | None:
        return self.convert(
            path, value, lambda v: time.fromisoformat(v.replace(".", ":").zfill(5)), messages.TIME_INVALID
        )

    def parse_range(self, path: Path, value: Any) -> ParagraphRange | None:
        def make(v: Any) -> ParagraphRange:
            found = RANGE.fullmatch(str(v).strip()) or RANGE.fullmatch(f"§ {v}".strip())
            if not found:
                raise ValueError(v)
            return paragraph_range(found[1], found[2])

        return self.convert(path, value, make, messages.RANGE_INVALID)

    def parse_dnr(self, path: Path, values: list[str] | None) -> tuple[Dnr, ...]:
        found = []
        for i, value in enumerate(values or ()):
            dnr = self.convert((*path, i), value, lambda v: parse(v, self.org.dnr_prefix), messages.DNR_INVALID)
            if dnr:
                found.append(dnr)
        return tuple(found)

    def person(self, name: str, path: Path | None = None) -> str | None:
        person = self.roster.lookup(name)
        if person is None and path is not None:
            self.problems.warning(
                self.doc.file,
                self.doc.line(path),
                messages.PERSON_NOT_IN_ROSTER.format(name=name),
                self.doc.column(path),
            )
        return person.slug if person else None

    def read(self, file_date: date) -> Meeting | None:
        if not isinstance(self.doc.data, dict):
            self.error((), messages.YAML_NOT_MAPPING.format(kind=kind_of(self.doc.data)))
            return None
        if not check(self.doc, "meeting", self.problems):
            return None
        data = self.doc.data
        if data["organ"] != self.body.slug:
            self.error(("organ",), messages.BODY_MISMATCH.format(written=data["organ"], expected=self.body.slug))
        meeting_date = self.parse_date(("datum",), data["datum"])
        if meeting_date and meeting_date != file_date:
            self.error(("datum",), messages.DATE_MISMATCH.format(written=meeting_date, expected=file_date))
        attendees = tuple(self.attendee(("närvaro", i), a) for i, a in enumerate(data.get("närvaro", ())))
        return Meeting(
            body=self.body.slug,
            date=file_date,
            place=data.get("plats", ""),
            start=self.parse_clock(("start",), data.get("start")),
            end=self.parse_clock(("slut",), data.get("slut")),
            attendees=attendees,
            adjustment=self.adjustment(data.get("justering")),
            posting=self.posting(data.get("anslag")),
            agenda=tuple(
                AgendaEntry(e["paragraf"], e["rubrik"], self.parse_dnr(("ärendelista", i, "dnr"), e.get("dnr")))
                for i, e in enumerate(data.get("ärendelista", ()))
            ),
            items=tuple(self.item(("paragrafer", i), d) for i, d in enumerate(data["paragrafer"])),
            signing=self.signing(data.get("signering")),
            original=data.get("original") or data.get("original_maskerad"),
            original_redacted="original_maskerad" in data,
            source=self.doc.file,
            original_line=self.doc.line(("original_maskerad",) if "original_maskerad" in data else ("original",)),
            time_line=self.doc.line(("slut",)),
            corrections=self.corrections(data.get("rättelser", ())),
            absentees=self.roster.names(data.get("anmält_förhinder", ())),
            posting_undated=data.get("anslag_utan_datum", False),
            extras=tuple(Extra(e.get("rubrik", ""), e.get("text", "")) for e in data.get("övrigt", ())),
            annexes=tuple(Extra(e.get("rubrik", ""), e.get("text", "")) for e in data.get("bilagor", ())),
        )

    def attendee(self, path: Path, data: dict[str, Any]) -> Attendee:
        return Attendee(
            name=data["namn"],
            group=AttendanceGroup(data["grupp"]),
            person=self.person(data["namn"], (*path, "namn")),
            municipality=data.get("kommun"),
            role=data.get("roll"),
            serving_for=data.get("ersätter"),
            paragraphs=self.parse_range((*path, "paragrafer"), data.get("paragrafer")),
            party=data.get("parti"),
            line=self.doc.line(path),
        )

    def adjustment(self, data: dict[str, Any] | None) -> Adjustment | None:
        if data is None:
            return None
        return Adjustment(
            adjusters=self.roster.names(data.get("justerare", ())),
            place_and_time=data.get("plats_och_tid", ""),
            signatories=tuple(
                Signatory(s["roll"], s["namn"], self.person(s["namn"])) for s in data.get("underskrifter", ())
            ),
            signed=self.parse_range(("justering", "paragrafer"), data.get("paragrafer")),
            line=self.doc.line(("justering", "paragrafer")),
        )

    def posting(self, data: dict[str, Any] | None) -> Posting | None:
        if data is None:
            return None
        posted = self.parse_date(("anslag", "uppsatt"), data["uppsatt"])
        taken_down = self.parse_date(("anslag", "nedtaget"), data["nedtaget"])
        if posted is None or taken_down is None:
            return None
        printed = self.parse_date(("anslag", "sista_dag"), data.get("sista_dag"))
        return Posting(
            data.get("text", ""), posted, taken_down, data["förvaringsplats"], printed, self.doc.line(("anslag",))
        )

    def item(self, path: Path, data: dict[str, Any]) -> Item:
        withheld = Withholding(data["sekretess"]["grund"]) if "sekretess" in data else None
        item = Item(
            number=data["paragraf"],
            title=data["rubrik"],
            dnr=self.parse_dnr((*path, "dnr"), data.get("dnr")),
            withheld=withheld,
            line=self.doc.line(path),
        )
        if withheld:
            return item  # the withheld text never enters the model, so no page can show it
        documents = tuple(
            Document(
                d["fil"],
                d["titel"],
                withheld=Withholding(d["sekretess"]["grund"]) if "sekretess" in d else None,
                line=self.doc.line((*path, "handlingar", i)),
            )
            for i, d in enumerate(data.get("handlingar", ()))
        )
        return Item(
            number=item.number,
            title=item.title,
            dnr=item.dnr,
            decision=data.get("beslut", ""),
            decision_heading=data.get("beslutsrubrik", ""),
            proposal=data.get("förslag", ""),
            proposal_heading=data.get("förslagsrubrik", ""),
            sections=tuple(self.section(s) for s in data.get("avsnitt", ())),
            references=tie(
                tuple(parse_reference(text, self.org) for text in data.get("beslutsunderlag", ())), documents
            ),
            documents=documents,
            recipients=tuple(data.get("beslutsexpediering", ())),
            motions=tuple(data.get("yrkanden", ())),
            votes=tuple(
                Vote(
                    v["fråga"],
                    self.roster.names(v.get("ja", ())),
                    self.roster.names(v.get("nej", ())),
                    self.roster.names(v.get("avstår", ())),
                    v.get("resultat", ""),
                )
                for v in data.get("omröstningar", ())
            ),
            reservations=tuple(
                Reservation(self.roster.names(r["av"]), r.get("text", "")) for r in data.get("reservationer", ())
            ),
            disqualified=self.roster.names(data.get("jäv", ())),
            facts_from_text=data.get("fakta_ur_text", False),
            notes=tuple(data.get("protokollsanteckningar", ())),
            adjusted_immediately=data.get("omedelbar_justering", False),
            line=item.line,
        )

    def section(self, data: dict[str, Any]) -> Section:
        if "sekretess" in data:
            # A withheld part: its heading and ground are published, its text never read.
            return Section(data.get("rubrik", ""), "", Withholding(data["sekretess"]["grund"]))
        return Section(data.get("rubrik", ""), data.get("text", ""))

    def corrections(self, data: list[dict[str, Any]]) -> tuple[Correction, ...]:
        found = []
        for i, entry in enumerate(data):
            path = ("rättelser", i, "datum")
            day = self.parse_date(path, entry["datum"])
            if day is not None:
                found.append(Correction(day, entry["skäl"], self.doc.line(path)))
        return tuple(found)

    def signing(self, data: dict[str, Any] | None) -> SigningRecord | None:
        if data is None:
            return None
        signatures = []
        for i, s in enumerate(data.get("underskrifter", ())):
            when = self.convert(
                ("signering", "underskrifter", i, "tidpunkt"),
                s["tidpunkt"],
                _utc_moment,
                messages.DATETIME_INVALID,
            )
            if when:
                signatures.append(ElectronicSignature(s["namn"], when, s.get("referens", ""), self.person(s["namn"])))
        return SigningRecord(
            data.get("tjänst", ""), tuple(signatures), tuple(data.get("dokument", ())), data.get("text", "")
        )


def _utc_moment(value: str) -> datetime:
    """A signing time with its time zone (Z or +01:00), as UTC; one without a zone is refused,
    since it cannot be compared with the others."""
    moment = datetime.fromisoformat(value.replace(" ", "T"))
    if moment.tzinfo is None:
        raise ValueError(value)
    return moment.astimezone(UTC)


def read(source: SourceText, problems: Problems) -> Meeting | None:
    """The registry's entry: a YAML meeting file (``generator.readers.registry``)."""
    try:
        doc = load(source.text, source.file)
    except SourceError as exc:
        problems.items.append(exc.problem)
        return None
    # What is published is the values as read: a double-quoted escape ("\\x01", "\\u002d") may
    # make a control character or a personnummer that the text as written does not show.
    for at, value in strings(doc):
        if character := control_character(value):
            problems.error(source.file, at, messages.CONTROL_CHARACTER.format(character=character))
    for at, found in personal_data.find_in_values(source.text, strings(doc)):
        problems.error(source.file, at, messages.PERSONNUMMER.format(value=found))
    if "!" in source.text:  # only then can a marker, or one an editor misspelt, be there
        for number, line in enumerate(source.text.splitlines(), start=1):
            if MARKER_LIKE.search(line) or misspelt_marker(line):
                problems.error(source.file, number, messages.MARKER_IN_YAML)
    return YamlReader(source.organisation, source.body, doc, problems).read(source.file_date)
