"""Page furniture: running headers and footers, signature boxes and page numbers that the PDF
printed on its pages. A line is furniture by the vocabulary's list, by being the organisation's
or body's name, or by recurring on several pages whatever its words; content never is."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import Any

from generator import messages
from generator.readers.markdown.context import SEEN_LIMIT, ReadContext, shared_memo
from generator.readers.markdown.grid_tables import is_grid_border
from generator.readers.markdown.paragraph_starts import (
    _is_item_start,
)
from generator.readers.markdown.text import (
    _LEADERS,
    _PIPE_SEPARATOR,
    Line,
    _cells,
    _instruction,
    _is_dnr_cell,
    _near,
    _unmark,
)
from generator.readers.markers import MARKER_LIKE
from generator.readers.vocabulary import MAX_FURNITURE, normalise, unaccented

_FURNITURE_SEEN: dict[tuple[object, ...], Any] = {}


# A page number: a short number that is not part of a date, a dnr, a § or an amount.
_DIGITS = re.compile(r"(?<![\d\-/:.,§ ]\d)(?<![\d\-/:.,§])(?<!§ )\b\d{1,3}\b(?![\d\-/:.,])")


# "Au 71", "Ks § 88", "Kfm § 12": a paragraph reference in the margin, the case's earlier handling.
# "Au § 14", "Au GyN § 42": the earlier handling of the case, by a body's short name (or two).
MARGIN_REF = re.compile(r"([A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,4})(?:\s+[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,4})?\.?\s*§{0,2}\s*\d{1,4}")


_PAGE_WORDS = frozenset({"sida", "sid", "s", "blad", "page", "p"})

# A saved web page's links: "[Start](/)", "[![Logotyp](/images/logo.svg)](/)".
_LINK = re.compile(r"!?\[((?:[^\[\]]|!\[[^\]]*\]\([^)]*\))*)\]\(([^)\s]*)[^)]*\)")
# Within the site ("/arkiv", "#innehall"), to no file: the site's navigation, not a document.
_SITE_TARGET = re.compile(r"(?:#.*|/(?:[^.]*))")


def _titles_under_starts(lines: list[Line]) -> set[int]:
    """The numbers of the first three lines of text under each paragraph start."""
    return {
        line.number
        for i, start in enumerate(lines)
        if _is_item_start(start.text)
        for line in [line for line in lines[i + 1 : i + 8] if line.text.strip()][:3]
    }


# A scan's misreadings inside a word ("RÄDDN1NGSTJÄNSTEN", "Sammantradesdatum"): the same
# running header on every page, as repetitions are compared.
_DIGIT_IN_WORD = re.compile(r"(?<=[^\W\d_])[01](?=[^\W\d_])")


@lru_cache(maxsize=65536)
def _key_of(text: str) -> str:
    """A line as its words are judged: normalised, short numbers (page numbers) masked."""
    return _DIGITS.sub("#", normalise(text.strip().replace("|", " ")))


@lru_cache(maxsize=65536)
def _scan_folded(key: str) -> str:
    """A key as repetitions are grouped: a scan's likely misreadings folded."""
    if "0" in key or "1" in key:
        key = _DIGIT_IN_WORD.sub(lambda digit: "io"[digit[0] == "0"], key)
    return unaccented(key)


# A saved web page's breadcrumb: the organisation's name, then the pages down to this one.
_CRUMB_SEPARATOR = re.compile(r"\s+[|>›»]\s+")
_CRUMBS, _CRUMB_WORDS = 3, 6
_RULE_LINE = re.compile(r"[_=|\s-]*_{3}[_=|\s-]*")  # a drawn line, no words
_NAMED_HEADER_WORDS = 5  # the organisation's name and a title: a running header, not a sentence
_FOOTER_CELLS = 3  # a footer of addresses and numbers in a row: three cells at least


