"""The readers of meeting sources, one per format, chosen by the file's suffix.

Adding a source format is one reader module with a ``read(source, problems)`` function and one
line in ``READERS``; ``generator.readers.sources`` finds the files and calls the reader.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.model import Meeting
from generator.problems import Problems
from generator.readers import markdown, yaml_format
from generator.readers.source_text import SourceText

__all__ = ["READERS", "SOURCE_SUFFIXES", "Reader", "SourceText"]

Reader = Callable[[SourceText, Problems], Meeting | None]


READERS: dict[str, Reader] = {".md": markdown.read, ".yaml": yaml_format.read, ".yml": yaml_format.read}
SOURCE_SUFFIXES = tuple(READERS)
