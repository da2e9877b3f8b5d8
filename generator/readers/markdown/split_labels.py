"""Labels the export split over two lines ("Under-" / "skrifter", "Justerandes" / "signatur"),
joined before any rule reads the lines."""

from __future__ import annotations

import re
from functools import lru_cache

from generator.readers.markdown.context import ReadContext
from generator.readers.markdown.text import (
    PERSON_SHAPE_PATTERN,
    Line,
    _cells,
    _heading_like,
    _join_label,
    last_cell,
)
from generator.readers.vocabulary import MAX_FURNITURE, LabelTable, normalise

# A row that ends in a name ("<TAB>Ulla Brink (S)"), and one of a role alone ("<TAB>ersättare").
_NAME_ROW = re.compile(rf"(?:^|\t){PERSON_SHAPE_PATTERN}(?: \([^)]{{1,5}}\))?$")
_ROLE_ROW = re.compile(r"\t+[a-zåäö][\w ./-]{1,40}")
_PAIRED_ROWS = 3  # names and roles printed apart: a table of a few rows at least


_ENDS_IN_KL = re.compile(r"\b(?:kl\.?|klockan)\s*$", re.IGNORECASE)
_TIME_FIRST = re.compile(r"\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?")
_SPACED_HEAD_WORDS = 3  # "Justeringens", "Datum för": a label's first line is a word or three
_SPACED_PART_WORDS = 4  # "plats och tid", "för protokollet": and its end a few more


_TWO_DIGITS = re.compile(r"\d\D+\d")
_ISO_DATE_SPLIT = re.compile(r"(\d{4}-\d{2}-\d{2})")  # a row cut at its dates, the dates kept
_ROW = 200  # characters: a row of a header's table, flattened, is no longer
_WRAPPED_WORDS = 4  # what a wrapped row carries onto the next line: a municipality, a role
_LABEL_RUN = 2  # labels alone on their lines, one after another: the labels' column of a table
_PROSE_COMMAS = 2  # a list written as a sentence ("A (s), B (v), ekonom C") has two commas at least
_PROSE_LENGTH = 50  # characters: and runs on to the line's end (a person per line is shorter)


@lru_cache(maxsize=8)
def _inline_labels(labels: tuple[str, ...]) -> re.Pattern[str]:
    """After text, a capitalised label of ``labels`` and its colon (made once per vocabulary)."""
    words = "|".join(r"\s+".join(map(re.escape, label.split())) for label in labels)
    # Without a colon only between two values that are numbers ("Sammanträdesdatum 2022-05-17
    # Anslaget under tiden 2022-05-20 -- 2022-06-11"): words before a number are no label else.
    return re.compile(
        rf"(?<=\S)\s+(?P<label>(?=(?-i:[A-ZÅÄÖ]))(?:{words}))\s*:"
        rf"|(?<=\d)\s+(?P<bare>(?=(?-i:[A-ZÅÄÖ]))(?:{words}))(?=\s+\d)",
        re.IGNORECASE,
    )


