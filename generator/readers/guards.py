"""Bounds on what a source may make the build do: no Markdown that takes quadratic time or
exhausts the stack when it is rendered, so one push can never hold the publishing server.

Real protocols stay far inside these bounds; they are checked on the raw text of every source,
line by line, before a reader sees it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator import messages

MAX_LINE = 50_000  # characters; a long paragraph of a protocol is a few thousand
MAX_MARKUP_RUN = 200  # brackets, emphasis or code marks in a row ("[[[[", "****", "````")
MAX_MARKUP_IN_LINE = 5_000  # such characters in one line, in any order ("*a*a*a…", "`a`a…")
MAX_LINKS_IN_LINE = 400  # "[", "]" and "!" in one line: link parsing is quadratic in them
MAX_MARKUP_IN_FILE = 50_000
MAX_INDENT = 64  # leading spaces before a list or quote marker: lists nested past this are no protocol's
MAX_NESTING = 8  # list or quote markers opening one line ("- - - - x", "> > > x")
MAX_ITEMS = 1000  # paragraphs in one file; a kommunfullmäktige's longest protocols have a few hundred

_RUN = re.compile(rf"([\[\]*_`<>!\\])\1{{{MAX_MARKUP_RUN},}}")
_MARKUP_CHARACTERS = "[]*_`<>!\\"
_MARKUP = re.compile(r"[\[\]*_`<>!\\]")
_LINK = re.compile(r"[\[\]!]")
# Possessive quantifiers: the spaces between markers can be split only one way (no backtracking).
_NESTING = re.compile(rf"^(?:[ \t]*+(?:[-*+>]|\d{{1,9}}[.)])[ \t]++){{{MAX_NESTING + 1}}}")


# Whole-text passes that clear almost every file at once; only a file they cannot clear is read
# line by line for the messages (every source is checked, so the common case must be cheap).
_HUGE_LINE = re.compile(rf"^[^\n]{{{MAX_LINE + 1}}}", re.MULTILINE)
# Deep indentation alone is a layout export's right-aligned header ("pdftotext -layout"), not a list.
_DEEP_MARKER = rf"[ \t]{{{MAX_INDENT + 1}}}[ \t]*+(?:[-*+>]|\d{{1,9}}[.)])[ \t]"
_DEEP_LINE = re.compile(rf"^(?:{_DEEP_MARKER}|{_NESTING.pattern[1:]})", re.MULTILINE)
_DEEP_LIST = re.compile(_DEEP_MARKER)
_OTHER_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # lines to splitlines(), not to ^
# Control characters no text of a protocol holds; XML (feeds, sitemaps) cannot carry them, so one
# in a title would fail the build after validate passed. Those splitlines() breaks lines at are
# line breaks, not characters of a line.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def control_character(text: str) -> str | None:
    """The first control character in ``text``, as U+XXXX, or None."""
    found = _CONTROL.search(text)
    return f"U+{ord(found[0]):04X}" if found else None


def check(text: str) -> Iterator[tuple[int, str]]:
    """(line, message) for every line past the bounds or with a control character, and for the
    file past its own."""
    if _CONTROL.search(text):
        for number, line in enumerate(text.splitlines(), start=1):
            if character := control_character(line):
                yield number, messages.CONTROL_CHARACTER.format(character=character)
    markup = sum(map(text.count, _MARKUP_CHARACTERS))
    if markup > MAX_MARKUP_IN_FILE:
        yield 1, messages.GUARD_MARKUP_FILE.format(limit=MAX_MARKUP_IN_FILE)
        return
    if (
        markup <= MAX_MARKUP_IN_LINE
        and sum(map(text.count, "[]!")) <= MAX_LINKS_IN_LINE
        and not _RUN.search(text)
        and not _HUGE_LINE.search(text)
        and not _DEEP_LINE.search(text)
        and not any(character in text for character in _OTHER_BREAKS)
    ):
        return  # no line can be past a bound when the whole text is not
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) <= 2 * MAX_NESTING:
            continue  # too short to break any bound
        if len(line) > MAX_LINE:
            yield number, messages.GUARD_LINE_TOO_LONG.format(limit=MAX_LINE)
        elif len(line) > MAX_MARKUP_RUN and (
            _RUN.search(line)
            or len(_MARKUP.findall(line)) > MAX_MARKUP_IN_LINE
            or len(_LINK.findall(line)) > MAX_LINKS_IN_LINE
        ):
            yield number, messages.GUARD_MARKUP.format(limit=MAX_MARKUP_RUN)
        elif _DEEP_LIST.match(line) or _NESTING.match(line):
            yield number, messages.GUARD_NESTING.format(limit=MAX_NESTING)
