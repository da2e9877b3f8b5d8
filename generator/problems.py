"""Problems found in sources, located by file and line, and how they are reported.

Readers collect problems instead of stopping at the first, so staff see every mistake at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    message: str
    severity: Severity = Severity.ERROR
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity.value}: {self.message}"


@dataclass
class Problems:
    """A collector handed to readers; ``errors`` decides whether a build may go on."""

    items: list[Problem] = field(default_factory=list)

    def error(self, file: str, line: int, message: str, column: int = 1) -> None:
        self.items.append(Problem(file, line, message, Severity.ERROR, column))

    def warning(self, file: str, line: int, message: str, column: int = 1) -> None:
        self.items.append(Problem(file, line, message, Severity.WARNING, column))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    def report(self) -> str:
        return "\n".join(str(p) for p in sorted(self.items))


class SourceError(Exception):
    """Raised where reading a source cannot go on; carries the located problem."""

    def __init__(self, file: str, line: int, message: str, column: int = 1) -> None:
        super().__init__(f"{file}:{line}:{column}: {message}")
        self.problem = Problem(file, line, message, Severity.ERROR, column)
