"""Facts in a paragraph's text: votes, reservations, jäv, yrkanden and protokollsanteckningar,
under their headings or in sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import takewhile

from generator.model import (
    PersonName,
    Reservation,
    Vote,
)
from generator.readers.markdown.context import CHAIR_ROLE, ReadContext, role_key
from generator.readers.markdown.text import (
    _PIPE_SEPARATOR,
    Line,
    _cells,
    _is_row,
    _paragraphs,
    _without_codes,
)
from generator.readers.vocabulary import normalise


@dataclass
class Facts:
    votes: list[Vote] = field(default_factory=list)
    reservations: list[Reservation] = field(default_factory=list)
    disqualified: tuple[PersonName, ...] = ()
    motions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.votes or self.reservations or self.disqualified or self.motions or self.notes)


_ATT_CLAUSE = re.compile(r"(?:[-–•*]\s+)?att\s")
# A word the export hyphenated at a line's end ("an-" / "mäler jäv"), joined again for matching
# only: the text kept is the text as published.
_WRAPPED_WORD = re.compile(r"(?<=[a-zåäö])- (?=[a-zåäö])")

# Words one of the facts' sentences must hold (vocabulary: fakta_i_text_mönster), to skip the rest.
_FACT_WORDS = ("reserv", "jäv", "yrka", "föreslog", "föreslår", "anteckn", "särskil")


class FactReader:
    """Reads a paragraph's votes, reservations, jäv, motions and notes."""

    def __init__(self, ctx: ReadContext) -> None:
        self.ctx = ctx

    def facts(self, heading: str, chunk: list[Line], facts: Facts) -> None:
        """Votes, reservations and jäv as facts, from the sections that publish them as text."""
        kind = self.ctx.vocabulary.fact_of_heading(heading) if heading else None
        if kind == "omröstning":
            vote = self.vote(chunk)
            if vote is not None:
                facts.votes.append(vote)
        elif kind == "reservation":
            for text in _paragraphs(chunk):
                by = self.ctx.named(text)
                if by:
                    facts.reservations.append(Reservation(by, text))
        elif kind == "jäv":
            facts.disqualified += self.ctx.named(" ".join(_paragraphs(chunk)))
        elif kind == "yrkande":
            facts.motions += _paragraphs(chunk)
        elif kind == "protokollsanteckning":
            facts.notes += _paragraphs(chunk)

    def facts_in_sentences(self, chunks: list[tuple[str, list[Line]]], facts: Facts) -> None:
        """Reservations, jäv, protokollsanteckningar and yrkanden said in the running text, where
        the protocol gives them no heading ("Ove Lindkvist reserverade sig mot beslutet", "Fatima
        Haddad anmälde jäv"):
        read for each kind the paragraphs of text name, only when no heading gave that kind."""
        said = self.ctx.vocabulary.facts_in_text
        found_reservations = not facts.reservations
        found_disqualified = not facts.disqualified
        found_motions = not facts.motions
        found_notes = not facts.notes
        for heading, chunk in chunks:
            kind = self.ctx.vocabulary.fact_of_heading(heading) if heading else None
            if kind or (heading and self.ctx.vocabulary.lists.get(normalise(heading))):
                continue
            said_text = " ".join(line.text for line in chunk).casefold()
            if self.ctx.fact_words_only and not any(word in said_text for word in _FACT_WORDS):
                continue  # no sentence here can say a reservation, jäv or yrkande
            paragraphs = _paragraphs(chunk)
            for at, text in enumerate(paragraphs):
                joined = _WRAPPED_WORD.sub("", text)
                if found_reservations and said["reservation"].search(joined) and (by := self.named_or_by_role(text)):
                    facts.reservations.append(Reservation(by, text))
                elif found_disqualified and said["jäv"].search(joined):
                    facts.disqualified += self.ctx.named(text)
                elif found_notes and said["protokollsanteckning"].search(joined) and self.named_or_by_role(text):
                    facts.notes.append(text)  # "Stina Lagerqvist (FP) antecknar till protokollet att …"
                elif found_motions and said["yrkande"].search(joined) and self.named_or_by_role(text):
                    # "… yrkade att styrelsen beslutar" and its att-clauses below: one motion.
                    clauses = [] if text.endswith(".") else list(takewhile(_ATT_CLAUSE.match, paragraphs[at + 1 :]))
                    facts.motions.append(" ".join([text, *clauses]))

    def named_or_by_role(self, text: str) -> tuple[PersonName, ...]:
        """The persons ``text`` names, and those it names by their role at the meeting ("vice
        ordföranden och ledamoten Anita Berglöf"), in the order written."""
        found = [(m.start(), p) for m in CHAIR_ROLE.finditer(text) if (p := self.ctx.chairs.get(role_key(m.group(0))))]
        at = 0
        for person in self.ctx.named(text):
            at = text.find(person.name, at)
            found.append((at, person))
        out: list[PersonName] = []
        for _, person in sorted(found, key=lambda pair: pair[0]):
            if all(p.person != person.person or p.name != person.name for p in out):
                out.append(person)
        return tuple(out)

    def vote(self, chunk: list[Line]) -> Vote | None:
        """An omröstning: its question, the table of names with X under Ja, Nej or Avstår (a sum
        row is skipped: it is the count of the marks), and its result."""
        table_at = next((i for i, line in enumerate(chunk) if _is_row(line.text)), None)
        if table_at is None:
            return self.vote_in_sentences(chunk)
        rows = [_cells(line.text.strip(" ")) for line in chunk if _is_row(line.text)]
        rows = [row for row in rows if not _PIPE_SEPARATOR.match("|".join(row))]
        before = [line.text.strip() for line in chunk[:table_at] if line.text.strip()]
        after = [line.text.strip() for line in chunk[table_at:] if line.text.strip() and not _is_row(line.text)]
        answers: dict[str, list[str]] = {"röst_ja": [], "röst_nej": [], "röst_avstår": []}
        if self.answer_columns(rows[0]):
            # "Ja<TAB>Nej" over "Lars Wendel (M)<TAB>Birgitta Ahl (S)": each column one answer's
            # names, down to the blank line (a last row may fill the first column alone).
            kinds = [self.answer_of(cell) for cell in rows[0]]
            stop = _blank_after(chunk, table_at)
            for line in chunk[table_at + 1 : stop]:
                for kind, cell in zip(kinds, _cells(line.text.strip(" ")), strict=False):
                    if kind and cell.strip():
                        answers[kind] += _names_written(cell)
            after = [line.text.strip() for line in chunk[stop:] if line.text.strip()]
            return self.vote_of(before, answers, after)
        if all(self.answer_of(row[0]) for row in rows):
            # "Ja<TAB>Eva-Lena Strand (M), Anders Wall (C)": each row one answer and its names.
            for row in rows:
                answers[self.answer_of(row[0])] += _names_written(" ".join(c for c in row[1:] if c))
            return self.vote_of(before, answers, after)
        headed = [
            (i, self.ctx.vocabulary.facts.get(normalise(cell)) or "") for i, cell in enumerate(rows[0]) if cell.strip()
        ]
        for row in rows[1:]:
            name = row[0]
            if not name or self.ctx.vocabulary.facts.get(normalise(name)) == "summa":
                continue
            if row == rows[0] or (all(self.answer_of(c) for c in row[1:] if c.strip()) and any(row[1:])):
                continue  # the heading again, on the table's next page ("Ledamot | Ja | Nej | Avstår")
            # A mark counts under the last answer column that starts at or before it: an export
            # may put an empty cell more in a row than in the heading ("Nej" at 2, its X at 3).
            marked: set[str] = set()
            for j, cell in enumerate(row[1:], start=1):
                under = [kind for at, kind in headed if at <= j]
                if cell.strip() and under and under[-1] in answers:
                    marked.add(under[-1])
            for answer in marked:
                answers[answer].append(_without_codes(name))
        return self.vote_of(before, answers, after)

    def answer_columns(self, row: list[str]) -> bool:
        """A row of two or three answers and nothing else ("Ja<TAB>Nej"): the heads of columns of names."""
        filled = [cell for cell in row if cell.strip()]
        return len(filled) >= 2 and all(self.answer_of(cell) for cell in filled)

    def answers_head(self, text: str) -> bool:
        """A table's head of answers: "Ja<TAB>Nej" (names below), or "Ledamot | Ja | Nej | Avstår"
        (a mark under each member's answer)."""
        cells = _cells(text.strip(" "))
        return self.answer_columns(cells) or (
            not self.answer_of(cells[0]) and len([c for c in cells[1:] if self.answer_of(c)]) >= 2
        )

    def vote_in_columns(self, chunk: list[Line]) -> Vote | None:
        """An omröstning in running text, no heading: a table headed by the answers, its names or
        marks below; the paragraph before is the question, the one after the result."""
        if not any(
            "\t" in line.text and ("ja" in line.text or "Ja" in line.text or "JA" in line.text) for line in chunk
        ):
            return None  # no row that can name an answer: most text is read no further
        at = next(
            (i for i, line in enumerate(chunk) if _is_row(line.text) and self.answers_head(line.text)),
            None,
        )
        if at is None:
            return None
        stop = _blank_after(chunk, at)
        vote = self.vote(chunk[at:stop])
        if vote is None:
            return None
        before = _paragraphs(chunk[:at])
        after = _paragraphs(chunk[stop:])
        return Vote(before[-1] if before else "", vote.yes, vote.no, vote.abstaining, after[0] if after else "")

    def answer_of(self, cell: str) -> str:
        """ "Ja", "Nej", "Avstår" (as the vocabulary knows them) as the answer's key, else ""."""
        kind = self.ctx.vocabulary.facts.get(normalise(cell)) or ""
        return kind if kind in ("röst_ja", "röst_nej", "röst_avstår") else ""

    def vote_of(self, before: list[str], answers: dict[str, list[str]], after: list[str]) -> Vote:
        return Vote(
            " ".join(before),
            self.ctx.roster.names(answers["röst_ja"]),
            self.ctx.roster.names(answers["röst_nej"]),
            self.ctx.roster.names(answers["röst_avstår"]),
            " ".join(after),
        )

    def answers_in(self, lead: str) -> set[str]:
        """The answers (röst_ja, röst_nej, röst_avstår) the words of ``lead`` name."""
        words = re.findall(r"\w+", normalise(lead))
        return {self.ctx.vocabulary.facts.get(word, "") for word in words} & {"röst_ja", "röst_nej", "röst_avstår"}

    def answer_lines(self, chunk: list[Line]) -> list[str]:
        """The paragraphs of ``chunk`` (blank lines between), except that lines which each open
        with an answer ("Ja: …", "Nej: …" on consecutive lines) stay lines of their own."""
        out: list[str] = []
        group: list[str] = []
        for line in [*chunk, Line(0, "")]:
            if text := line.text.strip():
                group.append(text)
                continue
            leads = [t for t in group if ":" in t and len(self.answers_in(t.partition(":")[0])) == 1]
            out += group if len(leads) >= 2 else [" ".join(group)] if group else []
            group = []
        return out

    def vote_in_sentences(self, chunk: list[Line], headed: bool = True) -> Vote | None:
        """An omröstning written out: "Ja röstar: Ylva Stenberg, … och Inger Tjärnström.", "Nej
        röstar: …", "Avstår från att rösta: …"; a short lead before the colon that names one
        answer (Ja, Nej, Avstår) gives the names after it. Text before is the question, after
        the result: under an "Omröstning" heading all of it, in running text (not ``headed``)
        the paragraph right before and right after."""
        if not headed and not any(":" in line.text for line in chunk):
            return None  # no answer sentence without its colon: most text is read no further
        answers: dict[str, list[str]] = {"röst_ja": [], "röst_nej": [], "röst_avstår": []}
        before: list[str] = []
        after: list[str] = []
        for text in self.answer_lines(chunk):
            lead, colon, names = text.partition(":")
            if not colon and (said := _ANSWER_SAID.match(text)):
                # "Ja röstar Gösta Nordahl, … och Sten Jakobsson.": the answer said, no colon.
                lead, colon, names = said[0], ":", text[said.end() :]
            kinds = self.answers_in(lead)
            if colon and len(lead.split()) <= 6 and len(kinds) == 1:
                answers[kinds.pop()] += _names_written(names)
            else:
                (after if any(answers.values()) else before).append(text)
        if not any(answers.values()):
            return None
        return self.vote_of(before if headed else before[-1:], answers, after if headed else after[:1])


# The answer's words in any case; the name after them with its capital (a case-insensitive
# pattern would take "Nej röstar de som vill avslå" for a name).
_ANSWER_SAID = re.compile(
    r"(?i:(?:ja|nej)\s+röst(?:ar|ade)|röst(?:ar|ade)\s+(?:ja|nej)|avst(?:år|od)\s+från\s+att\s+rösta|avst(?:år|od))"
    r"(?i:\s+för\s+\w+)?\s+(?=[A-ZÅÄÖ])"
)


def _blank_after(chunk: list[Line], at: int) -> int:
    """The index of the first blank line after ``at`` (the end of a table's rows), or the end."""
    return next((i for i in range(at + 1, len(chunk)) if not chunk[i].text.strip()), len(chunk))


def _names_written(text: str) -> list[str]:
    """The names of "Ylva Stenberg (S), Ola Berg (M) och Inger Tjärnström (L).", party codes dropped."""
    written = re.split(r",\s*|\s+och\s+", text.strip().rstrip("."))
    return [bare for name in written if (bare := _without_codes(name).strip())]
