"""A PDF's pages as a reader of them sees them: each page's characters by their place (hidden
text too), and its annotations: their text (a note, a form field's value, a link) and what they
draw (an appearance shows whatever /Contents says)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from generator.readers.pdf_findings import PAGE, Found, decoded_text, stream_data, text_of
from generator.readers.pdf_limits import Budget

# An annotation's (or its form field's) text: note, author, subject, rich text, field name and value.
_ANNOTATION_TEXT = ("Contents", "T", "TU", "TM", "Subj", "RC", "V", "DV", "CA")


def pages(doc: Any, found: Found, budget: Budget) -> None:
    """Each page's text (what a reader of the PDF sees, and hidden text) and its annotations'."""
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdftypes import resolve1

    device = _text_device(PDFResourceManager(caching=True), budget)
    interpreter = PDFPageInterpreter(device.rsrcmgr, device)
    for number, page in enumerate(PDFPage.create_pages(doc), start=1):
        budget.check_pages(number)
        budget.check_time()
        interpreter.process_page(page)
        text = _page_text(device.get_result())
        found.texts.append(text)
        found.look(text, PAGE, number)
        for annotation in map(resolve1, resolve1(page.annots) or []):
            found.look("\n".join(_annotation_text(annotation)), PAGE, number)
            # What the annotation draws (its appearance), which a viewer shows whatever /Contents says.
            for appearance in _appearances(annotation):
                device.begin_page(page, (1, 0, 0, 1, 0, 0))
                interpreter.render_contents(resolve1(appearance.attrs.get("Resources")), [appearance])
                device.end_page(page)
                found.look(_page_text(device.get_result()), PAGE, number)


def _text_device(resources: Any, budget: Budget) -> Any:
    """pdfminer's layout device keeping only characters, each object drawn counted against the
    page's limit (paths and images are counted, not kept: no text is in them)."""
    from pdfminer.converter import PDFPageAggregator

    class Counting(PDFPageAggregator):
        drawn = 0

        def begin_page(self, page: Any, ctm: Any) -> None:
            self.drawn = 0
            super().begin_page(page, ctm)

        def render_char(self, *args: Any, **kwargs: Any) -> float:
            self.count()
            width: float = super().render_char(*args, **kwargs)
            return width

        def paint_path(self, *args: Any, **kwargs: Any) -> None:
            self.count()

        def render_image(self, *args: Any, **kwargs: Any) -> None:
            self.count()

        def count(self) -> None:
            self.drawn += 1
            budget.check_objects(self.drawn)

    return Counting(resources, laparams=None)


def _page_text(layout: Any) -> str:
    """The page's characters as lines, read by their place on the page (not the order they are
    drawn in), a space where there is a gap: the text as a reader of the page sees it."""
    chars = sorted(_chars(layout), key=lambda c: (-round(c.y0), c.x0))
    lines: list[list[Any]] = []
    for char in chars:
        if lines and abs(lines[-1][0].y0 - char.y0) <= 2:
            lines[-1].append(char)
        else:
            lines.append([char])
    out = []
    for line in lines:
        line.sort(key=lambda c: c.x0)
        text = line[0].get_text()
        for before, char in itertools.pairwise(line):
            gap = char.x0 - before.x1
            text += (" " if gap > 0.25 * max(char.size, 1) else "") + char.get_text()
        out.append(text)
    return "\n".join(out)


def _chars(item: Any) -> Iterator[Any]:
    from pdfminer.layout import LTChar, LTContainer

    if isinstance(item, LTChar):
        yield item
    elif isinstance(item, LTContainer):
        for child in item:
            yield from _chars(child)


def _appearances(annotation: Any) -> Iterator[Any]:
    """The form streams an annotation is drawn with: normal, rollover, down, in every state."""
    from pdfminer.pdftypes import PDFStream, resolve1

    looks = resolve1(annotation.get("AP")) if isinstance(annotation, dict) else None
    if not isinstance(looks, dict):
        return
    for kind in ("N", "R", "D"):
        look = resolve1(looks.get(kind))
        states = look.values() if isinstance(look, dict) else [look]
        for state in map(resolve1, states):
            if isinstance(state, PDFStream):
                yield state


def _annotation_text(annotation: Any) -> Iterator[str]:
    from pdfminer.pdftypes import resolve1

    if not isinstance(annotation, dict):
        return
    for holder in (annotation, resolve1(annotation.get("Parent")), resolve1(annotation.get("A"))):
        if not isinstance(holder, dict):
            continue
        for key in (*_ANNOTATION_TEXT, "URI"):
            value = resolve1(holder.get(key))
            if isinstance(value, bytes):
                yield text_of(value)
            else:
                data = stream_data(value)
                if data is not None:
                    yield decoded_text(data)  # rich text (/RC) may be a stream
