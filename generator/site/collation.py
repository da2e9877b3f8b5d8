"""Swedish alphabetical order (å, ä, ö after z; accents otherwise ignored), for lists people scan."""

from __future__ import annotations

import unicodedata

# After z, in this order; the Danish and Norwegian letters where Swedish dictionaries put them.
_AFTER_Z = {"å": "{a", "ä": "{b", "æ": "{b", "ö": "{c", "ø": "{c"}


def swedish_order(text: str) -> str:
    """A sort key: case folded, å/ä/ö last, other accents dropped ("é" as "e", "ü" as "y")."""
    out = []
    for char in text.casefold():
        if char in _AFTER_Z:
            out.append(_AFTER_Z[char])
        elif char == "ü":
            out.append("y")
        else:
            out.append("".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)))
    return "".join(out)


def initial(word: str) -> str:
    """The letter a word is listed under: "Å" as itself, "É" under "E"."""
    first = word[:1].upper()
    return first if first in "ÅÄÖ" else unicodedata.normalize("NFD", first)[:1]
