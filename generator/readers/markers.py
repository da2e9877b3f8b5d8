"""Instructions to the archive written in a Markdown source as HTML comments, never shown.

``<!-- arkiv: sekretess: skäl -->`` withholds a paragraph or a part of one, ``original`` and
``original-maskerad`` name the signed PDF, ``rättelse`` records a correction made after
publishing, ``personnummer-undantag`` lets one number through with a reason. They are matched
exactly (lower case, this spelling); anything that looks meant for the archive but is not one of
them is refused, in Markdown and YAML alike.
"""

from __future__ import annotations

import re

WITHHOLD = re.compile(r"^<!--\s*arkiv:\s*sekretess\s*:?\s*(.+?)\s*-->$")
# The SHA-512 is written by ``arkiv import``: a build refuses an original that no longer matches.
ORIGINAL = re.compile(
    r"^<!--\s*arkiv:\s*original(?P<redacted>-maskerad)?\s*:?\s*(?P<file>.+?)"
    r"(?:\s+sha512=(?P<sha512>[0-9a-f]{128}))?\s*-->$"
)
CORRECTION = re.compile(r"^<!--\s*arkiv:\s*rättelse\s*:\s*(?P<day>\d{4}-\d{2}-\d{2})\s*:\s*(?P<reason>\S.*?)\s*-->$")
EXCEPTION_NOTE = re.compile(r"^<!--\s*arkiv:\s*personnummer-undantag\b.*-->$")
# A comment that looks meant for the archive but is none of the markers above is refused: a
# misspelt "sekretess" must never publish the text it was meant to withhold.
MARKER_LIKE = re.compile(r"<!--.*?(?:arkiv|sekre|original|maskera|personnummer|undantag|r[äa]ttel)", re.IGNORECASE)
