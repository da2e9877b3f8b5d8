"""Segmenting attendance text into persons.

The PDF-to-Markdown export runs a whole attendance cell together: "Jacob Käll, Vimmerby kommun,
ordförande Elisabet Hagström, Ydre kommun, vice ordförande ...". Names are found with the roster
and the municipality names; a name missing from the roster is still read (capitalised words up to
a comma) and reported as a warning, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from generator import messages
from generator.model import AttendanceGroup, Attendee, ParagraphRange
from generator.model.roster import Roster

RANGE = re.compile(r"\(?§§?\s*(\d{1,6})(?:\s*[-–]\s*(\d{1,6}))?(?!\d)\)?")
_NAME_WORD = re.compile(r"[A-ZÅÄÖÉÜ][\w'’.-]*")
# A role or title is written in lower case ("vice ordförande", "förbundsdirektör"); "IT-chef"
# style abbreviations are the one capitalised form allowed.
_ROLE_WORD = re.compile(r"(?:[a-zåäöéü0-9][\w:.-]*+|[A-ZÅÄÖ]{2,8}+-[a-zåäö][\w-]*+)(?=[\s,]|$)")
# Bounded (a name of up to five words of up to 40 letters): tried at every name in a cell, an
# unbounded pattern made reading a long cell quadratic.
_MUNICIPALITY = re.compile(
    r"[A-ZÅÄÖ][\w-]{0,40}+(?: [A-ZÅÄÖ][\w-]{0,40}+){0,4}+ (?:kommun|kommuns|region)\b|Region [A-ZÅÄÖ][\w-]{0,40}+"
)

Warn = Callable[[str], None]


def paragraph_range(first: str, last: str | None) -> ParagraphRange:
    return ParagraphRange(int(first), int(last or first))


class AttendanceReader:
    """Reads attendance cells against one organisation's roster and municipalities."""

    def __init__(self, roster: Roster, municipalities: tuple[str, ...]) -> None:
        self.roster = roster
        self.municipalities = sorted(municipalities, key=len, reverse=True)

    def read(self, text: str, group: AttendanceGroup, warn: Warn) -> list[Attendee]:
        found: list[Attendee] = []
        pos = 0
        while (pos := _skip(text, pos)) < len(text):
            name, person, pos = self._name(text, pos, warn)
            if name is None:
                end = text.find(",", pos + 1)
                end = len(text) if end < 0 else end
                warn(messages.MD_ATTENDEE_TEXT.format(value=text[pos:end].strip()))
                pos = end + 1
                continue
            municipality = role = serving_for = None
            while text.startswith(",", _skip(text, pos)):
                after = _skip(text, _skip(text, pos) + 1)
                place = self._municipality(text, after)
                if place and municipality is None:
                    municipality, pos = place, after + len(place)
                    continue
                words, end = _role(text, after)
                if not words:
                    pos = after
                    break
                if words.endswith(" för") or words == "för":
                    # "tjänstgörande ersättare för Claes Sjökvist": the member being replaced.
                    serving_for, _, end = self._name(text, _skip(text, end), warn)
                    words = words.removesuffix("för").strip()
                role = words if role is None else f"{role}, {words}"
                pos = end
            paragraphs = None
            span = RANGE.match(text, _skip(text, pos))
            if span:
                paragraphs = paragraph_range(span[1], span[2])
                pos = span.end()
            found.append(
                Attendee(
                    name=name,
                    group=group,
                    person=person,
                    municipality=municipality,
                    role=role or None,
                    serving_for=serving_for,
                    paragraphs=paragraphs,
                )
            )
        return found

    def _name(self, text: str, pos: int, warn: Warn) -> tuple[str | None, str | None, int]:
        known = self.roster.match_at(text, pos)
        if known:
            return text[pos : known.end], known.person.slug, known.end
        end = pos
        words: list[str] = []
        while (word := _NAME_WORD.match(text, end)) and (not words or not self.roster.match_at(text, end)):
            if self._municipality(text, end):
                break
            words.append(word.group(0))
            end = word.end()
            if not text.startswith(" ", end) or not _NAME_WORD.match(text, end + 1):
                break
            end += 1
        if not words:
            return None, None, pos
        name = " ".join(words)
        warn(messages.PERSON_NOT_IN_ROSTER.format(name=name))
        return name, None, pos + len(name)

    def _municipality(self, text: str, pos: int) -> str | None:
        for known in self.municipalities:
            if text.startswith(known, pos):
                return known
        other = _MUNICIPALITY.match(text, pos)
        return other.group(0) if other else None


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _role(text: str, pos: int) -> tuple[str, int]:
    words: list[str] = []
    end = pos
    while word := _ROLE_WORD.match(text, end):
        words.append(word.group(0))
        end = word.end()
        if not text.startswith(" ", end):
            break
        if not _ROLE_WORD.match(text, end + 1):
            break
        end += 1
    return " ".join(words), end
