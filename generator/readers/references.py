"""Beslutsunderlag that point at another meeting's paragraph, read once by both readers.

"Kommunchefsberedningens sammanträde 2023-10-12 § 65" names a body (in the genitive), a date and
a § number. The reader keeps the text as published and adds the target; the archive index later
decides whether that paragraph is in the archive (a link) or not (plain text, in the build report).
"""

from __future__ import annotations

import re
from datetime import date

from generator.model import ItemRef, Organisation, Reference

_MEETING_REFERENCE = re.compile(
    r"^(?P<genitive>[A-ZÅÄÖ][\w-]*s)\s+sammanträde\s+(?P<date>\d{4}-\d{2}-\d{2}),?\s*§\s*(?P<number>\d+)\s*$"
)


def parse_reference(text: str, organisation: Organisation) -> Reference:
    found = _MEETING_REFERENCE.match(text.strip())
    if not found:
        return Reference(text)
    genitive = found["genitive"].casefold()
    body = next((b for b in organisation.bodies if b.genitive.casefold() == genitive), None)
    try:
        day = date.fromisoformat(found["date"])
    except ValueError:
        return Reference(text)
    if body is None:
        return Reference(text)
    return Reference(text, ItemRef(body.slug, day, int(found["number"])))
