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
_PARTS = re.compile(r",\s*|\s+och\s+")
_LOWER_WORDS = re.compile(r"[a-zåäö][\w.-]*(?:\s+[a-zåäö][\w.-]*)*")


def present_in_sentence(text: str) -> list[str] | None:
    """The persons a sentence of presence names, each as an attendance row ("Name, role,
    rest"); None when ``text`` is no such sentence or names nobody."""
    said = _PRESENT.search(text)
    if said is None:
        return None
    rows: list[str] = []
    for part in _PARTS.split(text[said.end() :].strip().rstrip(".")):
        part = part.strip()
        name = NAME_START.search(part)
        if name is None:
            if rows and _LOWER_WORDS.fullmatch(part):
                rows[-1] = f"{rows[-1]}, {part}"  # "Lena Hägg, sekreterare": a role after the name
            continue
        before = part[: name.start()].strip()
        if before and not _LOWER_WORDS.fullmatch(before):
            continue  # "tjänstemännen vid Mossbyhem": words around no person
        rest = part[name.start() :]
        person, _, after = rest.partition(" (")
        row = ", ".join(p for p in (person.strip(), before) if p)
        rows.append(f"{row}, {after.rstrip(')')}" if after else row)
    return rows or None
