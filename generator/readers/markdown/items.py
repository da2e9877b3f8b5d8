"""The paragraphs (§): title, dnr, sections, the decision and the facts within."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from generator import messages
from generator.model import (
    Document,
    Item,
    PersonName,
    Section,
    Withholding,
)
from generator.model.dnr import Dnr, DnrError, parse_many
from generator.readers.documents import tie
from generator.readers.markdown.context import SEEN_LIMIT, ReadContext, shared_memo
from generator.readers.markdown.decision import DecisionFinder
from generator.readers.markdown.facts import FactReader, Facts
from generator.readers.markdown.furniture import MARGIN_REF, Furniture, _key_of
from generator.readers.markdown.paragraph_starts import (
    _margin,
    _opening,
)
from generator.readers.markdown.text import (
    _BOLD_LINE,
    _HEADING,
    _PIPE_SEPARATOR,
    Line,
    _cells,
    _is_dnr_cell,
    _markdown,
    _strip_dnr_label,
    _unbold,
    _unbullet,
    _unmark,
)
from generator.readers.markers import HANDLING_LIKE, WITHHOLD, handling
from generator.readers.references import parse_reference
from generator.readers.vocabulary import normalise

# Headings that end a paragraph's free text and become lists of their own (vocabulary: listor).
REFERENCES = "beslutsunderlag"


RECIPIENTS = "beslutsexpediering"


_LEADING_CODE = re.compile(r"\s*[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,5}[\s/.-]*\d")

_PAGE_CELLS_AT = 3  # starts with the same cells beside them: the page's, not the paragraphs'


def _first_at(lines: list[Line]) -> int:
    return next((i for i, line in enumerate(lines) if line.text.strip()), 0)


def _first_text(lines: list[Line]) -> str:
    return next((line.text.strip() for line in lines if line.text.strip()), "")


_HEADINGS_SEEN: dict[tuple[object, ...], Any] = {}

# A heading written plain is one line without a tab, no longer than this ("Överförmyndarnämndens
# förslag till kommunfullmäktige i Bergsjö, Tallåsen och Näsby").
_PLAIN_HEADING = 120

# "… / Dnr 2010/0290", "…, dnr KS 2018/52": a labelled dnr after the title on its line.
_LABELLED_DNR_AFTER = re.compile(r"\s*[/,;–—-]\s*(?=(?:dnr|diarienr|diarienummer)\b)", re.IGNORECASE)


# Where a start's row splits into cells when the scan wrote no tabs: before "Dnr", and before a
# margin reference after a number ("… § 14 Dnr 168/2008", "Ks § 22 Au § 14").
_TITLES_ABOVE_AT = 2  # starts with their title above them: a template, not a chance
_TITLE_ABOVE_AT_MOST = 120  # characters: a title, not a line of text

_HEADING_CELL_WORDS = 3  # "Ärende" over "nummer": a column heading beside the number

_REST_PARTS = re.compile(r"\s+(?=Dnr\b)|(?<=\d)\s+(?=[A-ZÅÄÖ][A-Za-zåäö]{0,4}\.?\s*§)")


# A heading's level: "### X" is 3; a bold or plain heading (the vocabulary's own words, "**Beslut**")
# stands where the paragraph's parts stand, as "###" does.
_PART_LEVEL = 3


def _heading_level(text: str) -> int:
    found = _HEADING.match(text)
    return len(found[1]) if found else _PART_LEVEL


def _withholds(chunk: list[Line]) -> bool:
    return any(WITHHOLD.match(line.text.strip()) for line in chunk)


class ItemReader:
    """Reads each paragraph into an ``Item``."""

    def __init__(self, ctx: ReadContext, furniture: Furniture, facts: FactReader, decision: DecisionFinder) -> None:
        self.ctx = ctx
        self.furniture = furniture
        self.facts = facts
        self.decision = decision
        body = ctx.body
        self.headings_seen: dict[str, str | None] = shared_memo(
            _HEADINGS_SEEN, ctx.vocabulary, body.name, body.genitive, body.decision_heading
        )

    def adjusters_in(self, items: list[Item]) -> tuple[PersonName, ...]:
        """The justerare a paragraph names when the header does not ("Till justerare utsågs
        Kjell Ahl", "att utse Harald Kristoffersson att jämte ordföranden justera …"): the
        persons of the first sentence that says someone was chosen to justera, without the
        ordförande named beside them ("att jämte ordförande Sara Holmqvist justera")."""
        for item in items:
            texts = [item.title, item.decision, *(s.text for s in item.sections)]
            for text in texts:
                for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
                    if not self.ctx.vocabulary.adjusters_chosen.search(sentence):
                        continue
                    bare = self.ctx.vocabulary.beside_chair.sub(" ", sentence)
                    names = self.ctx.named(bare)
                    if names:
                        return names
        return ()

    def warn_own_furniture(self, lines: list[Line]) -> None:
        """A line of the paragraphs that the organisation's own furniture pattern takes, though it
        stands only once (a running header recurs) or is a sentence: likely content, so staff are
        told, not silent."""
        if self.ctx.vocabulary.own_furniture is None:
            return
        taken = [
            line for line in lines if self.furniture.furniture_rule(line.text) == messages.FURNITURE_OWN_VOCABULARY
        ]
        counts = Counter(_key_of(line.text) for line in taken)  # page numbers masked: "Sida 2 (8)"
        for line in taken:
            if counts[_key_of(line.text)] == 1 or line.text.rstrip().endswith((".", ":", "!", "?")):
                self.ctx.warning(line.number, messages.OWN_FURNITURE_IN_ITEM.format(text=line.text.strip()[:80]))

    def read_items(self, lines: list[Line], starts: list[int], end: int) -> list[Item]:
        """The paragraphs that start at ``starts`` (indexes in ``lines``), the last ending at ``end``."""
        items = []
        self.warn_own_furniture(lines[starts[0] : end])
        page_cells = self.page_cells_beside_starts(lines, starts, end)
        above = self.titles_above(lines, starts, end)
        stops = [above.get(s, s) for s in starts[1:]]  # a title above the next number is not this one's
        for start, stop in zip(starts, [*stops, end], strict=True):
            below = lines[start + 1 : stop]
            opening = lines[start]
            if start in above:
                # "Rektors information" above "§ 16": the title stands over its number.
                title_line = lines[above[start]]
                self.ctx.note(title_line, "paragraf", "rubrik, ovanför numret")
                opening = Line(opening.number, f"{opening.text.rstrip()}\t{title_line.text.strip()}")
            if (rest := _opening(opening.text)[1].strip()) and (rest, _first_text(below)) in page_cells:
                # "Vn 4<TAB>Ärende" over "<TAB>nummer" on every page: the page's column heading
                # beside the number ("Ärende nummer"), no title; both lines are the page's.
                at = _first_at(below)
                rule = messages.FURNITURE_REMOVED.format(rule=messages.FURNITURE_BESIDE)
                self.ctx.note(below[at], "möbler", rule)
                opening = Line(opening.number, opening.text[: opening.text.index(rest)].rstrip())
                below = below[at + 1 :]
            item = self.read_item(opening, self.furniture.content(below))
            if item:
                items.append(item)
        return items

    def titles_above(self, lines: list[Line], starts: list[int], end: int) -> dict[int, int]:
        """{start: its title's line} when the template writes each paragraph's title above its
        number ("Årsredovisning 1999", then "§ 17", then the text): for most starts the line
        above is a title (short, no full stop) and the number stands alone, its next line none."""
        found: dict[int, int] = {}
        for k, start in enumerate(starts[1:], start=1):
            j = start - 1
            while j > starts[k - 1] and not lines[j].text.strip():
                j -= 1
            if j <= starts[k - 1] + 1 or _opening(lines[start].text)[1].strip():
                continue  # the paragraph above would be left without text, or the number has its title
            stop = starts[k + 1] if k + 1 < len(starts) else end
            after = _first_text(lines[start + 1 : stop])
            if self._title_like(lines[j].text) and not (self._title_like(after) and not _is_dnr_cell(_unmark(after))):
                found[start] = j
        if len(found) < max(_TITLES_ABOVE_AT, (len(starts) - 1) // 2 + 1):
            return {}
        # The first title stands above the first number too, at the header's end (it stays in the
        # header's text as well: nothing is taken from a region already read).
        j = starts[0] - 1
        while j > 0 and not lines[j].text.strip():
            j -= 1
        first = lines[j].text if starts else ""
        if (
            not _opening(lines[starts[0]].text)[1].strip()
            and self._title_like(first)
            and not self.ctx.vocabulary.label(self.ctx.vocabulary.header, first)
        ):
            found[starts[0]] = j
        return found

    def _title_like(self, text: str) -> bool:
        bare = _unmark(text)
        return (
            0 < len(bare) <= _TITLE_ABOVE_AT_MOST
            and bare[:1].isupper()
            and not bare.endswith((".", ":", ","))
            and "\t" not in text
            and not self.furniture.is_furniture(text)
            and not self.section_heading(text)
            and not _is_dnr_cell(bare)
        )

    def page_cells_beside_starts(self, lines: list[Line], starts: list[int], end: int) -> set[tuple[str, str]]:
        """What stands beside the number and on the line below it, when the same pair recurs at
        three starts or more: a page's heading cells, not each paragraph's title."""
        pairs = Counter(
            (_opening(lines[start].text)[1].strip(), _first_text(lines[start + 1 : stop]))
            for start, stop in zip(starts, [*starts[1:], end], strict=True)
        )
        # Column headings are a word or two; a title and a sentence that recur (four secret
        # paragraphs, "Sekretessärende enligt SoL" over the same note) are each paragraph's own.
        return {
            pair
            for pair, count in pairs.items()
            if pair[0]
            and pair[1]
            and count >= _PAGE_CELLS_AT
            and all(len(p.split()) <= _HEADING_CELL_WORDS for p in pair)
        }

    def read_item(self, start: Line, lines: list[Line]) -> Item | None:
        number, rest = _opening(start.text)
        self.ctx.note(start, "paragraf", f"§ {number}")
        dnr: list[Dnr] = []
        title = ""
        body_at = title_at = 0
        skipped: list[Line] = []  # lines kept as text before the body: margins, an unreadable dnr
        # What follows the number on its own line: a dnr ("§ 28 Dnr 2018/00041") or the title.
        # A row of cells ("MBN § 31<TAB>Dnr MBN 2021-000012<TAB>DELGIVNINGAR<TAB>MBN 2021-03-18"):
        # dnr cells give the dnr, a cell with the meeting's date is the running header's, the rest
        # is the title.
        cells = [_unmark(c) for c in _cells(rest) if _unmark(c)]
        if (
            len(cells) == 1
            and len(parts := _REST_PARTS.split(cells[0])) > 1
            and any(MARGIN_REF.fullmatch(p) for p in parts)
        ):
            # "Ks § 22 Au § 14 Dnr 168/2008" (a scan, no tabs): the earlier handling in the margin
            # and the dnr, as the cells a PDF export writes.
            cells = [p for p in parts if p]
        # A lone cell is a margin reference only with its "§" ("Au KS § 42"; "Bun 12" may be a title).
        margins = [c for c in cells if MARGIN_REF.fullmatch(c) and (len(cells) > 1 or "§" in c)]
        skipped += [Line(start.number, c) for c in margins]  # kept as text, no title
        cells = [c for c in cells if c not in margins]
        dnr_cells = [c for c in cells if _is_dnr_cell(c)]
        if dnr_cells:
            dnr = self.ctx.dnr(", ".join(_strip_dnr_label(c) for c in dnr_cells), "Dnr", start.number, soft=True)
            if not dnr:
                # "Dnr 2023/nittiotre": no number to link the case by, but the text as written stays.
                skipped.append(Line(start.number, " ".join(dnr_cells)))
        rest = " ".join(c for c in cells if c not in dnr_cells and not self.ctx.is_date_cell(c))
        if rest:
            title, found_dnr = self.title_and_dnr(rest, start)
            dnr = dnr or found_dnr
        for i, line in enumerate(lines):
            text = line.text.strip()
            if not text or _PIPE_SEPARATOR.match(text):
                continue  # a separator: the start was written as a pipe table's header row
            if "<!--" in text:
                skipped.append(line)  # a marker above the title is the body's: it may withhold it
                continue
            if not dnr and _is_dnr_cell(_unmark(text)) and not _HEADING.match(text):
                dnr = self.ctx.dnr(_strip_dnr_label(_unmark(text)), "Dnr", line.number, soft=True)
                self.ctx.note(line, "paragraf", "dnr")
                if not dnr:
                    skipped.append(line)  # a dnr that reads as none is kept as text (with a warning)
                continue
            bold = _BOLD_LINE.match(text)
            if title and bold and line.number == title_at + 1 and not self.section_heading(text):
                # "**… gång- och cykelvägen vid**" above "**Norrvik**": a title the export wrapped.
                title, title_at, body_at = f"{title} {bold[1].strip()}", line.number, i + 1
                self.ctx.note(line, "paragraf", "rubrik")
                continue
            if title:
                body_at = i
                if not dnr and (below := self.dnr_below_title(lines, i)) is not None:
                    # "Au § 132", "Ks § 88", then "Dnr 05/Ks 0042": the dnr under the case's
                    # earlier handling; those lines stay in the text.
                    dnr = self.ctx.dnr(
                        _strip_dnr_label(_unmark(lines[below].text.strip())), "Dnr", lines[below].number, soft=True
                    )
                    self.ctx.note(lines[below], "paragraf", "dnr")
                    if dnr:
                        lines = [*lines[:below], *lines[below + 1 :]]
                break
            if not title and "\t" in text and (titled := self.title_beside_dnr(text, line)) is not None:
                # "**Information om säkerhetsarbetet**<TAB>KS 2025/412": the title with its dnr beside it.
                title, found_dnr = titled
                dnr = dnr or found_dnr
                title_at, body_at = line.number, i + 1
                self.ctx.note(line, "paragraf", "rubrik")
                continue
            if ("\t" in text or MARGIN_REF.fullmatch(text)) and len(skipped) < 6 and not self.section_heading(text):
                skipped.append(line)  # margin rows before the title ("Au 103", "Sn 58"): kept as text
                continue
            title_line = _HEADING.match(text)
            title_at = line.number
            if title_line and len(title_line[1]) <= 2:
                title, found_dnr = self.title_and_dnr(_unbold(title_line[2]), line)
            elif bold and not self.section_heading(text):
                title, found_dnr = self.title_and_dnr(bold[1].strip(), line)
            elif not self.section_heading(text) and "\t" not in text and len(text) <= 200:
                # A title need not be bold: the first line after the paragraph's start is its title.
                title, found_dnr = self.title_and_dnr(text, line)
            else:
                break
            dnr = dnr or found_dnr
            self.ctx.note(line, "paragraf", "rubrik")
            body_at = i + 1
        if not title:
            self.ctx.error(start.number, messages.MD_NO_TITLE.format(number=number))
            return None
        margin = _margin(start.text)
        if skipped or margin:
            kept = [Line(start.number, margin)] if margin else []
            lines = [*kept, *skipped, *lines[body_at:]]
            body_at = 0
        # "<!-- arkiv: sekretess: grund -->" before the first sub-heading withholds the paragraph.
        body = lines[body_at:]
        first_heading = next((i for i, line in enumerate(body) if self.section_heading(line.text)), len(body))
        ground = next((found[1] for line in body[:first_heading] if (found := WITHHOLD.match(line.text.strip()))), None)
        if ground:
            return Item(number, title, tuple(dnr), withheld=Withholding(ground), line=start.number)
        decision = proposal = proposal_heading = decision_heading = ""
        sections: list[Section] = []
        facts = Facts()
        lists: dict[str, list[str]] = {REFERENCES: [], RECIPIENTS: []}
        chunks = self.sections(lines[body_at:])
        # A withheld part's text is never looked into: no decision, fact or vote is taken from it.
        withheld_in = [
            next((found[1] for line in chunk if (found := WITHHOLD.match(line.text.strip()))), None)
            for _, chunk in chunks
        ]
        # Handlingar: a marker in a part that is published names a document of the paragraph; one
        # in a withheld part is never read (its title may be what is withheld).
        documents: list[Document] = []
        chunks = [
            (heading, chunk if withheld else self.documents_in(chunk, documents))
            for (heading, chunk), withheld in zip(chunks, withheld_in, strict=True)
        ]
        decision_headed = any(self.ctx.is_decision_heading(heading) for heading, _ in chunks)
        # A decision said in so many words anywhere ("Styrelsen beslutade") wins over a guess.
        # Under a proposal heading ("Förslag till beslut") even "Direktionen beslutar …" is proposed.
        # (Asked only without a decision heading: with one, nothing below looks for it.)
        stated = [
            None
            if decision_headed or self.is_proposal_heading(heading) or withheld
            else self.decision.decision_opening(chunk)
            for (heading, chunk), withheld in zip(chunks, withheld_in, strict=True)
        ]
        decision_opened = any(at is not None for at in stated)
        for (heading, chunk), stated_at, withheld in zip(chunks, stated, withheld_in, strict=True):
            if withheld:
                # The same marker under any heading (the decision and the lists included) withholds
                # exactly that part: its heading and ground are kept, its text never enters the model.
                for line in chunk:
                    self.ctx.note(line, "paragraf", "sekretess")
                sections.append(Section(heading, "", Withholding(withheld)))
                continue
            kind = self.ctx.vocabulary.lists.get(normalise(heading)) if heading else None
            decided_at = None
            facts_section = bool(heading) and bool(self.ctx.vocabulary.fact_of_heading(heading))
            proposed = self.is_proposal_heading(heading)
            if not (decision_headed or decision or kind or facts_section):
                decided_at = stated_at
                # Nothing said in so many words: "<organet> godkänner …", then a passive last
                # ("Dagordningen godkändes.").
                if decided_at is None and not heading and not decision_opened:
                    decided_at = self.decision.decision_guess(chunk)
                if decided_at is None and not decision_opened and chunk is chunks[-1][1] and not proposed:
                    decided_at = self.decision.decision_passive(chunk)
            if not (decision_headed or decision or kind or proposed or decision_opened) and (
                (clauses := self.decision.decision_clauses(chunk)) is not None
            ):
                # The att-clauses with no lead-in ("att avslå motionen.") win over a guess; they may
                # follow a plain heading ("Ärendebeskrivning") or a vote's text ("Omröstning").
                decided_at = clauses
            if decided_at is not None:
                # "Direktionen beslutar: att …" in the running text, with no heading: the decision.
                for line in chunk[decided_at:]:
                    self.ctx.note(line, "paragraf", "beslut")
                decision, chunk = _markdown(self.decision.without_own_margin(chunk[decided_at:])), chunk[:decided_at]
            for line in chunk:
                self.ctx.note(line, "paragraf", heading or "text")
            if kind is not None:
                lists[kind] += [_unbullet(line.text) for line in chunk if line.text.strip()]
            elif self.ctx.is_decision_heading(heading) and not decision:
                decision = _markdown(chunk)
                if normalise(heading) != normalise(self.ctx.body.decision_heading):
                    decision_heading = heading
            elif self.is_proposal_heading(heading) and not proposal:
                # A proposal put to the body is not its decision: kept as the proposal.
                proposal, proposal_heading = _markdown(chunk), heading
            elif heading or _markdown(chunk):
                sections.append(Section(heading, _markdown(chunk)))
                self.facts.facts(heading, chunk, facts)
        if not any(s.withheld for s in sections):
            self.facts.facts_in_sentences(chunks, facts)
            if not facts.votes:
                # "Ja röstar: …" in the running text, with no "Omröstning" heading.
                facts.votes += [
                    vote
                    for heading, chunk in chunks
                    if not (heading and self.ctx.vocabulary.fact_of_heading(heading))
                    and (vote := self.facts.vote_in_sentences(chunk, headed=False) or self.facts.vote_in_columns(chunk))
                ]
        if not decision and not any(s.withheld and self.ctx.is_decision_heading(s.heading) for s in sections):
            self.ctx.warning(
                start.number, messages.MD_NO_DECISION.format(number=number, heading=self.ctx.body.decision_heading)
            )
        return Item(
            number=number,
            title=title,
            dnr=tuple(dnr),
            decision=decision,
            decision_heading=decision_heading,
            proposal=proposal,
            proposal_heading=proposal_heading,
            votes=tuple(facts.votes),
            reservations=tuple(facts.reservations),
            disqualified=tuple(facts.disqualified),
            motions=tuple(facts.motions),
            notes=tuple(facts.notes),
            facts_from_text=facts.found,
            sections=tuple(sections),
            references=tie(tuple(parse_reference(text, self.ctx.org) for text in lists[REFERENCES]), tuple(documents)),
            recipients=tuple(lists[RECIPIENTS]),
            documents=tuple(documents),
            adjusted_immediately=any(s.heading.casefold() == "omedelbar justering" for s in sections),
            line=start.number,
        )

    def documents_in(self, chunk: list[Line], documents: list[Document]) -> list[Line]:
        """The part's lines without its handling markers, whose documents go to ``documents``
        (a marker that cannot be read is an error at its line, from the marker checks)."""
        kept = []
        for line in chunk:
            text = line.text.strip()
            if text.startswith("<!--") and HANDLING_LIKE.match(text):
                if (found := handling(text)) is not None:
                    file, title, ground = found
                    self.ctx.note(line, "paragraf", "handling")
                    withheld = Withholding(ground) if ground else None
                    documents.append(Document(file, title, withheld=withheld, line=line.number))
                continue
            kept.append(line)
        return kept

    def dnr_below_title(self, lines: list[Line], at: int) -> int | None:
        """Where a dnr line stands among the few short lines right below the title, before any
        text (which is indented or longer); None when there is none."""
        for i in range(at, min(at + 6, len(lines))):
            text = lines[i].text.strip()
            if _is_dnr_cell(_unmark(text)) and not _HEADING.match(text):
                return i
            if lines[i].text.startswith("\t") or len(text) > 40 or self.section_heading(text):
                return None
        return None

    def title_beside_dnr(self, text: str, line: Line) -> tuple[str, list[Dnr]] | None:
        """A row of two cells, a title and a dnr ("**Titel**<TAB>KS 2025/412"), or None."""
        cells = [_unmark(c) for c in _cells(text.strip()) if _unmark(c)]
        if len(cells) != 2 or not _is_dnr_cell(cells[1]) or _is_dnr_cell(cells[0]) or MARGIN_REF.fullmatch(cells[0]):
            return None
        if self.section_heading(cells[0]):
            return None
        return cells[0], self.ctx.dnr(_strip_dnr_label(cells[1]), "Dnr", line.number, soft=True)

    def title_and_dnr(self, text: str, line: Line) -> tuple[str, list[Dnr]]:
        """A title as written; a dnr written inside it in parentheses ("(KS/2016:198)") is read too.
        A labelled dnr after a separator ("Tertialrapport 2 / Dnr 2010/0290-1.1.4") is the
        case's number printed on the title's line, not part of the title."""
        inside = re.search(r"\(([^()]{4,60})\)\s*$", text)
        if inside and _is_dnr_cell(inside[1]):
            try:
                return text, parse_many(_strip_dnr_label(inside[1]), self.ctx.org.dnr_prefix, self.ctx.file_date.year)
            except DnrError:
                pass
        after = [*_LABELLED_DNR_AFTER.finditer(text)]
        if after and after[-1].start() > 0:
            try:
                return text[: after[-1].start()].rstrip(), parse_many(
                    _strip_dnr_label(text[after[-1].end() :]), self.ctx.org.dnr_prefix, self.ctx.file_date.year
                )
            except DnrError:
                pass
        # "Beslut om att krisledningsnämnden träder i funktion, KS 2020/201": a dnr with its
        # prefix after the title's last comma.
        head, comma, last = text.rpartition(",")
        if comma and head.strip() and _LEADING_CODE.match(last) and _is_dnr_cell(last):
            try:
                return head.rstrip(), parse_many(last.strip(), self.ctx.org.dnr_prefix, self.ctx.file_date.year)
            except DnrError:
                pass
        return text, []

    def is_proposal_heading(self, heading: str) -> bool:
        """ "Förslag till beslut", "Arbetsutskottets förslag": a proposal put to the body."""
        return bool(heading) and bool(self.ctx.vocabulary.proposal.fullmatch(normalise(heading)))

    def sections(self, lines: list[Line]) -> list[tuple[str, list[Line]]]:
        """The paragraph's parts, each (heading, its lines). A withholding marker covers its
        heading's part and every part nested below it: a deeper heading's lines, the heading's
        own words included, join the withheld part (``#### Läkarintyget`` under a withheld
        ``### Sammanfattning``), so no word of them reaches the model."""
        parts: list[tuple[str, list[Line]]] = []
        heading, chunk, level = "", [], 0
        for line in lines:
            name = self.section_heading(line.text)
            if name is None:
                chunk.append(line)
                continue
            depth = _heading_level(line.text)
            if heading and depth > level and _withholds(chunk):
                chunk.append(line)  # nested in a withheld part: its heading is that part's too
                self.ctx.note(line, "paragraf", f"rubrik inom sekretess: {heading}")
                continue
            self.ctx.note(line, "paragraf", f"rubrik: {name}")
            if heading or any(c.text.strip() for c in chunk):
                parts.append((heading, chunk))
            heading, chunk, level = name, [], depth
        parts.append((heading, chunk))
        return parts

    def section_heading(self, text: str) -> str | None:
        # Asked of every line of every paragraph, and headings recur from meeting to meeting:
        # answered once per text for the body.
        if text in self.headings_seen:
            return self.headings_seen[text]
        if len(self.headings_seen) > SEEN_LIMIT:
            self.headings_seen.clear()
        known = self.headings_seen[text] = self._section_heading(text)
        return known

    def _section_heading(self, text: str) -> str | None:
        heading = _HEADING.match(text)
        if heading and len(heading[1]) >= 3:
            return _unbold(heading[2])
        bold = _BOLD_LINE.match(text.strip())
        # A heading may be written plain as well as bold: the vocabulary's words, alone on a line.
        plain = text.strip() if "\t" not in text.strip() and len(text.strip()) <= _PLAIN_HEADING else None
        if plain and (
            plain.endswith(".")
            or not (
                self.ctx.is_known_heading(normalise(plain))
                or (len(plain.split()) <= 8 and self.ctx.vocabulary.proposal.fullmatch(normalise(plain)))
            )
        ):
            plain = None  # a plain line is a heading only when it is one of the vocabulary's, not a sentence
        if bold or plain:
            name = bold[1].strip() if bold else (plain or "")
            key = normalise(name)
            vocabulary = self.ctx.vocabulary
            if self.ctx.is_known_heading(key) or vocabulary.proposal.fullmatch(key):
                return name.rstrip(":")
        return None
