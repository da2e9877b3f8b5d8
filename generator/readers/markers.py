"""Instructions to the archive written in a Markdown source as HTML comments, never shown.

``<!-- arkiv: sekretess: skäl -->`` withholds a paragraph or a part of one, ``original`` and
``original-maskerad`` name the signed PDF, ``rättelse`` records a correction made after
publishing, ``handling`` ties a document (PDF in ``<date>-handlingar/``) to the paragraph it
stands in (``<!-- arkiv: handling: fil.pdf: Titel -->``, withheld with
``<!-- arkiv: handling: fil.pdf: Titel: sekretess: grund -->``), ``personnummer-undantag``
lets one number through with a reason. They are matched exactly (lower case, this spelling);
anything that looks meant for the archive but is not one of them is refused, in Markdown and
YAML alike.
"""

from __future__ import annotations

import re

# The ground must say something: "<!-- arkiv: sekretess -->" withholds nothing and is refused.
WITHHOLD = re.compile(r"^<!--\s*arkiv:\s*sekretess\s*:?\s*(\S.*?)\s*-->$")
WITHHOLD_WITHOUT_GROUND = re.compile(r"^<!--\s*arkiv:\s*sekretess\s*:?\s*-->$", re.IGNORECASE)
# The SHA-512 is written by ``arkiv import``: a build refuses an original that no longer matches.
ORIGINAL = re.compile(
    r"^<!--\s*arkiv:\s*original(?P<redacted>-maskerad)?\s*:?\s*(?P<file>.+?)"
    r"(?:\s+sha512=(?P<sha512>[0-9a-f]{128}))?\s*-->$"
)
CORRECTION = re.compile(r"^<!--\s*arkiv:\s*rättelse\s*:\s*(?P<day>\d{4}-\d{2}-\d{2})\s*:\s*(?P<reason>\S.*?)\s*-->$")
# A document of the paragraph the marker stands in: its file (a bare name in the meeting's
# handlingar folder), its title, and, when the document itself is withheld, its legal ground.
HANDLING = re.compile(
    r"^<!--\s*arkiv:\s*handling\s*:\s*(?P<file>[^:/\\<>]+?)\s*:\s*(?P<title>[^:\s][^\n]*?)"
    r"(?:\s*:\s*sekretess\s*:\s*(?P<ground>\S.*?))?\s*-->$"
)
HANDLING_LIKE = re.compile(r"^<!--\s*arkiv:\s*handling\b", re.IGNORECASE)
# "… Titel: sekretess: -->" (no ground) must not read as a title "Titel: sekretess:" published.
_WITHHELD_WORD = re.compile(r"(?:^|:)\s*sekretess\b", re.IGNORECASE)


def handling(text: str) -> tuple[str, str, str | None] | None:
    """(file, title, ground or None) of a well-formed handling marker; None otherwise."""
    found = HANDLING.match(text)
    if found is None or _WITHHELD_WORD.search(found["title"]) or _WITHHELD_WORD.search(found["file"]):
        return None
    return found["file"], found["title"], found["ground"]


EXCEPTION_NOTE = re.compile(r"^<!--\s*arkiv:\s*personnummer-undantag\b.*-->$")
# A comment that looks meant for the archive but is none of the markers above is refused: a
# misspelt "sekretess" must never publish the text it was meant to withhold.
_MARKER_WORDS = r"(?:arkiv|sekre|hemlig|d[öo]lj|\bosl\b|original|maskera|personnummer|undantag|r[äa]ttel)"
MARKER_LIKE = re.compile(rf"<!--.*?{_MARKER_WORDS}", re.IGNORECASE)
# The same comment as an editor may rewrite it: Word's autocorrect makes "--" a dash ("<!–",
# "—>"), a guillemet or a full-width bracket stands for "<", an entity for the bracket, a space
# falls inside ("<! --"). Such a comment is no HTML comment: its words would be shown, and the
# withholding it means would not happen. Refused at its line, never guessed at.
_OPENER = r"(?:<|‹|＜|﹤|〈|⟨|&lt;|&#0*60;|&#x0*3c;)"
_DASH = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
COMMENT_LIKE = re.compile(rf"{_OPENER}\s*[!！]\s*[{_DASH}]", re.IGNORECASE)
MISSPELT_MARKER = re.compile(rf"{COMMENT_LIKE.pattern}.*?{_MARKER_WORDS}", re.IGNORECASE)


def misspelt_marker(text: str) -> bool:
    """A comment meant for the archive (it names a marker's word) not written as ``<!-- … -->``."""
    if "!" not in text and "！" not in text:
        return False  # every spelling of a comment has its "!": most lines are cleared here
    found = MISSPELT_MARKER.search(text)
    return found is not None and not (found.group(0).startswith("<!--") and "-->" in text[found.start() :])