class SplitLabels:
    """Joins a label's parts the export put on two lines."""

    def __init__(self, ctx: ReadContext) -> None:
        self.ctx = ctx
        self.inline: re.Pattern[str] | None = None  # see ``inline_labels``

    @property
    def tables(self) -> tuple[LabelTable, LabelTable]:
        """The labels a header or an anslag splits: the header's and the anslag's."""
        return self.ctx.vocabulary.header, self.ctx.vocabulary.posting

    def whole_label(self, text: str) -> bool:
        """``text`` is one of those labels and nothing more, in any form of its words."""
        return any(self.ctx.vocabulary.is_whole_label(table, text) for table in self.tables)

    def join_split_labels(self, lines: list[Line]) -> list[Line]:
        """Labels the export split over two lines ("Under-" above "skrifter", "Datum för anslags"
        above "uppsättande") made whole on the first line; the second keeps what else it holds.
        Only where the second line's first cell completes the label above it into a known one:
        text is never joined on a guess."""
        out = list(lines)
        for i in range(len(out) - 1):
            below_at = i + 1
            while below_at < len(out) and below_at - i <= 2:  # a label split over three lines too
                line, below = out[i], out[below_at]
                first_below = below.text.lstrip("\t *")[:1]
                if not (first_below.islower() or line.text.split("\t", 1)[0].rstrip().endswith("-")):
                    break  # a label goes on in lower case ("och tid"), or after a hyphen ("Under-")
                if len(line.text) > MAX_FURNITURE or not line.text.strip() or not below.text.strip():
                    break
                if (around := self.labels_around_values(line.text, below.text)) is not None:
                    # "Justeringens Kansliet 2009-03-16" above "plats och tid": the label's
                    # start, its value, and the label's end on the line below (a scan's table).
                    out[i], out[below_at] = Line(line.number, around), Line(below.number, "")
                    self.ctx.note(below, "huvud", "rubrikens andra rad")
                    break
                if (spaced := self.spaced_label(line.text, below.text)) is not None:
                    # "Justeringens" above "plats och tid Fritidsförvaltningen 2006-03-28": the
                    # label's end and its value in one line of words, no tab between.
                    out[i], out[below_at] = Line(line.number, spaced[0]), Line(below.number, spaced[1])
                    self.ctx.note(below, "huvud", "rubrikens andra rad")
                    break
                if len(below.text) > 60 or below.text.count(" ") > 4:
                    break  # the second line of a label is a word or two, not a line of text
                upper, lower = _cells(line.text), _cells(below.text)
                alone = len([c for c in lower if c]) == 1
                if not upper[0] or not lower[0] or len(lower) > len(upper):
                    break
                if not self.completes(upper[0], lower[0], alone):
                    break
                joined, rest = list(upper), list(lower)
                for j, part in enumerate(lower):
                    if part and upper[j] and self.completes(upper[j], part, alone):
                        joined[j], rest[j] = _join_label(upper[j], part), ""
                out[i] = Line(line.number, "\t".join(joined))
                out[below_at] = Line(below.number, "\t".join(rest).rstrip())
                self.ctx.note(below, "huvud", "rubrikens andra rad")
                if out[below_at].text:
                    break
                below_at += 1
        return out

    def join_wrapped_times(self, lines: list[Line]) -> list[Line]:
        """ "Plats och tid Fritidsgården, Tjärnby, kl" above "18.00-20.40": a time the export
        wrapped after its "kl" is put back on its line (the line below is left empty)."""
        out = list(lines)
        for i in range(len(out) - 1):
            if _ENDS_IN_KL.search(out[i].text) and (below := _TIME_FIRST.match(out[i + 1].text.strip())):
                out[i] = Line(out[i].number, f"{out[i].text.rstrip()} {below[0]}")
                out[i + 1] = Line(out[i + 1].number, out[i + 1].text.strip()[below.end() :].strip())
                self.ctx.note(lines[i + 1], "huvud", "tiden, på raden ovan")
        return out

    def join_wrapped_rows(self, lines: list[Line]) -> list[Line]:
        """ "Annika Törn (S), ordförande, Lidaholms" above "kommun": a row of the header the
        export wrapped is put back on one line (the lines below are left empty). A row goes on
        when the next line begins in lower case, when it ends in a comma, or when it is a list
        in prose ("Lisbeth Åkerman (s), Bo Claesson (v), näringslivschef" above "Pia Sundell
        § 24, …") that has not ended. Rows with cells, labels and headings stay as they are."""
        out = list(lines)
        target: int | None = None  # the row being put back together
        for i, line in enumerate(out):
            text = line.text.strip()
            if not text or "\t" in line.text:
                target = None
                continue
            above = out[target].text.rstrip() if target is not None else ""
            # Cut after a comma or in a sentence the rest may be long; a lower-case start alone
            # carries a word or two ("kommun").
            unfinished = above.endswith(",") or self.unfinished_prose(above)
            goes_on = bool(above) and "," in above and (text[:1].islower() or unfinished)
            if (
                not goes_on
                or (len(text.split()) > _WRAPPED_WORDS and not unfinished)
                or _heading_like(text)
                or self.ctx.vocabulary.label(self.ctx.vocabulary.header, text)
            ):
                target = i
                continue
            assert target is not None
            out[target] = Line(out[target].number, f"{above} {text}")
            out[i] = Line(line.number, "")
            self.ctx.note(line, "huvud", "raden ovan, ombruten")
        return out

    def unfinished_prose(self, text: str) -> bool:
        """A list of persons written as a sentence, cut by the line's end: long, with commas, and
        ending in "och", a title, or a title and a first name ("…, kommunchef Kent")."""
        words = text.split()
        if len(text) < _PROSE_LENGTH or text.count(",") < _PROSE_COMMAS or not words:
            return False
        endings = tuple(self.ctx.vocabulary.attendance["rolländelser"])
        if words[-1] in ("och", "samt") or (words[-1].endswith(endings) and words[-1].islower()):
            return True
        return len(words) > 1 and words[-2].islower() and words[-2].endswith(endings) and words[-1][:1].isupper()

    def labels_before_values(self, lines: list[Line]) -> list[Line]:
        """ "Plats och tid", "Beslutande", "Övriga deltagare", then their values in as many groups
        (a text export that read the labels' column before the values'): each group is moved under
        its label, lines and numbers as written. Groups are set apart by blank lines; without any,
        each label but the last takes one line. Nothing moves unless the counts agree."""
        out = list(lines)
        i = 0
        while i < len(out):
            labels = self._label_run(out, i)
            if len(labels) < _LABEL_RUN:
                i += 1
                continue
            after = labels[-1] + 1
            groups, stop = self._value_groups(out, after)
            if len(groups) != len(labels):
                if not groups or len(groups[0]) < len(labels):
                    i = after
                    continue
                # One block of lines: a line for each label, the rest to the last ("Underskrift": a
                # line drawn, a name); what follows the block is not theirs.
                head, block = len(labels) - 1, groups[0]
                groups, stop = [[j] for j in block[:head]] + [block[head:]], block[-1] + 1
            texts = [j for group in groups for j in group]
            for j in texts:
                self.ctx.note(out[j], "huvud", "värdet under sin rubrik")
            order = [j for label, group in zip(labels, groups, strict=True) for j in (label, *group)]
            placed = set(order)
            blanks = [out[j] for j in range(labels[0], stop) if j not in placed]  # only blank lines are left
            out[labels[0] : stop] = [out[j] for j in order] + blanks
            i = stop
        return out

    def _label_run(self, lines: list[Line], start: int) -> list[int]:
        """The indexes of the labels alone on their lines from ``start`` (blank lines between)."""
        found: list[int] = []
        for j in range(start, len(lines)):
            text = lines[j].text.strip()
            if not text:
                continue
            form_word = text.endswith(":") and len(text.split()) <= 2 and self.ctx.vocabulary.is_furniture(text)
            if "\t" in lines[j].text or not (form_word or self.whole_label(text)):
                break  # a label of the form ("Underskrift:") belongs to the run too
            found.append(j)
        return found

    def _value_groups(self, lines: list[Line], start: int) -> tuple[list[list[int]], int]:
        """The value lines after a run of labels, in groups set apart by blank lines, up to the
        next label or drawn line; and where they stop."""
        tables = self.tables
        groups: list[list[int]] = []
        current: list[int] = []
        stop = start
        for j in range(start, len(lines)):
            text = lines[j].text.strip()
            if not text:
                if current:
                    groups.append(current)
                    current = []
                continue
            if "\t" in lines[j].text or any(self.ctx.vocabulary.label(t, text) for t in tables):
                break
            current.append(j)
            stop = j + 1
        if current:
            groups.append(current)
        return groups, stop

    def pair_split_columns(self, lines: list[Line]) -> list[Line]:
        """ "Övriga närvarande<TAB>Ulla Brink (S)", six more names, then seven rows of roles
        ("<TAB>ersättare", …, "<TAB>sekreterare"): the export printed a table's two columns one
        after the other; each name gets the role of the same row again ("Ulla Brink (S), ersättare")."""
        out = list(lines)
        i = 0
        while i < len(out):
            names = i
            while names < len(out) and _NAME_ROW.search(out[names].text) and "," not in last_cell(out[names].text):
                names += 1
            count = names - i
            roles = names
            while roles < len(out) and roles - names < count and _ROLE_ROW.fullmatch(out[roles].text):
                roles += 1
            if count >= _PAIRED_ROWS and roles - names == count:
                for k in range(count):
                    name_line, role_line = out[i + k], out[names + k]
                    out[i + k] = Line(name_line.number, f"{name_line.text.rstrip()}, {role_line.text.strip()}")
                    out[names + k] = Line(role_line.number, "")
                    self.ctx.note(role_line, "huvud", "rollen till raden ovan")
                i = roles
            else:
                i = max(names, i + 1)
        return out

    def split_inline_labels(self, lines: list[Line]) -> list[Line]:
        """ "Organ: Regionförbundets styrelse Plats och tid: Regionförbundet Ljusmark": a line
        without tabs (an export that flattened the header's table) in which further labels, each
        with its colon, follow the first; each label opens a line of its own (same line number)."""
        pattern = self.inline_labels()
        out: list[Line] = []
        for line in lines:
            text = line.text
            cuts = (
                [
                    m.start("label") if m["label"] else m.start("bare")
                    for m in pattern.finditer(text)
                    if m["label"] or len(text) <= _ROW  # a flattened page is no row of labels
                ]
                if "\t" not in text and (":" in text or _TWO_DIGITS.search(text))
                else []
            )
            if not cuts:
                out.append(line)
                continue
            self.ctx.note(line, "huvud", "flera rubriker på raden")
            out += [
                Line(line.number, text[a:b].strip())
                for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)
                if text[a:b].strip()
            ]
        return out

    def inline_labels(self) -> re.Pattern[str]:
        if self.inline is None:
            vocabulary = self.ctx.vocabulary
            self.inline = _inline_labels(
                tuple(sorted({*vocabulary.header, *vocabulary.posting}, key=len, reverse=True))
            )
        return self.inline

    def labels_around_values(self, text: str, below: str) -> str | None:
        """The row made whole, as cells, when ``below`` (lower case, no tabs) ends the labels that
        begin ``text``: one label before its value ("Förvaringsplats Kommunkansliet" over "för
        protokollet"), or two side by side, each before its date ("Datum för anslagets
        2009-03-17 Datum för anslagets 2009-04-08" over "uppsättande nedtagande")."""
        if "\t" in text or "\t" in below or not below.strip()[:1].islower() or len(below.split()) > _SPACED_PART_WORDS:
            return None
        ends = below.split()
        pieces = [p.strip() for p in _ISO_DATE_SPLIT.split(text.strip()) if p.strip()]
        heads = pieces[0::2]
        if len(ends) >= 2 and len(heads) == len(ends) and len(pieces) == 2 * len(ends):
            # Two labels and two dates: each label's end in its column below.
            labels = [_join_label(head, end) for head, end in zip(heads, ends, strict=True)]
            if all(self.whole_label(label) for label in labels):
                return "\t".join(cell for pair in zip(labels, pieces[1::2], strict=True) for cell in pair)
            return None
        words = text.split()
        for k in range(min(_SPACED_HEAD_WORDS, len(words) - 1), 0, -1):
            label = _join_label(" ".join(words[:k]), below.strip())
            if self.whole_label(label) and self.completes(" ".join(words[:k]), below.strip()):
                return f"{label}\t{' '.join(words[k:])}"
        return None

    def spaced_label(self, text: str, below: str) -> tuple[str, str] | None:
        """(the label made whole, the value as a continuation row) when ``below``, written without
        tabs, opens in lower case with the words that complete the label ``text`` above."""
        head = text.strip()
        if "\t" in text or "\t" in below or not head or len(head.split()) > _SPACED_HEAD_WORDS:
            return None
        words = below.split()
        if not words or not words[0][:1].islower():
            return None
        for k in range(min(len(words) - 1, _SPACED_PART_WORDS), 0, -1):
            part = " ".join(words[:k])
            if self.completes(head, part):
                return _join_label(head, part), "\t" + " ".join(words[k:])
        return None

    def completes(self, head: str, part: str, alone: bool = False) -> bool:
        """``part`` on the line below completes ``head`` into a known label, and is none itself
        (or stands alone on its line, where a label of its own would have a value beside it)."""
        tables = self.tables
        if not self.whole_label(_join_label(head, part)):
            return False
        # "Justeringens" above "plats och tid": the second line is a label too, but the first is none.
        return (
            alone
            or not any(normalise(part) in table for table in tables)
            or not any(normalise(head) in table for table in tables)
        )
