"""Segmenting attendance text into persons.

The PDF-to-Markdown export runs a whole attendance cell together: "Jacob Käll, Vimmerby kommun,
ordförande Elisabet Hagström, Ydre kommun, vice ordförande ...", and other templates write
"Anna Berg (S) ordf, Bo Ek (M) och Cia Dahl (C)", "Förbundsdirektör Ola Rydén", "Eva Lind (C)
ersätter Per Holm (C) § 16", "Vakant (M)". Names are found with the roster and the municipality
names and codes; a name missing from the roster is still read (capitalised words up to a comma)
and reported as a warning, never dropped. A label, a role, a party or municipality code, a vacant
seat or the organisation's own name never becomes a person.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from generator import messages
from generator.model import AttendanceGroup, Attendee, ParagraphRange
from generator.model.roster import Roster

RANGE = re.compile(r"\(?§§?\s*(\d{1,6})(?:\s*[-–]\s*(\d{1,6}))?(?!\d)\)?")
# A range after a name without "§": "Britt Andersson 165", "ekonom 6-13", "deltog vid 23".
_BARE_RANGE = re.compile(r"(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?(?=\s*(?:,|;|\boch\b|$|\s[A-ZÅÄÖ]))")
_DESCRIBED = re.compile(r"\s*\(((?:[a-zåäö§]|\d+\s*[-–]|\d:[aei]\s)[^()]*)\)")  # "(2:e vice ordförande)" too
_SEGMENT = re.compile(r"[A-ZÅÄÖ][^,§()]{2,80}")
_CAPITAL_PARENTHESIS = re.compile(r"\s*\(([A-ZÅÄÖ][a-zåäö]+(?: [a-zåäö]+)?)\)")
_BARE_PARTY = re.compile(r"\s*([A-ZÅÄÖ]{1,3}|[a-zåäö]{1,2}|mp|kd|sd|fp)(?=\s*(?:,|$|\s+[a-zåäö]))")
_OPEN_RANGE = re.compile(
    r"(?i)(?P<kind>t\.?\s?o\.?\s?m\.?|tom|till och med|fr\.?\s?o\.?\s?m\.?|from|från och med)"
    r"\s*(?:§§?\s*)?(?P<n>\d{1,6})(?!\d)"
)
_EXCEPT_RANGE = re.compile(
    r"(?i)(?:ej|utom|inte|ej närvarande)\s+(?:vid\s+|under\s+)?§§?\s*"
    r"(?P<first>\d{1,6})(?:\s*[-–]\s*(?P<last>\d{1,6}))?(?!\d)"
)
OPEN_END = 10**6  # "fr o m § 6": to the meeting's last paragraph, set once the paragraphs are read
_PART_OF = re.compile(r"\s*,?\s*(?:och\s+)?del av\s+(?:§§?\s*)?(\d{1,6})(?!\d)", re.IGNORECASE)
_LOWER_NEXT = re.compile(r" [a-zåäö]")
_LAST_PERSON = re.compile(r",\s*|\s+och\s+")
_FULL_NAME = re.compile(r"[A-ZÅÄÖÉÜ][\w'’.-]+ [A-ZÅÄÖÉÜ][\w'’.-]+")
_TITLE_WORD = re.compile(r"([A-Za-zÅÄÖåäöé][a-zåäöé-]{2,})(?: [A-ZÅÄÖ]{2,6}\b)*")
_NEXT_NUMBER = re.compile(r"\s*(?:,|\boch\b)\s*(\d{1,6})(?![\d:.-])")  # "§ 159, 160", "§§ 60 och 61"
# A name's word is capitalised, not all capitals: "IPS", "VD" after a name are its role's.
_NAME_WORD = re.compile(r"[A-ZÅÄÖÉÜ](?![A-ZÅÄÖÉÜ]+\b)[\w'’.-]*")
# A role or title is written in lower case ("vice ordförande", "förbundsdirektör"); "IT-chef"
# style abbreviations are the one capitalised form allowed.
# A number alone ("planarkitekt 189") is the paragraphs someone took part in, not a role word.
_ROLE_WORD = re.compile(
    r"(?!\d+(?:\s*[-–]\s*\d+)?(?:[\s,;]|$))(?:[a-zåäöéü0-9][\w:./-]*+|[A-ZÅÄÖ]{2,8}+-[a-zåäö][\w-]*+|[A-ZÅÄÖ]{2,6}+)\*?(?=[\s,]|$)"
)
# Bounded (a name of up to five words of up to 40 letters): tried at every name in a cell, an
# unbounded pattern made reading a long cell quadratic.
_MUNICIPALITY = re.compile(
    r"[A-ZÅÄÖ][\w-]{0,40}+(?: [A-ZÅÄÖ][\w-]{0,40}+){0,4}+ (?:kommun|kommuns|region)\b|Region [A-ZÅÄÖ][\w-]{0,40}+"
)
_STOP_FOR_COMMA = re.compile(r"\b([A-ZÅÄÖÉÜ][a-zåäöéü]+)\.\s+(?=[a-zåäö])")  # after a name's last word
_SHORTEST_NAME = 3
_MUNICIPALITY_WORD = re.compile(r"\s+(?:kommun|kommuns|stad|region)$|^Region\s+", re.IGNORECASE)
_CODE = re.compile(r"\s*,?\s*\((?P<code>[A-ZÅÄÖa-zåäö]{1,5}|-)\)")
_SEPARATOR = re.compile(r"(?:\s|,|;|\boch\b)*")
_SERVING_CONNECTIVE = re.compile(r"(?:^|\s)(?:för|istf|i stället för|ersätter)$", re.IGNORECASE)

Warn = Callable[[str], None]


def with_party(name: str, party: str) -> str:
    """A name written with the party code a column beside it gives: "Bengt Rosvall, ordf" and
    "M" -> "Bengt Rosvall (M), ordf" (read then as any name with its code)."""
    first, sep, rest = name.partition(",")
    return f"{first.strip()} ({party}){sep}{rest}"


def close_ranges(attendees: list[Attendee], first: int, last: int) -> list[Attendee]:
    """Attendees with their open ranges ("t o m § 5", "fr o m § 6") closed at the meeting's first
    and last paragraph."""
    out = []
    for a in attendees:
        span = a.paragraphs
        if span is not None and (span.first == 0 or any(end == OPEN_END for _, end in span.spans())):
            # An empty span ("ej § 22" when § 22 is the last) is dropped.
            spans = [(start or first, last if end == OPEN_END else end) for start, end in span.spans()]
            spans = [(start, end) for start, end in spans if start <= end]
            a = replace(a, paragraphs=ParagraphRange(*spans[0], tuple(spans[1:])) if spans else None)
        out.append(a)
    return out


def paragraph_range(first: str, last: str | None) -> ParagraphRange:
    return ParagraphRange(int(first), int(last or first))


@dataclass(frozen=True)
class AttendanceWords:
    """The vocabulary's attendance words (närvaro) and the organisation's own names and codes."""

    serving_for: tuple[str, ...] = ("tjänstgörande ersättare för", "ersätter", "för")
    vacant: tuple[str, ...] = ("Vakant",)
    took_part: tuple[str, ...] = ("deltog vid",)
    roles: tuple[str, ...] = ()
    municipality_codes: tuple[tuple[str, str], ...] = ()  # ("ÅTV", "Åtvidabergs kommun")
    not_persons: tuple[str, ...] = ()  # the organisation's names and diarium prefix
    absent: tuple[str, ...] = ()  # "Anmält förhinder" after a name: named, but not present
    parties: tuple[str, ...] = ()  # party codes, read also without parentheses ("Anna Berg, S")
    role_endings: tuple[str, ...] = ()  # "…chef", "…inspektör": a word so ending is a role's, no name's
    organisation_endings: tuple[str, ...] = ()  # "…förbund", "…föreningen": an organisation's name, no person's
    company_forms: tuple[str, ...] = ()  # "AB", "HB": a cell ending so names a company, no person


class AttendanceReader:
    """Reads attendance cells against one organisation's roster and municipalities."""

    def __init__(self, roster: Roster, municipalities: tuple[str, ...], words: AttendanceWords | None = None) -> None:
        self.roster = roster
        self.municipalities = sorted(municipalities, key=len, reverse=True)
        # "Bergsjö" for "Bergsjö kommun", "Ankeborg" for "Ankeborgs kommun" (the genitive dropped).
        shorts = {short for name in municipalities if (short := _MUNICIPALITY_WORD.sub("", name)) != name and short}
        shorts |= {short[:-1] for short in shorts if short.endswith("s") and len(short) > _SHORTEST_NAME}
        self.short_municipalities = sorted(shorts, key=len, reverse=True)
        self.words = words or AttendanceWords()
        self.codes = {code.casefold(): name for code, name in self.words.municipality_codes}
        self.serving_for = _phrases(self.words.serving_for)
        self.roles = _phrases(self.words.roles)
        self.not_persons = {name.casefold() for name in self.words.not_persons}
        self.vacant = {word.casefold() for word in self.words.vacant}
        self.role_words = {word.casefold() for word in self.words.roles}
        self.absent = _phrases(self.words.absent)
        forms = "|".join(re.escape(form) for form in sorted(self.words.company_forms, key=len, reverse=True))
        # "Revisionsbyrån Ek & Partner AB": a company's name, up to its legal form before a comma or the end.
        self.company = re.compile(rf"[^,§]{{1,80}}?\s(?:{forms})(?=\s*(?:,|$|§))") if forms else None
        self.parties = frozenset(self.words.parties)
        self.absentees: list[str] = []  # named as absent in the text last read

    def read(self, text: str, group: AttendanceGroup, warn: Warn) -> list[Attendee]:
        # "Lisa Holm (tjänstgörande för Nils Berg)", "(§§ 1-5)": what a parenthesis says of the
        # name before it is read as if written after a comma (a party code stays a code).
        text = _DESCRIBED.sub(r", \1", text)
        if "(" in text:
            # "Oskar Dahl (Ekonom) § 34": a role in capitals in the parenthesis, as a list writes it.
            text = _CAPITAL_PARENTHESIS.sub(self._capital_role, text)
        # "Emma Stål. dietist 99": a full stop the export wrote for the comma before a role.
        text = _STOP_FOR_COMMA.sub(r"\1, ", text)
        found: list[Attendee] = []
        self.absentees = []
        pos = 0
        # "Kommunchef Nils Norrby, nämndsekreterare Maja Malmsten": a cell that opens with a role
        # writes every role before its name, so a role after a comma belongs to the next person.
        # So does a list in prose whose last person has the title before the name ("…, kanslichef
        # Inga Ström och sekreterare Åsa Rydén.").
        prose = text.count(",") >= 2 and " och " in text.rsplit(",", 1)[-1]
        last = _LAST_PERSON.split(text.rstrip(" ."))[-1] if prose else text
        roles_first = any(self._leading_role(part, _skip(part, 0))[0] is not None for part in (text, last))
        while (pos := _skip(text, pos)) < len(text):
            start = pos
            role, pos = self._leading_role(text, pos)
            name, person, pos = self._name(text, pos, warn)
            if name is None:
                end = text.find(",", pos + 1)
                end = len(text) if end < 0 else end
                warn(messages.MD_ATTENDEE_TEXT.format(value=text[start:end].strip()))
                pos = end + 1
                continue
            municipality, party, pos = self._code(text, pos, None)
            if name.casefold() in self.vacant:
                # "Vakant (M)": a seat without a person, never an attendee.
                continue
            # Only a name not in the roster can be a title ("Enhetschef Miljöskydd").
            role_like = person is None and (
                name.split()[0].casefold().endswith(self.words.role_endings)
                or name.split()[-1].casefold().endswith(self.words.organisation_endings)
            )
            if person is None and (name.casefold() in self.role_words or " " not in name or role_like):
                # A role ("Ordförande") or one capitalised word ("Vision", "VD") is no person's
                # name: it describes the person before it, or is kept as text with a warning.
                if found and (" " not in name.strip() or role_like):
                    previous = found[-1]
                    if text.startswith(" ", pos) and (more := _role(text, pos + 1))[0]:
                        name, pos = f"{name} {more[0]}", more[1]  # "Teknisk chef", "Enhetschef park och natur"
                    # "Eva Lind, Kommunal, 71-73": the paragraphs after it are still the person's.
                    paragraphs, pos = self._paragraphs(text, pos)
                    found[-1] = replace(
                        previous,
                        role=f"{previous.role}, {name}" if previous.role else name,
                        paragraphs=previous.paragraphs or paragraphs,
                    )
                else:
                    warn(messages.MD_ATTENDEE_TEXT.format(value=name))
                continue
            absent = self.absent.match(text, _skip_spaces(text, pos)) or self.absent.match(
                text + " ", _skip_spaces(text, pos)
            )
            if absent:
                self.absentees.append(name)
                pos = absent.end()
                continue
            serving_for = None
            open_range: ParagraphRange | None = None
            while True:
                after = _skip_spaces(text, pos)
                comma = text.startswith(",", after)
                at = _skip_spaces(text, after + 1) if comma else after
                if but := _EXCEPT_RANGE.match(text, at):
                    # "ledamot ej § 22", "utom §§ 5-6": every paragraph but these, closed at the
                    # meeting's first and last (see ``close_ranges``).
                    first, last = int(but["first"]), int(but["last"] or but["first"])
                    open_range = ParagraphRange(0, first - 1, ((last + 1, OPEN_END),))
                    pos = but.end()
                    continue
                if until := _OPEN_RANGE.match(text, at):
                    # "t o m § 5", "fr o m § 6", "tom 97": to or from a paragraph; the meeting's
                    # first or last paragraph closes it (see ``close_ranges``).
                    number = int(until["n"])
                    to = until["kind"].casefold().replace(".", "").replace(" ", "") in ("tom", "tillochmed")
                    open_range = ParagraphRange(0, number) if to else ParagraphRange(number, OPEN_END)
                    pos = until.end()
                    continue
                replaced = self._serving_for(text, after, warn) or self._serving_for(text, at, warn)
                if replaced is not None:
                    serving_for, described, pos = replaced
                    if described:
                        role = described if role is None else f"{role}, {described}"
                    continue
                code = _BARE_PARTY.match(text, at) if comma or at == after else None
                # "Per-Olov Strand, S, ordförande": a party code written without parentheses (but
                # "v ordf" is a role, vice ordförande).
                if code and code[1].upper() in self.parties and not self.roles.match(text + " ", at):
                    party, pos = party or code[1].upper(), code.end(1)
                    continue
                place = self._municipality(text, at)
                if place and municipality is None and (comma or at == after):
                    municipality, pos = place, at + len(place)
                    municipality, party, pos = self._code(text, pos, municipality, party)
                    continue
                words, end = _role(text, at)
                connective = _SERVING_CONNECTIVE.search(words) if words else None
                if connective:
                    # "tjg ers för Per Holm": a role that ends in "för" names whom it serves for.
                    name_at = _skip_spaces(text, end)
                    replaced_name, _, after_name = self._name(text, name_at, warn)
                    if replaced_name is not None:
                        _, _, pos = self._code(text, after_name, None)
                        serving_for = replaced_name
                        described = words[: connective.start()].strip()
                        if described:
                            role = described if role is None else f"{role}, {described}"
                        continue
                if words and roles_first and comma:
                    break
                if words and (comma or not text[at : at + 1].isupper()):
                    role = words if role is None else f"{role}, {words}"
                    pos = end
                    if party is None and (code := _CODE.match(text, pos)):
                        party, pos = code["code"].upper(), code.end()  # "vice ordförande (S)"
                    continue
                affiliation = self._affiliation(text, at) if comma else None
                if affiliation is not None:
                    # "ekonom, ITSAM": the organisation someone works for, not a person.
                    role = affiliation if role is None else f"{role}, {affiliation}"
                    pos = at + len(affiliation)
                    continue
                break
            paragraphs, pos = self._paragraphs(text, pos)
            paragraphs = paragraphs or open_range
            found.append(
                Attendee(
                    name=name,
                    group=group,
                    person=person,
                    municipality=municipality,
                    role=role or None,
                    serving_for=serving_for,
                    paragraphs=paragraphs,
                    party=party,
                )
            )
        return found

    def _capital_role(self, found: re.Match[str]) -> str:
        """ "(Ekonom)", "(Förbundschef)" as the role after a comma; "(Försäkringskassan)" stays."""
        word = found[1].split()[0].casefold()
        if word in self.role_words or word.endswith(self.words.role_endings):
            return f", {found[1].lower() if found[1].istitle() else found[1]}"
        return found[0]

    def _leading_role(self, text: str, pos: int) -> tuple[str | None, int]:
        """A title before the name: "Förbundsdirektör Ola Rydén", "1:e vice ordförande Eva Lind",
        "näringslivschef Pia Sundell" (a word that ends as titles do)."""
        if role := self.roles.match(text, pos):
            following = _skip_spaces(text, role.end())
            if _NAME_WORD.match(text, following):
                return role.group(0), following
        # A word that only ends as a title does comes before a person's whole name, never before
        # a unit's ("Enhetschef Miljöskydd" is one title).
        if (titled := self._titled_word(text, pos)) and _FULL_NAME.match(
            text, following := _skip_spaces(text, titled.end())
        ):
            return titled.group(0), following
        return None, pos

    def _titled_word(self, text: str, pos: int) -> re.Match[str] | None:
        """A word that ends as a title does ("näringslivschef", "Socialchef"), and the unit
        after it in capitals ("Verksamhetschef IFO")."""
        word = _TITLE_WORD.match(text, pos)
        return word if word and word[1].casefold().endswith(self.words.role_endings) else None

    def _code(
        self, text: str, pos: int, municipality: str | None, party: str | None = None
    ) -> tuple[str | None, str | None, int]:
        """A code in parentheses after a name: a municipality's (from the organisation's list) or a party's."""
        while found := _CODE.match(text, pos):
            code = found["code"]
            if code.casefold() in self.codes and municipality is None:
                municipality = self.codes[code.casefold()]
            elif party is None:
                party = code.upper() if code != "-" else code
            else:
                break
            pos = found.end()
        return municipality, party, pos

    def _serving_for(self, text: str, pos: int, warn: Warn) -> tuple[str, str, int] | None:
        """ "ersätter Per Holm (C)", "tjänstgörande ersättare för Per Holm": (the member being
        replaced, the role the phrase states without its connecting word, where it ends)."""
        phrase = self.serving_for.match(text, pos)
        if phrase:
            name, _, after = self._name(text, _skip_spaces(text, phrase.end()), warn)
            if name is not None:
                _, _, after = self._code(text, after, None)
                code = (
                    _BARE_PARTY.match(text, _skip_spaces(text, after) + 1)
                    if text.startswith(",", _skip_spaces(text, after))
                    else None
                )
                if code and code[1].upper() in self.parties:
                    after = code.end(1)  # "för Sven Holm, V"
                written = phrase.group(0)
                described = re.sub(r"\s*\b(?:i stället för|för|istf)$", "", written, flags=re.IGNORECASE)
                return name, described if described != written else "", after
        return None

    def _affiliation(self, text: str, pos: int) -> str | None:
        if self.company is not None and (company := self.company.match(text, pos)):
            return company.group(0)
        for name in sorted(self.not_persons, key=len, reverse=True):
            if (
                text[pos : pos + len(name)].casefold() == name
                and not text[pos + len(name) : pos + len(name) + 1].isalnum()
            ):
                return text[pos : pos + len(name)]
        # "Hälso- och sjukvårdsnämnden Västra Sjöbygden", "Folktandvården": a body or an office
        # named up to the next comma, by a word that ends as one's name does.
        segment = _SEGMENT.match(text, pos)
        endings = self.words.organisation_endings
        if segment and endings and any(word.casefold().endswith(endings) for word in segment[0].split()):
            return segment[0].rstrip()
        return None

    def _paragraphs(self, text: str, pos: int) -> tuple[ParagraphRange | None, int]:
        at = _skip_spaces(text, pos)
        if text.startswith(",", at) and _range_at(text, _skip_spaces(text, at + 1)):
            at = _skip_spaces(text, at + 1)  # "Kerstin Edh, ekonom, § 155", "Tore Lind, 71-75"
        for phrase in self.words.took_part:
            if text[at : at + len(phrase)].casefold() == phrase.casefold():
                at = _skip_spaces(text, at + len(phrase))
        span = RANGE.match(text, at) or _BARE_RANGE.match(text, at)
        if not span:
            return None, pos
        found, end = paragraph_range(span[1], span[2]), span.end()
        # "§ 159, 160": the next paragraph too (a gap would be two ranges: then only the first).
        while (more := _NEXT_NUMBER.match(text, end)) and int(more[1]) == found.last + 1:
            found, end = ParagraphRange(found.first, int(more[1])), more.end()
        # "71-75, del av 76": present for part of a further paragraph, which the span then reaches.
        if (part := _PART_OF.match(text, end)) and int(part[1]) > found.last:
            found, end = ParagraphRange(found.first, int(part[1])), part.end()
        # "§§ 61-65 a-b), 68-70": the sub-items of the last paragraph, then spans after a gap.
        also: list[tuple[int, int]] = []
        while True:
            end = sub.end() if (sub := _SUB_ITEMS.match(text, end)) else end
            more = _MORE_SPAN.match(text, end)
            if not more or int(more[1]) <= (also[-1][1] if also else found.last):
                break
            also.append((int(more[1]), int(more[2] or more[1])))
            end = more.end()
        return (replace(found, also=tuple(also)) if also else found), end

    def _name(self, text: str, pos: int, warn: Warn) -> tuple[str | None, str | None, int]:
        known = self.roster.match_at(text, pos)
        if known:
            return text[pos : known.end], known.person.slug, known.end
        if self._affiliation(text, pos) is not None:
            return None, None, pos
        end = pos
        words: list[str] = []
        while (word := _NAME_WORD.match(text, end)) and (not words or not self.roster.match_at(text, end)):
            if self._municipality(text, end, short_form=False):  # "Bergsjö" alone may be a surname
                break
            words.append(word.group(0))
            end = word.end()
            if not text.startswith(" ", end) or not _NAME_WORD.match(text, end + 1):
                break
            end += 1
        if not words:
            return None, None, pos
        name = " ".join(words)
        if len(words) >= 2 and (turned := self.roster.lookup(" ".join([*words[1:], words[0]]))):
            # "Lindblad Karin, bygglovsarkitekt": surname first, as older lists write it; the
            # roster's person by the roster's name.
            return turned.name, turned.slug, pos + len(name)
        # One word ("Kommunchef", "Vision") is no person's name: the reader decides what it is.
        if " " in name and name.casefold() not in self.vacant:
            warn(messages.PERSON_NOT_IN_ROSTER.format(name=name))
        return name, None, pos + len(name)

    def _municipality(self, text: str, pos: int, short_form: bool = True) -> str | None:
        for known in self.municipalities:
            if text.startswith(known, pos):
                return known
        for short in self.short_municipalities if short_form else ():
            # "Ingrid Malm (S), Bergsjö, ordförande": a member municipality without "kommun".
            if text.startswith(short, pos) and not text[pos + len(short) : pos + len(short) + 1].isalnum():
                return short
        other = _MUNICIPALITY.match(text, pos)
        return other.group(0) if other else None


