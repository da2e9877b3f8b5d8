"""The archive's content model: plain typed data, filled by the readers, read by everything after.

Names follow OParl 1.1 where they fit: an organisation (Body) has bodies (Organization), persons,
meetings; a meeting has agenda items (paragraphs); a case (Paper) is handled at several meetings.
Nothing downstream of the readers parses text again: every fact has its own field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from zoneinfo import ZoneInfo

from generator.model.deadlines import appeal_deadline
from generator.model.dnr import Dnr

__all__ = [
    "STOCKHOLM",
    "SUMMARY_HEADING",
    "Accessibility",
    "Adjustment",
    "AgendaEntry",
    "AttendanceGroup",
    "Attendee",
    "Body",
    "Correction",
    "Dnr",
    "Document",
    "ElectronicSignature",
    "Extra",
    "Item",
    "ItemRef",
    "Meeting",
    "Organisation",
    "OriginalFile",
    "ParagraphRange",
    "Person",
    "PersonName",
    "Posting",
    "Reference",
    "Reservation",
    "Section",
    "Signatory",
    "SignatureCheck",
    "SignatureStatus",
    "SigningRecord",
    "Vote",
    "Withholding",
]

# Meetings are held, and their times written, in Swedish local time.
STOCKHOLM = ZoneInfo("Europe/Stockholm")


@dataclass(frozen=True)
class Person:
    """A person in the organisation's roster; ``aliases`` are other spellings of the name."""

    slug: str
    name: str
    aliases: tuple[str, ...] = ()
    municipality: str | None = None


@dataclass(frozen=True)
class Body:
    """A body of the organisation (direktion, beredning, nämnd) whose meetings are protocolled."""

    slug: str
    name: str  # "Direktionen"
    genitive: str  # "Direktionens": used in references such as "Direktionens sammanträde ..."
    decision_heading: str  # "Direktionens beslut"
    description: str = ""
    schedule: tuple[date, ...] = ()  # planned sammanträdesdagar, for the calendar


@dataclass(frozen=True)
class Accessibility:
    """What the tillgänglighetsredogörelse says that only the organisation knows (DOS-lagen):
    how well the site conforms, when that was judged and how, and what is known not to be
    accessible. The archive adds what it knows itself (the signed originals)."""

    contact: str = ""  # where to report a shortcoming or ask for content in another form
    conformance: str = "delvis förenlig"  # helt förenlig, delvis förenlig or inte förenlig
    assessed: date | None = None  # when conformance was last judged
    updated: date | None = None  # when the statement was last changed
    method: str = ""  # how it was judged (självskattning, granskning av extern part)
    shortcomings: tuple[str, ...] = ()  # content known not to be accessible, and why


@dataclass(frozen=True)
class Organisation:
    """The organisation (kommunalförbund, kommun) that keeps the diarium and owns the bodies."""

    name: str
    short_name: str
    dnr_prefix: str
    municipalities: tuple[str, ...]
    bodies: tuple[Body, ...]
    persons: tuple[Person, ...]
    description: str = ""
    appeal_standing: str = ""  # who may appeal, e.g. "medlem i en av förbundets medlemskommuner"
    # Words the organisation adds to the layout vocabulary: ("huvud.beslutande", ("Närvarande",))
    vocabulary: tuple[tuple[str, tuple[str, ...]], ...] = ()
    municipality_codes: tuple[tuple[str, str], ...] = ()  # ("ÅTV", "Åtvidabergs kommun")
    registrar: str = ""  # the registrator's e-mail address, for requests for documents
    organisation_number: str = ""  # organisationsnummer, e.g. 222000-1234: identifies the data's publisher
    accessibility: Accessibility = field(default_factory=Accessibility)

    def body(self, slug: str) -> Body | None:
        return next((body for body in self.bodies if body.slug == slug), None)


