"""Markdown protocols: one reader per region of the protocol, ``reader`` drawing them together."""

from generator.readers.markdown.reader import MarkdownReader, read

__all__ = ["MarkdownReader", "read"]
