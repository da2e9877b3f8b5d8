"""One meeting source as every reader gets it (its own module: the registry imports the readers,
and the readers need this type, so neither may import the other for it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.model import Body, Organisation


@dataclass(frozen=True)
class SourceText:
    """One meeting source as a reader gets it: decoded text, where it lies, what it must be."""

    organisation: Organisation
    body: Body  # from the folder the file lies in
    file: str  # path relative to protocols/, for messages
    text: str
    file_date: date  # from the file name