@dataclass(frozen=True)
class ParagraphRange:
    """An inclusive range of § numbers, as in "§§ 65-72"."""

    first: int
    last: int
    # Further spans after a gap, as written ("§§ 61-64, 69"): (first, last) each.
    also: tuple[tuple[int, int], ...] = ()

    def spans(self) -> tuple[tuple[int, int], ...]:
        return ((self.first, self.last), *self.also)

    def __contains__(self, number: object) -> bool:
        return isinstance(number, int) and any(first <= number <= last for first, last in self.spans())

    def __str__(self) -> str:
        if not self.also:
            return f"§ {self.first}" if self.first == self.last else f"§§ {self.first}–{self.last}"
        return "§§ " + ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in self.spans())


class AttendanceGroup(StrEnum):
    """The three groups of a protocol's attendance list."""

    MEMBER = "beslutande"  # ledamöter with the right to decide
    SUBSTITUTE = "ersättare"  # serving ("tjänstgörande") or not
    OTHER = "övriga"  # övriga närvarande: officials, guests


@dataclass(frozen=True)
class Attendee:
    """One line of attendance: who, for whom, in which role, and for which paragraphs."""

    name: str  # as written in the protocol
    group: AttendanceGroup
    person: str | None = None  # roster slug; None when the name is not in the roster
    municipality: str | None = None
    role: str | None = None  # "ordförande", "vice ordförande", a title such as "förbundsdirektör"
    serving_for: str | None = None  # the member a tjänstgörande ersättare replaces
    paragraphs: ParagraphRange | None = None  # None: the whole meeting
    party: str | None = None  # party code as written, e.g. "S"
    line: int = field(default=0, compare=False)  # where it is written, for messages

    def present_at(self, number: int) -> bool:
        return self.paragraphs is None or number in self.paragraphs


@dataclass(frozen=True)
class PersonName:
    """A name as the protocol writes it and the roster person it names (None when not in the roster).

    Readers resolve every name once, so the index and the pages never look names up again.
    """

    name: str
    person: str | None = None

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Signatory:
    """A signature line: role (Sekreterare, Ordförande, Justerare) and name."""

    role: str
    name: str
    person: str | None = None


@dataclass(frozen=True)
class Adjustment:
    """Justering: who adjusts the protocol, where and when, and who signs which paragraphs."""

    adjusters: tuple[PersonName, ...]
    place_and_time: str
    signatories: tuple[Signatory, ...]
    signed: ParagraphRange | None
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Extra:
    """A part of the protocol's header that no field holds (an unknown label, a line of text):
    kept as written under its own label, so that nothing the protocol says is lost."""

    label: str
    text: str
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Posting:
    """ANSLAG/BEVIS: the notice on the anslagstavla that the protocol has been adjusted."""

    statement: str  # "Protokollet är justerat. Justeringen har tillkännagivits genom anslag."
    posted: date
    taken_down: date | None  # many protocols give only the day it went up
    kept_at: str
    printed_deadline: date | None = None  # a last day to appeal as the source prints it, if it does
    line: int = field(default=0, compare=False)

    @property
    def appeal_deadline(self) -> date:
        return appeal_deadline(self.posted)

    @property
    def until(self) -> date:
        """The last day the notice is up: as written, else the appeal deadline, the least it must stay."""
        return self.taken_down or self.appeal_deadline


@dataclass(frozen=True)
class ElectronicSignature:
    """One signature record of an e-signing service, with its UTC time."""

    signer: str  # as the service writes it, e.g. "Nils Jacob Gösta Käll"
    signed_at: datetime
    reference: str = ""  # the service's identifier for the signer
    person: str | None = None  # roster slug, through the person's aliases


@dataclass(frozen=True)
class SigningRecord:
    """The e-signing service's page appended to the signed PDF."""

    service: str
    signatures: tuple[ElectronicSignature, ...]
    documents: tuple[str, ...]
    text: str  # the service's own statement, Markdown, kept as published


class SignatureStatus(StrEnum):
    VALID = "giltig"  # the signature matches the document: unaltered since it was signed
    INVALID = "ogiltig"  # it does not: changed after signing, or a broken signature
    UNREADABLE = "oläsbar"  # the PDF could not be read to check it


