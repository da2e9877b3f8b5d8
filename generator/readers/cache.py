"""A cache of read sources: a meeting file is read again only when its bytes change.

Each entry is keyed by the file's SHA-256 together with what else reading depends on: the bytes
of ``organisation.yaml``, the generator's own code (``GENERATOR_VERSION``) and, for a meeting
with an original PDF, that file's size and modification time. Under ``mkdocs serve`` the cache
lives in memory between rebuilds; a build keeps it on disk (``.cache/arkiv/`` beside the project,
ignored by git) so that the next build reads only what changed.

The disk copy is never trusted blindly: it is signed with HMAC-SHA256 under a key kept outside
the cache folder (``~/.config/arkiv/cache-key``, readable by its owner only) and unpickled only
when the signature holds. A cache that is corrupt, written by someone else, or made by other
generator code is dropped and rebuilt from the sources.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import pickle
import secrets
import tempfile
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from generator.model import Meeting
from generator.problems import Problem
from generator.readers import pdf_scan

CACHE_FILE = "kallor.pickle"
SCANS = "pdf-granskning"  # what each original PDF holds, by its SHA-512 (beside the sources' cache)
UNUSED_DAYS = 14
_MAGIC = b"arkiv-cache-1\n"


PACKAGE = Path(__file__).resolve().parent.parent
# What the generator is made of: code, data, and the templates of the pages kept between builds.
CODE_SUFFIXES = (".py", ".yaml", ".json", ".html")


def code_files() -> list[Path]:
    return sorted(
        path for path in PACKAGE.rglob("*") if path.suffix in CODE_SUFFIXES and "__pycache__" not in path.parts
    )


@lru_cache(maxsize=1)
def generator_version() -> str:
    """A digest of the generator's code and data: a cache made by other code is never used."""
    digest = hashlib.sha256()
    for path in code_files():
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass
class Entry:
    key: str  # the file's SHA-256 with the organisation's and the generator's
    meeting: Meeting | None
    problems: list[Problem]
    original: tuple[str, int, int] | None  # the original PDF's path, size, mtime (ns) when read


@dataclass
class SourceCache:
    """Entries by path relative to protocols/; ``changed`` lists the paths whose entry was made
    anew (or removed) by the last read."""

    folder: Path | None = None  # where the disk copy lives; None: memory only
    label: str = ""  # which archive the disk copy is of, when one folder serves several
    entries: dict[str, Entry] = field(default_factory=dict)
    changed: set[str] = field(default_factory=set)
    loaded: bool = False
    persist: bool = True  # write the disk copy after each read (a preview writes it when it stops)
    # Original PDFs scanned (``pdf_scan``), by their SHA-512: a PDF is read again only when its
    # bytes or the scanner change, whatever else of the generator does (kept in a file of its own).
    scans: dict[str, pdf_scan.Scan] = field(default_factory=dict)
    scans_loaded: bool = False
    scans_changed: bool = False

    @property
    def file(self) -> Path:
        assert self.folder is not None
        return self.folder / (f"kallor-{self.label}.pickle" if self.label else CACHE_FILE)

    @classmethod
    def for_archive(cls, folder: Path, protocols: Path) -> SourceCache:
        """A cache in ``folder`` of the archive at ``protocols`` (one file per archive)."""
        return cls(folder, hashlib.sha256(str(protocols.resolve()).encode()).hexdigest()[:16])

    def key(self, data: bytes, context: str) -> str:
        return hashlib.sha256(context.encode() + b"\0" + data).hexdigest()

    def load(self) -> None:
        """The disk copy, when there is one and it is ours and intact; otherwise nothing."""
        self.loaded = True
        if self.folder is None:
            return
        entries = load_signed(self.file)
        if isinstance(entries, dict):
            self.entries = entries

    def save(self) -> None:
        if self.folder is not None:
            save_signed(self.file, self.entries)
            self.save_scans()
            self._prune()

    def load_scans(self) -> None:
        self.scans_loaded = True
        file = self.beside(SCANS)
        if file is not None and isinstance(found := load_signed(file, pdf_scan.version()), dict):
            self.scans = found

    def save_scans(self) -> None:
        file = self.beside(SCANS)
        if file is not None and self.scans_changed:
            save_signed(file, self.scans, pdf_scan.version())
            self.scans_changed = False

    def beside(self, name: str) -> Path | None:
        """Where another cache of the same archive lives (the pages rendered from these sources)."""
        if self.folder is None:
            return None
        return self.folder / (f"{name}-{self.label}.pickle" if self.label else f"{name}.pickle")

    def keys(self) -> dict[str, str]:
        """Each source's key: its bytes and everything else its meeting was read from."""
        return {path: entry.key for path, entry in self.entries.items()}

    def _prune(self) -> None:
        """Drop the caches of archives not built for a while (test runs and moved folders leave them)."""
        assert self.folder is not None
        limit = time.time() - UNUSED_DAYS * 86400
        for other in self.folder.glob("*.pickle"):
            if other != self.file and other.stat().st_mtime < limit:
                other.unlink(missing_ok=True)


def load_signed(file: Path, version: str | None = None) -> object | None:
    """What ``save_signed`` wrote to ``file``, when the file is intact, signed by this user on this
    machine and made by this generator code (or the ``version`` it was saved with, for what
    depends on only part of the code); otherwise None (the caller starts afresh)."""
    try:
        raw = file.read_bytes()
    except OSError:
        return None
    if not raw.startswith(_MAGIC) or len(raw) < len(_MAGIC) + 32:
        return None
    signature, payload = raw[len(_MAGIC) : len(_MAGIC) + 32], raw[len(_MAGIC) + 32 :]
    try:
        expected = hmac.new(_secret(), payload, hashlib.sha256).digest()
    except OSError:
        return None
    if not hmac.compare_digest(signature, expected):
        return None  # not written by this user on this machine, or damaged
    try:
        saved_by, content = pickle.loads(payload)
    except Exception:
        return None
    if saved_by != (version or generator_version()):
        return None
    with contextlib.suppress(OSError):
        os.utime(file)  # in use: not pruned
    kept: object = content
    return kept


def save_signed(file: Path, content: object, version: str | None = None) -> None:
    """Write ``content`` to ``file`` atomically (a reader never sees half a file), signed."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        payload = pickle.dumps((version or generator_version(), content), protocol=pickle.HIGHEST_PROTOCOL)
        signature = hmac.new(_secret(), payload, hashlib.sha256).digest()
        handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=f".{file.stem}-")
        with os.fdopen(handle, "wb") as out:
            out.write(_MAGIC + signature + payload)
        os.replace(temporary, file)
    except OSError:
        pass  # a cache that cannot be written only makes the next build slower


def _secret() -> bytes:
    """This user's cache key, made on first use; kept outside every cache folder."""
    home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "arkiv"
    path = home / "cache-key"
    try:
        return path.read_bytes()
    except OSError:
        pass
    home.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_bytes()  # another build made it a moment ago
    with os.fdopen(handle, "wb") as out:
        out.write(key)
    return key
