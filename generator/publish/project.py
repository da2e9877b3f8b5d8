"""The project as the server has it: which files outside ``protocols/`` a push may carry unchanged.

Staff push from a clone of the whole project (``generator/``, ``docs/``, ``mkdocs.yml`` … beside
``protocols/``). ``arkiv hooks install`` notes the git object id of every file of the project it
was run in; a pushed file outside ``protocols/`` with the same id changes nothing and is accepted,
but never used: the server builds with its own copy. Any other file outside ``protocols/`` is
refused by name.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

MANIFEST = "projektets-filer.json"
PROTOCOLS = "protocols"
# Folders of a working copy that are not part of the project (tools, caches, build output).
NOT_PROJECT = {".git", ".venv", "node_modules", "site", ".cache", "__pycache__", ".forhandsvisning"}
NOT_PROJECT_SUFFIXES = (".pyc",)


def blob_id(data: bytes) -> str:
    """The id git gives a file with this content (``git hash-object``)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def _files(project: Path) -> Iterator[str]:
    """The project's files, relative: git's tracked files in a checkout, else every file."""
    tracked = subprocess.run(["git", "-C", str(project), "ls-files", "-z"], capture_output=True, check=False)
    if tracked.returncode == 0 and tracked.stdout:
        yield from (name for name in tracked.stdout.decode("utf-8", "replace").split("\0") if name)
        return
    for folder, folders, files in os.walk(project):
        folders[:] = sorted(f for f in folders if f not in NOT_PROJECT and not f.endswith("_cache"))
        for name in sorted(files):
            yield (Path(folder) / name).relative_to(project).as_posix()


def write_manifest(project: Path, config: Path) -> None:
    """Note the id of every project file outside ``protocols/`` in the server's configuration."""
    ids = {}
    for name in _files(project):
        path = project / name
        outside = name.split("/")[0] != PROTOCOLS and not name.endswith(NOT_PROJECT_SUFFIXES)
        if outside and path.is_file() and not path.is_symlink():
            ids[name] = blob_id(path.read_bytes())
    (config / MANIFEST).write_text(json.dumps(ids, indent=0, sort_keys=True), encoding="utf-8")


def server_files(config: Path) -> dict[str, str]:
    """Path -> object id of the project files the server was installed from."""
    manifest = config / MANIFEST
    if not manifest.is_file():
        return {}
    ids = json.loads(manifest.read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in ids.items()} if isinstance(ids, dict) else {}


def same_as_server(path: str, oid: str | None, config: Path, known: dict[str, str]) -> bool:
    """A pushed file outside protocols/ (object ``oid``, None when the push removes it) that
    equals the server's own copy changes nothing."""
    if oid is None or any(part in ("", ".", "..") for part in path.split("/")):
        return False
    if known.get(path) == oid:
        return True
    own = config / path  # the configuration copied at install (servers installed before the manifest)
    return own.is_file() and not own.is_symlink() and blob_id(own.read_bytes()) == oid
