"""The organisation's own patterns (``*_mönster`` under ``ordlista:``) are regular expressions
that every line of every protocol meets: one that does not compile would stop the build with a
traceback, and one with nested repetition (``(\\w+\\s?)+x``) can take exponential time on a
line it does not match, holding every later push. Such a pattern is refused where it stands.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

from generator import messages

MAX_PATTERN = 300  # characters; the vocabulary's own longest is under 200

# The standard library's own parser of regular expressions (the one ``re.compile`` uses): the
# pattern's structure, escapes and character classes read as Python reads them.
_parser: Any = importlib.import_module("re._parser")
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT"})  # possessive repetition cannot backtrack


def unsafe_pattern(pattern: str) -> str | None:
    """Why ``pattern`` may not be used (in Swedish, for staff), or None when it may."""
    if len(pattern) > MAX_PATTERN:
        return messages.PATTERN_TOO_LONG.format(limit=MAX_PATTERN)
    try:
        re.compile(pattern)
        parsed = _parser.parse(pattern)
    except (re.error, RecursionError, OverflowError) as exc:
        return messages.PATTERN_INVALID.format(problem=str(exc).split(" at position")[0])
    if _nested_repetition(parsed, repeated=False):
        return messages.PATTERN_NESTED
    return None


def _nested_repetition(items: Any, repeated: bool) -> bool:
    """Whether a repetition (``+``, ``*``, ``{2,}``) or a choice (``a|b``) stands inside a
    repetition: the shape that backtracks exponentially."""
    for op, value in items:
        name = str(op)
        if name in _REPEATS:
            many = value[1] > 1
            if many and repeated:
                return True
            if _nested_repetition(value[2], repeated or many):
                return True
        elif name == "BRANCH":
            if repeated:
                return True
            if any(_nested_repetition(branch, repeated) for branch in value[1]):
                return True
        elif name == "SUBPATTERN":
            if _nested_repetition(value[3], repeated):
                return True
        elif name in ("ASSERT", "ASSERT_NOT") and _nested_repetition(value[1], repeated):
            return True
    return False
