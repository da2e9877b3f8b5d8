"""The archive's own markers in a protocol (<!-- … -->): withholding, corrections, the original
PDF: each understood where it stands or an error at its line."""

from __future__ import annotations

from generator import messages
from generator.model import (
    Correction,
)
from generator.readers.markdown.context import ReadContext
from generator.readers.markdown.paragraph_starts import (
    _LONG_NUMBER,
)
from generator.readers.markdown.text import (
    Line,
    _instruction,
)
from generator.readers.markers import (
    CORRECTION,
    HANDLING_LIKE,
    MARKER_LIKE,
    WITHHOLD,
    WITHHOLD_WITHOUT_GROUND,
    handling,
    misspelt_marker,
)


class MarkerReader:
    """Checks the archive's markers and reads the corrections."""

    def __init__(self, ctx: ReadContext) -> None:
        self.ctx = ctx

    def corrections(self, lines: list[Line]) -> list[Correction]:
        found = []
        for line in lines:
            if marker := CORRECTION.match(line.text.strip()):
                day = self.ctx.parse_date(marker["day"], "rättelse", line.number)
                if day is not None:
                    found.append(Correction(day, marker["reason"], line.number))
        return found

    def check_markers(self, lines: list[Line], marked: list[Line], items_at: int, items_end: int) -> None:
        """Every archive marker is understood where it stands, or is an error at its line.
        ``marked``: the lines that hold "<!--" or a look-alike; ``items_at``, ``items_end``: indexes
        in ``lines``."""
        for line in marked:
            text = line.text.strip()
            if misspelt_marker(text):
                self.ctx.error(line.number, messages.MARKER_MISSPELT.format(value=text[:80]))
            elif WITHHOLD_WITHOUT_GROUND.match(text):
                self.ctx.error(line.number, messages.MARKER_NO_GROUND)
            elif WITHHOLD.match(text):
                if not items_at < line.number - 1 < items_end:
                    self.ctx.error(line.number, messages.MARKER_OUTSIDE_ITEMS)
            elif HANDLING_LIKE.match(text):
                # A handling belongs to the paragraph it stands in (read there, by items.py).
                if handling(text) is None:
                    self.ctx.error(line.number, messages.HANDLING_FORM.format(value=text[:80]))
                elif not items_at < line.number - 1 < items_end:
                    self.ctx.error(line.number, messages.HANDLING_OUTSIDE_ITEMS)
            elif _instruction(text):
                continue
            elif MARKER_LIKE.search(text):
                self.ctx.error(line.number, messages.MARKER_UNKNOWN.format(value=text[:80]))
        for line in lines:
            if line.text[:1] == "§" and (too_long := _LONG_NUMBER.match(line.text)):
                self.ctx.error(line.number, messages.PARAGRAPH_NUMBER_TOO_LONG.format(value=too_long[1][:12] + "…"))
