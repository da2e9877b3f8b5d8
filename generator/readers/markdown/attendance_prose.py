"""Attendance said in a sentence, as older protocols write those present besides the members:

    Dessutom närvarade tjänstemännen vid bolaget, ekonomichefen Karin Wessel, fastighetschefen
    Anders Törn (§§ 4–5) och chefsjuristen Lena Hägg, sekreterare.

Each person is written with the role before the name (in the definite form) or after it. The
sentence is rewritten as the rows the attendance reader reads ("Karin Wessel, ekonomichefen"),
so spans and roles are read by one set of rules."""

from __future__ import annotations

import re

from generator.readers.markdown.text import NAME_START

# A verb of presence: what is said after it lists those present.
_PRESENT = re.compile(r"\b(?:närvarade|närvarar|deltog|deltar|närvarande\s+(?:var|är|voro))\b", re.IGNORECASE)
_PARTS = re.compile(r",\s*|\s+(?:och|samt)\s+")
_LOWER_WORDS = re.compile(r"[a-zåäö][\w.-]*(?:\s+[a-zåäö][\w.-]*)*")
# A name at the end of a part: its run of capitalised words ("ekonomichefen Anna Maria Berglund").
_NAME_AT_END = re.compile(r"(?:^|\s)((?:[A-ZÅÄÖÉÜ][\w'’-]*\s+)+[A-ZÅÄÖÉÜ][\w'’-]*)$")
# "tjänstemännen vid Sjöholmshem Anna Berglund": after a preposition, the run's first word is a place.
_NAME_AND_PLACE = 3  # words: a place and a name of two
_PLACE_BEFORE = frozenset({"vid", "på", "från", "i", "hos", "inom"})


def present_in_sentence(text: str) -> list[str] | None:
    """The persons a sentence of presence names, each as an attendance row ("Name, role,
    rest"); None when ``text`` is no such sentence or names nobody."""
    said = _PRESENT.search(text)
    if said is None:
        return None
    rows: list[str] = []
    for part in _PARTS.split(text[said.end() :].strip().rstrip(".")):
        part = part.strip()
        written, _, after = part.partition(" (")
        name = _NAME_AT_END.search(written.strip()) if NAME_START.search(written) else None
        if name is None:
            if rows and _LOWER_WORDS.fullmatch(part):
                rows[-1] = f"{rows[-1]}, {part}"  # "Lena Hägg, sekreterare": a role after the name
            continue
        before, person = written[: name.start(1)].strip(), name[1]
        words = person.split()
        if len(words) >= _NAME_AND_PLACE and before.split()[-1:] and before.split()[-1] in _PLACE_BEFORE:
            before, person = f"{before} {words[0]}", " ".join(words[1:])
        # "ekonomichefen Karin Wessel": the role before the name; "tjänstemännen vid Sjöholmshem
        # Anna Berglund": what they are, said with the place they work at.
        row = ", ".join(p for p in (person, before) if p)
        rows.append(f"{row}, {after.rstrip(')')}" if after else row)
    return rows or None
