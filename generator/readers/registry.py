"""The readers of meeting sources, one per format, chosen by the file's suffix.

Adding a source format is one reader module with a ``read(source, problems)`` function and one
line in ``READERS``; ``generator.readers.sources`` finds the files and calls the reader.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from generator.model import Body, Meeting, Organisation
from generator.problems import Problems
from generator.readers import markdown, yaml_format


@dataclass(frozen=True)
class SourceText:
    """One meeting source as a reader gets it: decoded text, where it lies, what it must be."""

    organisation: Organisation
    body: Body  # from the folder the file lies in
    file: str  # path relative to protocols/, for messages
    text: str
    file_date: date  # from the file name


Reader = Callable[[SourceText, Problems], Meeting | None]


READERS: dict[str, Reader] = {".md": markdown.read, ".yaml": yaml_format.read, ".yml": yaml_format.read}
SOURCE_SUFFIXES = tuple(READERS)