@dataclass(frozen=True)
class SignatureCheck:
    """What a PAdES signature in the original PDF says, checked when the archive is built."""

    status: SignatureStatus
    signer: str  # the certificate's subject
    signed_at: datetime | None = None  # as the signature reports it, UTC


@dataclass(frozen=True)
class OriginalFile:
    """The signed original as a file: OParl's File with its size and SHA-512."""

    size: int
    sha512: str
    signatures: tuple[SignatureCheck, ...] = ()


@dataclass(frozen=True)
class AgendaEntry:
    """A line of the ärendelista as published (its page numbers are PDF furniture, dropped)."""

    number: int
    title: str
    dnr: tuple[Dnr, ...] = ()


@dataclass(frozen=True)
class Vote:
    """Omröstning: a roll call or count, with the result as recorded."""

    question: str
    yes: tuple[PersonName, ...] = ()
    no: tuple[PersonName, ...] = ()
    abstaining: tuple[PersonName, ...] = ()
    result: str = ""


@dataclass(frozen=True)
class Reservation:
    """A reservation against a decision, by one or more persons."""

    by: tuple[PersonName, ...]
    text: str = ""


@dataclass(frozen=True)
class Withholding:
    """A paragraph published withheld: title and dnr shown, text left out, ground stated."""

    ground: str  # e.g. "Sekretess enligt OSL 18 kap. 8 §"


@dataclass(frozen=True)
class Correction:
    """A rättelse: a published protocol changed afterwards, on a day, for a stated reason."""

    day: date
    reason: str
    line: int = field(default=0, compare=False)


@dataclass(frozen=True, order=True)
class ItemRef:
    """The address of a paragraph: body, meeting date and § number."""

    body: str
    date: date
    number: int


@dataclass(frozen=True)
class Reference:
    """A beslutsunderlag line as published; ``target`` when it names a meeting and §,
    ``document`` (a ``Document.name`` of the same §) when it is one of the § 's handlingar."""

    text: str
    target: ItemRef | None = None
    document: str = ""


@dataclass(frozen=True)
class Document:
    """A handling: a document (PDF) behind the paragraph's decision, kept beside its protocol in
    ``<body>/<date>-handlingar/``; OParl's File. ``size``, ``sha512`` and ``pages`` are read from
    the file itself (``pages``: each page's text, None when it has no text layer). A withheld
    document has only its title and ground: its file is never read nor published."""

    name: str  # the file's name in the meeting's handlingar folder, as written: "delarsrapport.pdf"
    title: str
    file: str = ""  # its path inside protocols/ (set when the file was checked on reading)
    size: int = 0
    sha512: str = ""
    pages: tuple[str, ...] | None = field(default=None, compare=False)
    withheld: Withholding | None = None
    line: int = field(default=0, compare=False)  # where the source names it, for messages

    @property
    def searchable(self) -> bool:
        return self.pages is not None


@dataclass(frozen=True)
class Section:
    """A headed part of a paragraph, such as "Sammanfattning av ärendet"; text is Markdown.

    A withheld section keeps its heading and ground; its text never enters the model.
    """

    heading: str
    text: str
    withheld: Withholding | None = None


SUMMARY_HEADING = "Sammanfattning av ärendet"


