"""The signatures printed after the last paragraph, as many templates end a protocol:

    Vid protokollet
    …………………………
    Lena Ström

    Justeras
    …………………………<TAB>…………………………
    Bertil Ahlgren<TAB>Kjell Ahl
    ordförande<TAB>justerare

A label, the lines drawn to sign on, the names written under them and, in some templates, the
roles under the names. Found by that structure (a signing label with a drawn line right below),
so the block leaves the last paragraph's text and becomes the protocol's signatures."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.readers.markdown.text import NAME_START, Line, _cells

# A line drawn to sign on: dots, an ellipsis or underscores; in a scan also the marks the
# signature left (". ^ .-^^ ....", "...í/%.:.:.." ): no digit, two letters at most, dots throughout.
_LETTER = "A-Za-zÅÄÖåäöÉéÜüÍí"
SIGNATURE_LINE = re.compile(
    rf"[.…_\s]{{3,}}|(?=(?:[^.…_]*[.…_]){{6}})[^0-9{_LETTER}]*(?:[{_LETTER}][^0-9{_LETTER}]*){{0,2}}"
)
_ROLE_CELL = re.compile(r"[a-zåäö][\w .-]*")
_LOOK_AHEAD = 3  # non-empty lines between a label and its drawn line


@dataclass(frozen=True)
class ClosingSignatures:
    start: int  # index of the block's first line
    stop: int  # index after its last line
    signed: tuple[tuple[str, str], ...]  # (role as written, name as written), in order


def closing_signatures(
    lines: list[Line],
    start: int,
    end: int,
    role_label: Callable[[str], str | None],
    is_furniture: Callable[[str], bool],
) -> ClosingSignatures | None:
    """The first signature block in ``lines[start:end]``, or None. ``role_label`` gives a
    signing label as written ("Justeras") for a line that is one, else None."""
    for i in range(start, end):
        if block := signature_block_at(lines, i, end, role_label, is_furniture):
            return block
    return None


def signature_block_at(
    lines: list[Line],
    at: int,
    end: int,
    role_label: Callable[[str], str | None],
    is_furniture: Callable[[str], bool],
) -> ClosingSignatures | None:
    """The signature block that starts at ``lines[at]`` and ends by ``end``, or None."""
    label = role_label(lines[at].text.strip())
    if label is None or not (
        _drawn_beside(lines[at].text, label)
        or _drawn_line_follows(lines, at + 1, end)
        or _names_follow(lines, at, end, label, is_furniture)
    ):
        return None
    block = _read_block(lines, at, end, role_label, is_furniture)
    return block if block.signed else None


def _drawn_line_follows(lines: list[Line], start: int, end: int) -> bool:
    seen = 0
    for line in lines[start:end]:
        text = line.text.strip()
        if not text:
            continue
        if _drawn(_filled(text)):
            return True
        seen += 1
        if seen >= _LOOK_AHEAD:
            break
    return False


def _names_follow(lines: list[Line], at: int, end: int, label: str, is_furniture: Callable[[str], bool]) -> bool:
    """ "Vid protokollet" alone on its line, the names on the next: the export dropped the lines
    drawn to sign on."""
    if lines[at].text.strip().strip(" :*_").casefold() != label.casefold():
        return False
    below = next(
        (line.text.strip() for line in lines[at + 1 : end] if line.text.strip() and not is_furniture(line.text)), ""
    )
    cells = _filled(below)
    return bool(cells) and not _drawn(cells) and all(_NAME_ONLY.fullmatch(c) for c in cells)


_NAME_ONLY = re.compile(r"[A-ZÅÄÖ][\w.-]+(?: [A-ZÅÄÖ][\w.-]+){1,3}(?: \([A-ZÅÄÖa-zåäö]{1,4}\))?")


def _read_block(
    lines: list[Line],
    start: int,
    end: int,
    role_label: Callable[[str], str | None],
    is_furniture: Callable[[str], bool],
) -> ClosingSignatures:
    signed: list[tuple[str, str]] = []
    role, awaiting, last_names, stop = "", 0, 0, start
    alone = False  # a label alone on its line with the names under it, no line drawn
    for j in range(start, end):
        text = lines[j].text.strip()
        if not text or is_furniture(text):
            continue  # a page break inside the block
        cells = _filled(text)
        label = role_label(text)
        if label is not None and _names_follow(lines, j, end, label, is_furniture):
            role, awaiting, alone = label, 0, True  # "Justeras" alone, the names under it
        elif (
            last_names
            and len(cells) == last_names
            and (
                all(_ROLE_CELL.fullmatch(c) for c in cells)
                or (len(cells) > 1 and all(role_label(c) == c for c in cells))
            )
        ):
            # "ordförande<TAB>justerare" (or "Ordförande | Justerare") under the names: each name's own role.
            signed[-last_names:] = [(cell, name) for cell, (_, name) in zip(cells, signed[-last_names:], strict=True)]
            last_names = 0
        elif label is not None:
            role = label
            awaiting = _drawn_beside(text, label)  # "Ordförande<TAB>……<TAB>……", ". ^ .-^^ ......" (a scan)
        elif _drawn(cells):
            awaiting = len(cells)
        elif (awaiting or alone) and all(NAME_START.match(c) for c in cells):
            names = cells[:awaiting] if awaiting else cells
            signed += [(role, name) for name in names]
            awaiting, alone, last_names = 0, False, len(names)
        else:
            break
        stop = j + 1
    return ClosingSignatures(start, stop, tuple(signed))


def _drawn_beside(text: str, label: str) -> int:
    """How many lines to sign on stand beside the label on its line (with or without tabs)."""
    bare = text.strip()
    at = bare.casefold().find(label.casefold())
    cells = [c for c in _cells(bare[at + len(label) :].strip(" :")) if c] if at >= 0 else []
    return len(cells) if cells and all(SIGNATURE_LINE.fullmatch(c) for c in cells) else 0


def _drawn(cells: list[str]) -> bool:
    """A row of lines drawn to sign on, one per signature."""
    return all(SIGNATURE_LINE.fullmatch(c) for c in cells)


def _filled(text: str) -> list[str]:
    return [c for c in _cells(text) if c]
