"""A pushed commit's files, read from git's objects: listed with their sizes, checked, exported.

Nothing here asks git to interpret the tree: the listing is ``git ls-tree`` and the export writes
each blob as ``git cat-file`` gives it, so no ``.gitattributes`` (``export-ignore``,
``export-subst``, filters) in a push can leave a protocol out or change one.
"""

from __future__ import annotations

import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator import messages
from generator.publish.deploy import PublishError

PROTOCOLS = "protocols/"
SYMLINK_MODE = "120000"
SUBMODULE_MODE = "160000"
# Limits on a pushed tree, checked from git's listing before anything is read. A 20-year archive
# of eight bodies has a few thousand files (a source and its signed PDF per meeting) two levels
# down (protocols/<organ>/<ÅÅÅÅ-MM-DD>.md); a project clone adds some hundred.
MAX_FILE_BYTES = 50_000_000  # a signed PDF of a long protocol is a few MB
MAX_TREE_BYTES = 2_000_000_000
MAX_FILES = 40_000
MAX_PROTOCOL_FILES = 20_000
MAX_PROTOCOL_DEPTH = 3  # folders and file below protocols/: <organ>/<file> is 2
FORBIDDEN_NAMES = (".", "..", "")
ATTRIBUTES = ".gitattributes"


@dataclass(frozen=True)
class TreeEntry:
    mode: str
    oid: str
    size: int  # -1 for what has no size (submodules)
    path: str


class TooManyFiles(PublishError):
    """The pushed tree lists more files than the server takes; its message says so."""


def listing(commit: str, limit: int = MAX_FILES, under: str | None = None) -> list[TreeEntry]:
    """Every file of ``commit`` (or of its folder ``under``) with its mode, object and size;
    stops reading past ``limit`` files."""
    command = ["git", "ls-tree", "-r", "-l", "-z", commit, *([] if under is None else ["--", under])]
    entries: list[TreeEntry] = []
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as lister:
        assert lister.stdout is not None
        pending = b""
        while chunk := lister.stdout.read(1 << 16):
            *records, pending = (pending + chunk).split(b"\0")
            entries.extend(_entry(record) for record in records)
            if len(entries) > limit:
                lister.kill()
                raise TooManyFiles(messages.PUSH_TOO_MANY_FILES.format(limit=limit))
    if lister.returncode != 0:
        raise PublishError(messages.PUSH_UNREADABLE_TREE.format(reason=f"git ls-tree {commit}"))
    return entries


def _entry(record: bytes) -> TreeEntry:
    meta, path = record.decode("utf-8", "replace").split("\t", 1)
    mode, _type, oid, size = meta.split()
    return TreeEntry(mode, oid, int(size) if size.isdigit() else -1, path)


def refusals(entries: list[TreeEntry]) -> list[str]:
    """What the server refuses in a pushed tree, each naming its path; empty when it is fine."""
    refused: list[str] = []
    counts = Counter(entry.path for entry in entries)
    folders = {path.rsplit("/", i)[0] for path in counts for i in range(1, path.count("/") + 1)}
    in_protocols = [entry for entry in entries if entry.path.startswith(PROTOCOLS)]
    named: set[str] = set()
    for entry in entries:
        parts = entry.path.split("/")
        relative = PurePosixPath(entry.path.removeprefix(PROTOCOLS)).parts
        if entry.path in named:
            continue
        if _bad_path(entry.path, parts, counts, folders):
            refused.append(messages.PUSH_BAD_PATH.format(path=entry.path))
            named.add(entry.path)
        elif entry.path.startswith(PROTOCOLS) and parts[-1].lower() == ATTRIBUTES:
            refused.append(messages.PUSH_ATTRIBUTES.format(path=entry.path))
        elif entry.path.startswith(PROTOCOLS) and len(relative) > MAX_PROTOCOL_DEPTH:
            refused.append(messages.PUSH_TOO_DEEP.format(path=entry.path, limit=MAX_PROTOCOL_DEPTH))
        elif entry.mode == SYMLINK_MODE:
            refused.append(messages.PUSH_SYMLINK.format(path=entry.path))
        elif entry.mode == SUBMODULE_MODE:
            refused.append(messages.PUSH_SUBMODULE.format(path=entry.path))
        elif entry.size > MAX_FILE_BYTES:
            refused.append(messages.PUSH_FILE_TOO_LARGE.format(path=entry.path, limit=MAX_FILE_BYTES // 1_000_000))
    if len(in_protocols) > MAX_PROTOCOL_FILES:
        refused.append(messages.PUSH_TOO_MANY_PROTOCOLS.format(count=len(in_protocols), limit=MAX_PROTOCOL_FILES))
    if sum(max(entry.size, 0) for entry in entries) > MAX_TREE_BYTES:
        refused.append(messages.PUSH_TREE_TOO_LARGE.format(limit=MAX_TREE_BYTES // 1_000_000))
    return refused


def _bad_path(path: str, parts: list[str], counts: Counter[str], folders: set[str]) -> bool:
    """A path git's own checks refuse: listed twice, also a folder, or with ``.``, ``..``, an
    empty name or ``.git`` in it (``receive.fsckObjects`` stops these first; this holds without it)."""
    forbidden = any(part in FORBIDDEN_NAMES or part.lower() == ".git" for part in parts)
    return forbidden or counts[path] > 1 or path in folders


def export(commit: str, target: Path) -> None:
    """The files of ``protocols/`` in ``commit`` written under ``target``, one blob at a time
    from ``git cat-file --batch`` (never the whole tree in memory, no attributes applied)."""
    entries = [e for e in listing(commit, under=PROTOCOLS) if e.mode in ("100644", "100755")]
    if not entries:
        raise PublishError(messages.PUSH_NO_PROTOCOLS)
    root = target.resolve()
    command = ["git", "cat-file", "--batch"]
    with subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE) as batch:
        assert batch.stdin is not None and batch.stdout is not None
        for entry in entries:
            path = (root / entry.path).resolve()
            if not path.is_relative_to(root) or any(p in FORBIDDEN_NAMES for p in entry.path.split("/")):
                raise PublishError(messages.PUSH_BAD_PATH.format(path=entry.path))
            batch.stdin.write(f"{entry.oid}\n".encode())
            batch.stdin.flush()
            header = batch.stdout.readline().split()
            if len(header) != 3 or header[1] != b"blob":
                raise PublishError(messages.PUSH_UNREADABLE_TREE.format(reason=entry.path))
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "wb") as out:
                left = int(header[2])
                while left:
                    chunk = batch.stdout.read(min(left, 1 << 20))
                    if not chunk:
                        raise PublishError(messages.PUSH_UNREADABLE_TREE.format(reason=entry.path))
                    out.write(chunk)
                    left -= len(chunk)
            batch.stdout.read(1)  # the newline after the content
        batch.stdin.close()