def _phrases(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern of ``words``, longest first, each followed by a space."""
    ordered = sorted(words, key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(word) for word in ordered) + r")(?= )" if ordered else r"(?!x)x", re.I)


# "65 a-c)": sub-items of a paragraph; ", 69", ", 68-70": a further span (not a year, not a time).
_SUB_ITEMS = re.compile(r"\s*[a-h](?:\s*[-–]\s*[a-h])?\)")
_MORE_SPAN = re.compile(r"\s*(?:,|\boch\b)\s*(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?(?![\d.:/])")


def _skip(text: str, pos: int) -> int:
    """Past spaces and what separates persons: commas, semicolons, "och"."""
    found = _SEPARATOR.match(text, pos)
    return found.end() if found else pos


def _range_at(text: str, pos: int) -> bool:
    return bool(RANGE.match(text, pos) or _BARE_RANGE.match(text, pos))


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _role(text: str, pos: int) -> tuple[str, int]:
    words: list[str] = []
    end = pos
    while (
        not _OPEN_RANGE.match(text, end)
        and not _EXCEPT_RANGE.match(text, end)
        and (word := _ROLE_WORD.match(text, end))
    ):
        after_hyphen = (words[-1] if words else text[:pos].rstrip()).endswith("-")  # "miljö- och …"
        if (
            word.group(0) in ("och",)
            and not after_hyphen
            # "och sekreterare Åsa Rydén": "och" joins persons, no role begins with it
            and (not words or not _LOWER_NEXT.match(text, word.end()))
        ):
            break  # "miljö- och byggchef", "enhetschef park och natur" are one role; "ekonom och Bo Ek" two persons
        words.append(word.group(0))
        end = word.end()
        if not text.startswith(" ", end):
            break
        if not _ROLE_WORD.match(text, end + 1):
            break
        end += 1
    return " ".join(words), end