@dataclass(frozen=True)
class Item:
    """A paragraph (§) of the protocol: OParl's AgendaItem with its decision."""

    number: int
    title: str
    dnr: tuple[Dnr, ...] = ()
    decision: str = ""  # Markdown
    decision_heading: str = ""  # as published when it is not the body's own ("Arbetsutskottets förslag till …")
    proposal: str = ""  # Markdown: a proposal put to the body ("Arbetsutskottets förslag"), not a decision
    proposal_heading: str = ""  # its heading as published
    sections: tuple[Section, ...] = ()  # in published order, summary included
    references: tuple[Reference, ...] = ()  # beslutsunderlag
    recipients: tuple[str, ...] = ()  # beslutsexpediering
    motions: tuple[str, ...] = ()  # yrkanden
    votes: tuple[Vote, ...] = ()
    reservations: tuple[Reservation, ...] = ()
    disqualified: tuple[PersonName, ...] = ()  # jäv: persons who did not take part
    notes: tuple[str, ...] = ()  # protokollsanteckningar
    adjusted_immediately: bool = False  # omedelbar justering
    # True when votes, reservations and jäv were read from the paragraph's own sections (a
    # Markdown protocol): the sections show them as published; the fields are the facts.
    facts_from_text: bool = False
    withheld: Withholding | None = None
    # Handlingar: the documents behind the decision (never those of a withheld paragraph).
    documents: tuple[Document, ...] = ()
    line: int = field(default=0, compare=False)  # where the § starts in its source, for messages

    @property
    def anchor(self) -> str:
        return f"paragraf-{self.number}"

    @property
    def published_documents(self) -> tuple[Document, ...]:
        """The handlingar whose file the site publishes: none of a withheld paragraph, no withheld one."""
        if self.withheld is not None:
            return ()
        return tuple(d for d in self.documents if d.withheld is None and d.sha512)

    def document(self, name: str) -> Document | None:
        """The published handling of this paragraph by its file name."""
        return next((d for d in self.published_documents if d.name == name), None)

    @property
    def summary(self) -> str:
        return next((s.text for s in self.sections if s.heading == SUMMARY_HEADING), "")


Day = date  # within Meeting, ``date`` names its field


@dataclass(frozen=True)
class Meeting:
    """A meeting (sammanträde) of one body, with everything its protocol says."""

    body: str  # body slug
    date: date
    place: str
    start: time | None
    end: time | None
    attendees: tuple[Attendee, ...]
    adjustment: Adjustment | None
    posting: Posting | None
    agenda: tuple[AgendaEntry, ...]
    items: tuple[Item, ...]
    signing: SigningRecord | None = None
    original: str | None = None  # the signed PDF, a path inside protocols/ (checked on reading)
    original_redacted: bool = False  # the PDF given is a redacted copy (required when parts are withheld)
    # Read from the file itself, not from the source: its checksum and signatures.
    original_file: OriginalFile | None = field(default=None, compare=False)
    source: str = field(default="", compare=False)  # path relative to protocols/, for messages
    original_line: int = field(default=0, compare=False)
    # As recorded when the PDF was imported ("" when none was): a build refuses a changed original.
    original_sha512: str = field(default="", compare=False)
    time_line: int = field(default=0, compare=False)  # where start and end are written
    # The personnummer the source lets through with a reason (ten digits each): in its original,
    # its handlingar and the pages built from it too.
    allowed_numbers: frozenset[str] = field(default=frozenset(), compare=False)
    corrections: tuple[Correction, ...] = ()  # rättelser made after publishing, oldest first
    absentees: tuple[PersonName, ...] = ()  # "Anmält förhinder": named in the protocol, not present
    posting_undated: bool = False  # an anslag without dates (older protocols were dated by hand)
    extras: tuple[Extra, ...] = ()  # header parts no field holds, as written
    annexes: tuple[Extra, ...] = ()  # annexes printed with the protocol (a närvarolista), as written

    @property
    def slug(self) -> str:
        return self.date.isoformat()

    @property
    def published_on(self) -> Day:
        """The day the protocol became public: its anslag, or (without one) the meeting's day."""
        return self.posting.posted if self.posting else self.date

    @property
    def changed_on(self) -> Day:
        """The day the published text last changed: its latest rättelse, else its publishing."""
        return max((c.day for c in self.corrections), default=self.published_on)

    @property
    def withholds(self) -> bool:
        """Whether any paragraph, or any part of one, is withheld from the web."""
        return any(item.withheld or any(s.withheld for s in item.sections) for item in self.items)

    def present_at(self, number: int) -> list[Attendee]:
        """Attendees who were present for § ``number``."""
        return [a for a in self.attendees if a.present_at(number)]

    def absent_from(self, number: int) -> list[Attendee]:
        """Attendees of the meeting who were not present for § ``number``."""
        return [a for a in self.attendees if not a.present_at(number)]