class Furniture:
    """Tells furniture from content, line by line, and keeps the content."""

    def __init__(self, ctx: ReadContext) -> None:
        self.ctx = ctx
        self.running_headers = {name.casefold() for name in (ctx.body.name, ctx.org.name, ctx.org.short_name)}
        # Lines recur from meeting to meeting: each is judged furniture or not once per body.
        headers = sorted(self.running_headers)
        self.furniture_seen: dict[str, str] = shared_memo(_FURNITURE_SEEN, ctx.vocabulary, *headers)
        self.repeated: dict[str, str] = {}  # lines that are furniture by recurring, with the rule (set by the reader)
        self.furniture_now: dict[str, str] = {}  # this file's answers (cleared when ``repeated`` is set)

    def is_furniture(self, text: str) -> bool:
        return bool(self.furniture_rule(text))

    def furniture_rule(self, text: str) -> str:
        """Why ``text`` is page furniture, in the words ``arkiv explain`` shows; "" when it is not."""
        # Asked of most lines several times: answered once per line of this file.
        rule = self.furniture_now.get(text)
        if rule is None:
            rule = self.furniture_now[text] = self._rule_in_file(text)
        return rule

    def _rule_in_file(self, text: str) -> str:
        if "<!--" in text and MARKER_LIKE.search(text) and not _instruction(text.strip()):
            # A withholding marker is never furniture, however often it recurs or whatever the
            # organisation's patterns say: dropped, it would publish what it withholds.
            return ""
        if text.strip() == self.ctx.date_line:
            return messages.FURNITURE_DATE_LINE  # the running header's "Sammanträdesdatum" value
        if text in self.repeated:
            return self.repeated[text]
        seen = self.furniture_seen.get(text)
        if seen is None:
            if len(self.furniture_seen) > SEEN_LIMIT:
                self.furniture_seen.clear()
            seen = self.furniture_seen[text] = self._furniture_rule(text)
        return seen

    def _furniture_rule(self, text: str) -> str:
        bare = text.replace("\t", " ").strip()
        if _instruction(bare):
            return messages.FURNITURE_INSTRUCTION  # an instruction to the archive, not content
        if "](" in bare:
            links = list(_LINK.finditer(bare))
            rest = _LINK.sub("", bare).strip(" -*/|")
            if links and not rest and all(_SITE_TARGET.fullmatch(link[2]) for link in links):
                return messages.FURNITURE_NAVIGATION  # "- [Start](/)", "[Dela sidan](#share)"
            # A link is judged by its words ("Du är här: Start / Arkiv"); an image stays as it is.
            bare = _LINK.sub(lambda link: link[0] if link[0].startswith("!") else link[1], bare)
        if is_grid_border(bare):
            return messages.FURNITURE_GRID  # "+-----+-----+": a grid table's drawing, however wide
        if len(bare) > MAX_FURNITURE and bare[:1] not in "-_–—":
            return ""  # no running header is this long: a line of content
        if _unmark(bare).casefold() in self.running_headers:
            return messages.FURNITURE_NAME  # a running header: the organisation's or body's name
        crumbs = _CRUMB_SEPARATOR.split(bare) if "|" in bare or ">" in bare or "›" in bare else []
        if (
            len(crumbs) >= _CRUMBS
            and crumbs[0].strip().casefold() in self.running_headers
            and all(len(crumb.split()) <= _CRUMB_WORDS for crumb in crumbs)
        ):
            return messages.FURNITURE_NAVIGATION  # "Högskolan i Ekeslätt | Om högskolan | Styrelsen": where the page is
        if self.ctx.vocabulary.is_furniture(bare):
            own = self.ctx.vocabulary.is_own_furniture(bare)
            return messages.FURNITURE_OWN_VOCABULARY if own else messages.FURNITURE_VOCABULARY
        if bare[-3:].casefold() in ("kb)", "mb)") and self.ctx.vocabulary.attachment_link.fullmatch(normalise(bare)):
            return messages.FURNITURE_ATTACHMENT
        # A running header of cells, printed once or on every page: each cell the organisation's
        # or body's name, a document title or a page number ("ITSAM<TAB>PROTOKOLL<TAB>Sida 2 (8)").
        cells = [_unmark(c) for c in _cells(text.strip()) if _unmark(c)]
        if (
            len(cells) >= 2
            and cells[0].casefold() in self.running_headers
            and any(self.ctx.vocabulary.letterhead.search(c) for c in cells[1:])
        ):
            # "Fjällvidda gymnasieförbund<TAB>Skolvägen 4, Björnvik<TAB>www.fjallvidda.invalid", once.
            return messages.FURNITURE_LETTERHEAD
        if len(cells) >= _FOOTER_CELLS and all(self.ctx.vocabulary.letterhead.search(c) for c in cells):
            # "ADRESS<TAB>TELEFON<TAB>FAX<TAB>E-POST" over "Stadshuset, 442 81 Kullsjö<TAB>0303-23 80 00
            # vx<TAB>…": a footer's rows, every cell an address, a number or their headings.
            return messages.FURNITURE_LETTERHEAD
        if len(cells) >= 2 and all(self.is_header_cell(c) or self.ctx.vocabulary.is_furniture(c) for c in cells):
            return messages.FURNITURE_HEADER_CELLS
        return ""

    def is_header_cell(self, cell: str) -> bool:
        """A running header's cell: the organisation's or body's name, a document title."""
        return _unmark(cell).casefold() in self.running_headers or self.ctx.vocabulary.is_title(cell)

    def content(self, lines: list[Line]) -> list[Line]:
        kept = []
        after_furniture = False
        for line in lines:
            rule = self.furniture_rule(line.text)
            # A furniture row written as a pipe table brings its separator row along, a signature
            # box its rule ("____|____|____" under "Justerandes sign | | Utdragsbestyrkande").
            if (
                not rule
                and after_furniture
                and (_PIPE_SEPARATOR.match(bare := line.text.strip()) or _RULE_LINE.fullmatch(bare))
            ):
                rule = messages.FURNITURE_SEPARATOR
            if rule:
                self.ctx.note(line, "möbler", messages.FURNITURE_REMOVED.format(rule=rule))
                after_furniture = True
            else:
                kept.append(line)
                after_furniture = after_furniture and not line.text.strip()
        return kept

    def repeated_furniture(self, lines: list[Line]) -> dict[str, str]:
        """Lines that are page furniture because they recur, whatever their words (with the rule
        that makes each one so): a running header or footer is printed on every page, with its
        page number or the meeting's date."""
        groups: dict[str, list[str]] = {}
        at: dict[str, list[int]] = {}
        # A content table's header and separator rows recur from § to § and are never furniture.
        separators = {
            i for i, line in enumerate(lines) if "---" in line.text and _PIPE_SEPARATOR.match(line.text.strip())
        }
        table_heads = {i - 1 for i in separators}
        for i, line in enumerate(lines):
            bare = line.text.strip()
            if i in separators:
                continue
            if i in table_heads and not any(
                self.ctx.vocabulary.is_furniture(c) or self.ctx.names_body(c) for c in _cells(bare) if c
            ):
                continue  # a table's header row, unless it is the running header written as a table
            # A grid table's border recurs with every row: a table's drawing, not a page's header.
            if 0 < len(bare) <= MAX_FURNITURE and not is_grid_border(bare):
                group = _scan_folded(_key_of(bare))
                groups.setdefault(group, []).append(line.text)
                at.setdefault(group, []).append(line.number)
        found: dict[str, str] = {}
        # A line right under a paragraph start is its title (two cases can share one, the
        # meeting's date in it: "Delårsbokslut per 2006-08-31"), never the page's.
        under_start: set[int] | None = None  # made only when some line would be furniture
        for group, texts in groups.items():
            key = _key_of(texts[0].strip())
            if len(texts) < 2 or self.ctx.is_known_heading(key) or _is_item_start(texts[0]) or _is_dnr_cell(texts[0]):
                continue
            numbers = at[group]
            if any(b - a <= 3 for a, b in pairwise(numbers)):
                continue  # rows of one table, not a header printed once a page
            cells = [c for c in _cells(texts[0].strip(" ")) if c]
            rule = (
                (
                    len(texts) >= 3
                    and "#" in key
                    and len(set(texts)) > 1
                    and not self.paragraph_ref(texts[0])
                    and not _LEADERS.search(texts[0])  # "Delårsbokslut ...... 6": a contents row's page
                    and messages.FURNITURE_PAGE_NUMBERS
                )
                or (self.ctx.date_line in texts[0] and len(key.split()) <= 16 and messages.FURNITURE_MEETING_DATE)
                or (len(texts) >= 3 and len(cells) >= 2 and messages.FURNITURE_FOOTER)  # address, org. number
                or (
                    len(cells) >= 2
                    and any(self.ctx.vocabulary.is_furniture(c) for c in cells)
                    and messages.FURNITURE_CELL
                )
                or (self.ctx.vocabulary.is_title(key) and messages.FURNITURE_TITLE)
                # "ÅSNEBO KOMMUN SAMMANTRADESPROTOKOLL" on every page: the name and a word or two
                # in capitals (a title, as the scan read it); a sentence that opens with the
                # body's name ("Kommunstyrelsen föreslår …") is no header however often it recurs.
                or (
                    len(texts) >= 3
                    and texts[0].strip() == texts[0].strip().upper()
                    and len(key.split()) <= _NAMED_HEADER_WORDS
                    and any(key.startswith(f"{name} ") for name in self.running_headers)
                    and messages.FURNITURE_NAME
                )
            )
            if rule and under_start is None:
                under_start = _titles_under_starts(lines)
            if rule and under_start is not None and not all(n in under_start for n in numbers):
                found.update(dict.fromkeys(texts, rule))
        # A short line printed beside the running header on every page ("Utdragsbestyrkan", cut
        # off by the export) is the page's too; so is a footer of cells (the address, the
        # telephone) beside the page number, though a protocol of two pages prints it twice.
        candidates = [
            (group, key, texts)
            for group, texts in groups.items()
            if (key := _key_of(texts[0].strip()))
            and (
                (len(texts) >= 3 and len(key.split()) <= 3)
                or (len(texts) >= 2 and len([c for c in _cells(texts[0].strip()) if c]) >= 3)
            )
            and texts[0] not in found
            and not _is_item_start(texts[0])
            and not self.ctx.is_known_heading(key)
            and not self.paragraph_ref(texts[0])
        ]
        if not candidates:
            return found
        # Looked at only around the candidates: the lines within three of each occurrence, and
        # the lines above it up to furniture or a paragraph start (is it a list under a heading?).
        index = {line.number: i for i, line in enumerate(lines)}
        wanted = sorted({n + d for group, _, _ in candidates for n in at[group] for d in range(-3, 4)} & index.keys())
        near = [n for n in wanted if (text := lines[index[n]].text) in found or self.is_furniture(text)]
        # The last page's footer has no running header after it.
        last = next((line.number for line in reversed(lines) if line.text.strip()), 0)
        for group, key, texts in candidates:
            numbers = at[group]
            # A word cut from the furniture's own is the page's even under a list ("Övriga närvarande").
            if all(_near(near, n) or n == last for n in numbers) and (
                self.ctx.vocabulary.is_cut_furniture(key)
                or not any(self.under_list_heading(lines, index[n], found) for n in numbers)
            ):
                found.update(dict.fromkeys(texts, messages.FURNITURE_BESIDE))
        return found

    def paragraph_ref(self, text: str) -> bool:
        """ "Sn 58", "Au 71": a paragraph written in the margin as the case's history (a short
        code and a number that is no page's, "Sida 3"); its number varies like a page number's,
        but it is content."""
        found = MARGIN_REF.fullmatch(text.strip())
        return bool(found and normalise(found[1]) not in _PAGE_WORDS)

    def under_list_heading(self, lines: list[Line], at: int, found: dict[str, str]) -> bool:
        """Whether the line at ``at`` stands under a heading of the vocabulary ("Beslutsexpediering"
        above "Akt"), with nothing but text between: then it is a list's, not the page's."""
        for earlier in reversed(lines[max(0, at - 12) : at]):
            text = earlier.text
            if not text.strip():
                continue
            if text in found or self.is_furniture(text) or _is_item_start(text):
                return False
            if self.ctx.is_known_heading(normalise(text)):
                return True
        return False
