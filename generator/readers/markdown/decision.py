"""Where a paragraph's decision starts when no heading says so: an opening that names the body
("Direktionen beslutar"), att-clauses, a passive sentence."""

from __future__ import annotations

import re

from generator.readers.markdown.context import ReadContext
from generator.readers.markdown.paragraph_starts import (
    abbreviates,
)
from generator.readers.markdown.text import (
    Line,
    _cells,
    last_cell,
)
from generator.readers.vocabulary import normalise

# "X yrkar att nämnden beslutar", "Förvaltningen föreslår nämnden besluta": att-clauses that
# follow are a motion's or a proposal's, not the decision.
_MOTION_LEAD_IN = re.compile(r"\byrka|\bföreslår\b|\bföreslog\b", re.IGNORECASE)


_SHORT_DECISION = 40  # words: a passive decision is short
_LIST_NUMBER = re.compile(r"(\d{1,2})[.)]\s")


class DecisionFinder:
    """Finds the decision in a paragraph without a decision heading."""

    def __init__(self, ctx: ReadContext) -> None:
        self.ctx = ctx
        self.opening_pattern: re.Pattern[str] | None = None  # see ``body_opening``

    def decision_opening(self, chunk: list[Line]) -> int | None:
        """Where the body's decision starts in text without a decision heading: "Direktionen
        beslutar att …", or "Styrelsen beslutade," with its att-clauses below."""
        texts = [line.text.strip() for line in chunk]
        for i, text in enumerate(texts):
            found = self.ctx.vocabulary.decision_intro.match(text)
            if not found or not self.ctx.is_this_body(found["body"]):
                continue
            following = next((t for t in texts[i + 1 :] if t), "")
            if "beslutar" in found.group(0).casefold() or re.match(r"(?i)att\b", text[found.end() :] or following):
                return i
        return None

    def decision_guess(self, chunk: list[Line]) -> int | None:
        """For a paragraph with no decision otherwise: the first paragraph of text that opens with
        the body's name and a verb ("Regionstyrelsen utser …", "Nämnden godkänner …")."""
        texts = [line.text.strip() for line in chunk]
        opening_of = self.body_opening()
        for i, text in enumerate(texts):
            opening = opening_of.match(text)
            if (
                opening
                and (not i or not texts[i - 1])  # the start of a paragraph, not a wrapped line
                and opening[1].islower()
                and opening[1] not in self.ctx.vocabulary.not_decision_verbs
            ):
                return i
        return None

    def paragraph_starts(self, chunk: list[Line]) -> tuple[list[int], list[str]]:
        """Where each paragraph of ``chunk`` starts (a row is one of its own) and its text."""
        starts = [
            i
            for i, line in enumerate(chunk)
            if line.text.strip() and (not i or not chunk[i - 1].text.strip() or "\t" in line.text)
        ]
        # A row's text is its last filled cell, beside a margin code ("Ks<TAB>att avslå motionen.").
        return starts, [last_cell(chunk[i].text) for i in starts]

    def decision_clauses(self, chunk: list[Line]) -> int | None:
        """For a paragraph with no decision otherwise: the last run of paragraphs that open with
        "att" or a decision verb in the infinitive ("att avslå motionen.", "Föreslå
        kommunfullmäktige besluta"), unless a yrkande leads into it."""
        starts, texts = self.paragraph_starts(chunk)
        run = None
        for k in range(len(starts) - 1, -1, -1):
            if self.decides(texts[k]):
                run = k
            elif run is not None:
                break
        lead_in = texts[run - 1] if run else ""
        if run is not None and not (_MOTION_LEAD_IN.search(lead_in) and not lead_in.endswith(".")):
            return starts[run]
        return None

    def decision_passive(self, chunk: list[Line]) -> int | None:
        """The paragraph's last paragraph of text when it decides in the passive ("Dagordningen
        godkändes.", "Till justerare utsågs …") and is short, as such a decision is."""
        starts, texts = self.paragraph_starts(chunk)
        if not starts:
            return None
        words = re.findall(r"\w+", texts[-1].casefold())
        decides = set(words) & self.ctx.vocabulary.decision_passives or self.ctx.vocabulary.adjusters_chosen.search(
            texts[-1]
        )  # "Eva Holm (M) justerar protokollet.": the choice of justerare, a decision
        if not (len(words) <= _SHORT_DECISION and decides):
            return None
        # "1. Ärende nr 8 utgår …" above "2. Föredragningslistan fastställs …": a numbered list
        # decides from its first item.
        first = len(texts) - 1
        while first > 0 and (number := _LIST_NUMBER.match(texts[first])) and number[1] != "1":
            if not _LIST_NUMBER.match(texts[first - 1]):
                break
            first -= 1
        return starts[first]

    def without_own_margin(self, lines: list[Line]) -> list[Line]:
        """A decision written in the text column beside margin codes ("Kfm<TAB>att notera …"):
        its text, without the body's own code (it says only who decides) or an empty margin."""
        out = []
        for line in lines:
            cells = _cells(line.text)
            own = len(cells) == 2 and (not cells[0] or abbreviates(cells[0], self.ctx.body.name))
            out.append(Line(line.number, cells[1]) if own and cells[1] else line)
        return out

    def decides(self, text: str) -> bool:
        first = re.match(r"(?:\d{1,2}[.)]\s+|[-–•*]\s+)?(\w+)\b", text)  # "1. Sälja …", "- att …"
        if not first:
            return False
        word = first[1]
        return word == "att" or (word[:1].isupper() and word.casefold() in self.ctx.vocabulary.decision_infinitives)

    def body_opening(self) -> re.Pattern[str]:
        """A sentence that opens with the body's name (or the noun it ends with) and a word."""
        if self.opening_pattern is None:
            names = [
                re.escape(self.ctx.body.name),
                *(re.escape(n) for n in self.ctx.vocabulary.body_nouns if normalise(self.ctx.body.name).endswith(n)),
            ]
            self.opening_pattern = re.compile(rf"(?:\*\*)?(?:{'|'.join(names)})\s+([a-zåäö]+)\b", re.IGNORECASE)
        return self.opening_pattern
