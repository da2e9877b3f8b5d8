"""What every region reader of one file shares: the organisation's roster and vocabulary, the
body, the file's date, where problems and the ``arkiv explain`` trace go, and the questions
about names, headings and dnr that more than one region asks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from typing import Any

from generator import messages
from generator.model import (
    AttendanceGroup,
    Attendee,
    Body,
    Organisation,
    PersonName,
)
from generator.model.dnr import Dnr, DnrError, parse_many
from generator.model.roster import Roster, roster_for
from generator.problems import Problems
from generator.readers.attendance import (
    AttendanceReader,
    AttendanceWords,
)
from generator.readers.markdown.annex_tables import ATTENDANCE_GROUPS
from generator.readers.markdown.text import (
    _ISO_DATE,
    Line,
    _date_of,
)
from generator.readers.vocabulary import Vocabulary, normalise, same_word, vocabulary_for

# Headings judged known or not, per vocabulary and body (``ReadContext.is_known_heading``).
_KNOWN_HEADINGS: dict[tuple[object, ...], Any] = {}


SEEN_LIMIT = 200_000  # lines remembered per body (a few MB at most)


_SHARED: dict[int, tuple[Organisation, Roster, Vocabulary, AttendanceReader]] = {}


def _shared(organisation: Organisation) -> tuple[Roster, Vocabulary, AttendanceReader]:
    """What every reader of one organisation's files shares, made once (not once per file)."""
    known = _SHARED.get(id(organisation))
    if known is None or known[0] is not organisation:
        roster = roster_for(organisation.persons)
        vocabulary = vocabulary_for(organisation.vocabulary)
        words = vocabulary.attendance
        attendance = AttendanceReader(
            roster,
            organisation.municipalities,
            AttendanceWords(
                serving_for=words["tjänstgör_för"],
                vacant=words["vakant"],
                took_part=words["deltog"],
                roles=words["roller"],
                municipality_codes=organisation.municipality_codes,
                not_persons=(organisation.name, organisation.short_name, organisation.dnr_prefix),
                absent=words["frånvarande"],
                parties=words["partier"],
                role_endings=words["rolländelser"],
                company_forms=words["bolagsformer"],
                organisation_endings=words["organisationsändelser"],
            ),
        )
        _SHARED.clear()  # one organisation per build: keep no other alive
        known = _SHARED[id(organisation)] = (organisation, roster, vocabulary, attendance)
    return known[1], known[2], known[3]


CHAIR_ROLE = re.compile(r"(?i)(?:(?:1:e|2:e|förste|andre) )?(?:vice )?ordförande(?:n)?")


def shared_memo(store: dict[tuple[object, ...], Any], vocabulary: Vocabulary, *key: object) -> dict[str, Any]:
    """A memo shared by the files read with one vocabulary (and ``key``): lines recur from meeting
    to meeting. The vocabulary is kept beside it, so that its id never becomes another's."""
    return store.setdefault((id(vocabulary), *key), (vocabulary, {}))[1]  # type: ignore[no-any-return]


def role_key(role: str) -> str:
    """ "Vice ordföranden" and "vice ordförande" as one key."""
    return re.sub(r"ordföranden\b", "ordförande", normalise(role))


# "Nämnd:" before a title line's value: a saved web page writes its fields so.
_FIELD_NAME = re.compile(r"^[^\s:]{2,20}:\s*")
# Words that join the body's name to the organisation's in a title ("… för …", "… i …").
_NAME_JOINERS = frozenset({"för", "i", "inom", "vid", "hos"})


_TO_BODY_WORDS = 5  # "förslag till kommunfullmäktige i Ankeborg": a body named, no sentence


class ReadContext:
    """The state and questions shared by the region readers of one file."""

    def __init__(self, organisation: Organisation, body: Body, file: str, problems: Problems) -> None:
        self.org = organisation
        self.body = body
        self.file = file
        self.problems = problems
        self.roster, self.vocabulary, self.attendance = _shared(organisation)
        # What each line became, for ``arkiv explain``: line number -> (region, what).
        self.trace: dict[int, tuple[str, str]] = {}
        # Headings recur from paragraph to paragraph and meeting to meeting: judged once per body.
        self.known_headings: dict[str, bool] = shared_memo(_KNOWN_HEADINGS, self.vocabulary, body.slug, body.name)
        self.file_date = date.min  # the meeting's date, from the file's name (set by the reader)
        self.date_line = ""  # the meeting date as a line of its own (set by the reader)
        # The shipped sentence patterns for facts all hold one of _FACT_WORDS; an organisation's own may not.
        self.fact_words_only = not any(key.startswith("fakta_i_text") for key, _ in organisation.vocabulary)
        self.chairs: dict[str, PersonName] = {}  # "vice ordförande" -> who holds it (set by the reader)
        self.absent_names: list[str] = []  # "Gertrud Sand (S) Anmält förhinder" in an attendance list

    def error(self, line: int, message: str) -> None:
        self.problems.error(self.file, line, message)

    def warning(self, line: int, message: str) -> None:
        self.problems.warning(self.file, line, message)

    @contextmanager
    def quietly(self) -> Iterator[None]:
        """Read something again for one fact only: what the readers say of its other lines is
        no problem of the protocol's (those lines are kept as written elsewhere)."""
        problems, self.problems = self.problems, Problems()
        try:
            yield
        finally:
            self.problems = problems

    def is_date_cell(self, cell: str) -> bool:
        """A short cell that carries the meeting's date ("MBN 2021-03-18"): a running header's."""
        found = _ISO_DATE.search(cell) or self.vocabulary.date_in_words.search(cell)
        return bool(found) and _date_of(found, self.file_date) == self.file_date and len(cell.split()) <= 4  # type: ignore[arg-type]

    def is_known_heading(self, key: str) -> bool:
        known = self.known_headings.get(key)
        if known is None:
            vocabulary = self.vocabulary
            known = key in vocabulary.sections or key in vocabulary.lists or self.is_decision_heading(key)
            if not known and " och " in key:
                # "Propositionsordning och omröstning": two sections' headings in one.
                known = all(part in vocabulary.sections for part in key.split(" och "))
            if len(self.known_headings) < SEEN_LIMIT:
                self.known_headings[key] = known
        return known

    def note(self, line: Line, region: str, what: str) -> None:
        """Record what ``line`` became (the first record wins: the most specific reader)."""
        if line.text.strip():
            self.trace.setdefault(line.number, (region, what))

    def parse_date(self, value: str, field: str, line: int) -> date | None:
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            self.error(line, messages.DATE_INVALID.format(field=field, value=value))
            return None

    def annex_person(self, text: str, group: AttendanceGroup, role: str | None, number: int) -> list[Attendee]:
        return self.attendees(text, group, role, Line(number, text))

    def names_other_body(self, text: str) -> bool:
        """A short title line that names a body ("Styrelsen", "Socialnämnden") which is not this one."""
        words = _FIELD_NAME.sub("", normalise(text)).split()
        if not words or len(words) > 4 or any(ch.isdigit() for ch in text):
            return False
        return any(words[-1].endswith(noun) for noun in self.vocabulary.body_nouns)

    def names_body(self, text: str) -> bool:
        """A title line: the body's or organisation's name, a document title, the meeting's date,
        or these together ("**Kommunstyrelsen** 2016-11-22", "Direktionens protokoll 30 maj 2024")."""
        rest = normalise(text.replace("\t", " "))
        rest = _FIELD_NAME.sub("", rest)  # "Nämnd:Omvårdnadsnämnden" (a saved web page's fields)
        found = self.vocabulary.date_in_words.search(rest) or _ISO_DATE.search(rest)
        if found and _date_of(found, self.file_date) == self.file_date:
            rest = (rest[: found.start()] + " " + rest[found.end() :]).strip()
        names = (self.body.name, self.body.genitive, self.org.name, self.org.short_name)
        for name in sorted((normalise(n) for n in names if n), key=len, reverse=True):
            rest = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", rest)
        rest = re.sub(r"\s+", " ", rest).strip(" ,-")
        # "Förbundsdirektionen för Räddningstjänsten Krokvik-Lomsjö": the names joined by a word.
        rest = " ".join(word for word in rest.split() if word not in _NAME_JOINERS)
        return not rest or self.vocabulary.is_title(rest)

    def attendees(self, value: str, group: AttendanceGroup, role: str | None, line: Line) -> list[Attendee]:
        # A sub-label in the cell ("Ledamöter Jacob Käll, …", "Ersättare …") sets the group.
        sub = self.vocabulary.label(self.vocabulary.header, value)
        if sub and sub[0] in ATTENDANCE_GROUPS:
            (group, role), value = ATTENDANCE_GROUPS[sub[0]], sub[2]
        found = self.attendance.read(value, group, lambda m: self.warning(line.number, m))
        self.absent_names += self.attendance.absentees
        found = [replace(a, group=AttendanceGroup.SUBSTITUTE) if self.role_says_ersättare(a) else a for a in found]
        return [replace(a, role=a.role or role, line=line.number) for a in found]

    def role_says_ersättare(self, attendee: Attendee) -> bool:
        """ "Sonja Hjälm<TAB>ej tjänstgörande ersättare" among the members or the others, "Tomas
        Lejon, ers" among the others: the role says the person is an ersättare."""
        role = attendee.role
        if not role or attendee.group is AttendanceGroup.SUBSTITUTE:
            return False
        if any(w in role.casefold() for w in self.vocabulary.attendance["ej_tjänstgörande"]):
            return True
        return attendee.group is AttendanceGroup.OTHER and self.names_group(role) == "ersättare"

    def names_group(self, role: str) -> str | None:
        """The attendance field a role as written is the label of ("ers", "Ersättare"), if any."""
        label = self.vocabulary.label(self.vocabulary.header, role)
        return label[0] if label and not label[2] and label[0] in ATTENDANCE_GROUPS else None

    def dnr(self, text: str, field: str, line: int, soft: bool = False) -> list[Dnr]:
        try:
            return parse_many(text, self.org.dnr_prefix, self.file_date.year)
        except DnrError as exc:
            (self.warning if soft else self.error)(line, messages.DNR_INVALID.format(field=field, value=str(exc)))
            return []

    def named(self, text: str) -> tuple[PersonName, ...]:
        """Every roster person named in ``text``, in order, once each."""
        found: list[PersonName] = []
        for start in (0, *(m.end() for m in re.finditer(r"[\s(,]", text))):
            match = self.roster.match_at(text, start)
            if match and all(p.person != match.person.slug for p in found):
                found.append(PersonName(text[start : match.end], match.person.slug))
        return tuple(found)

    def is_this_body(self, text: str) -> bool:
        """The body's name, or the noun it ends with ("Nämnden" for Kultur- och fritidsnämnden,
        "Arbetsutskottet" for Kommunstyrelsens arbetsutskott)."""
        name, written = normalise(self.body.name), normalise(text)
        return (
            written == name
            or (written in self.vocabulary.body_nouns and name.endswith(written))
            or (" " not in written and same_word(written, name.split()[-1]))
        )

    def is_decision_heading(self, heading: str) -> bool:
        key = normalise(heading)
        # The body's own proposal to another body ("Kommunstyrelsens förslag till kommunfullmäktige",
        # "Arbetsutskottets förslag till kommunstyrelsen") is what the body decided.
        own = {normalise(self.body.genitive), normalise(self.body.decision_heading).removesuffix(" beslut")}
        intro = self.vocabulary.decision_intro.fullmatch(key)
        return (
            key in self.vocabulary.decision
            or key == normalise(self.body.decision_heading)
            or key == normalise(f"{self.body.genitive} beslut")
            or any(key.startswith(f"{name} förslag till ") for name in own)
            # "Förslag till kommunfullmäktige": the body's proposal to another (not "… till beslut",
            # nor a sentence: "Förslag till sammanträdestider för 2014: 12 februari, …").
            or (
                key.startswith("förslag till ")
                and key != "förslag till beslut"
                and len(key.split()) <= _TO_BODY_WORDS
                and not any(ch.isdigit() or ch == ":" for ch in key)
            )
            # "DIREKTIONEN BESLUTAR", "Styrelsen beslutade:" alone on a line heads the decision.
            or bool(intro and self.is_this_body(intro["body"]))
        )
