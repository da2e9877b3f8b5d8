"""What is published: the protocols of the last build that went live, and what a push may not do
to them (remove one, or change one without a new rättelse).

"Published" is the commit whose build the web root was last switched to (recorded by
``record``), not the branch's previous tip: a push whose build failed, was killed or was
superseded published nothing, so its files may still be fixed or removed. The hosted CI templates
run the same check (``arkiv check-published``) against the commit the live site says it shows.
"""

from __future__ import annotations

import os
import re
import subprocess
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path

from generator import messages
from generator.problems import Problems
from generator.publish.deploy import PublishError, builds_dir, busy, live
from generator.readers.organisation import FILE_NAME as ORGANISATION_FILE
from generator.readers.registry import READERS, SourceText
from generator.readers.sources import Sources
from generator.site import urls

PROTOCOLS = "protocols/"
ZERO = "0" * 40
RECORD = "publicerad-version"


def record(web_root: Path, commit: str) -> None:
    """Note ``commit`` as the published one, as its build goes live (all zeros: none is)."""
    path = builds_dir(web_root) / RECORD
    if commit == ZERO:
        path.unlink(missing_ok=True)
        return
    partial = path.with_name(f".{RECORD}.ny")
    partial.write_text(commit + "\n", encoding="utf-8")
    os.replace(partial, path)


def published_commit(web_root: Path, previous_tip: str) -> str:
    """The commit of the last build that went live; all zeros when nothing has been published.
    A server installed before the record was kept, with a live site, counts the previous tip."""
    path = builds_dir(web_root) / RECORD
    if path.is_file():
        return path.read_text(encoding="utf-8").strip()
    return previous_tip if live(web_root) is not None else ZERO


def live_site_commit(site_url: str) -> str:
    """The commit the live hosted site shows (written beside it by the CI templates); all zeros
    when the site has none yet (never published)."""
    address = site_url.rstrip("/") + "/" + urls.PUBLISHED_VERSION
    try:
        with urllib.request.urlopen(address, timeout=30) as answer:
            commit = str(answer.read(100).decode("ascii", "replace")).strip()
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return ZERO
        raise PublishError(messages.PUBLISHED_VERSION_UNREADABLE.format(url=address, reason=exc)) from None
    except (OSError, ValueError) as exc:
        raise PublishError(messages.PUBLISHED_VERSION_UNREADABLE.format(url=address, reason=exc)) from None
    if not re.fullmatch("[0-9a-f]{40}", commit):
        raise PublishError(messages.PUBLISHED_VERSION_UNREADABLE.format(url=address, reason=commit[:40]))
    return commit


def changes(published: str, new: str) -> list[tuple[str, str]]:
    """(status, path) of every file under protocols/ that differs between ``published`` and ``new``."""
    if published == ZERO:
        return []
    command = ["git", "diff", "--name-status", "-z", "--no-renames", published, new, "--", PROTOCOLS]
    found = subprocess.run(command, capture_output=True, check=False)
    if found.returncode != 0:
        raise PublishError(messages.PUBLISHED_VERSION_MISSING.format(commit=published))
    fields = found.stdout.decode("utf-8", "replace").split("\0")
    return [(fields[i][:1], fields[i + 1]) for i in range(0, len(fields) - 1, 2)]


def _corrections_before(published: str, path: str, sources: Sources) -> int | None:
    """How many rättelser the published version of a meeting source had (None: unreadable)."""
    relative = path.removeprefix(PROTOCOLS)
    body = sources.organisation.body(relative.split("/")[0])
    try:
        day = date.fromisoformat(Path(relative).stem)
    except ValueError:
        return None
    old = subprocess.run(["git", "cat-file", "blob", f"{published}:{path}"], capture_output=True, check=False)
    if body is None or old.returncode != 0:
        return None
    source = SourceText(sources.organisation, body, relative, old.stdout.decode("utf-8", "replace"), day)
    meeting = READERS[Path(path).suffix](source, Problems())
    return len(meeting.corrections) if meeting else None


def _published_kind(path: str) -> bool:
    """Whether the site publishes a file at ``path``: a protocol or a PDF (an original), not one
    the sources pass over (".DS_Store", a hidden folder's, a note), which may come and go."""
    parts = Path(path.removeprefix(PROTOCOLS)).parts
    return not any(part.startswith(".") for part in parts) and Path(path).suffix in (*READERS, ".pdf")


def check(published: str, new: str, sources: Sources) -> list[str]:
    """A published protocol is never silently removed or changed: what ``new`` may not do."""
    return list(refused_paths(published, new, sources).values())


def refused_paths(published: str, new: str, sources: Sources) -> dict[str, str]:
    """Each published protocol ``new`` would remove or change without a rättelse, with why."""
    refused = {}
    corrected = {meeting.source: len(meeting.corrections) for meeting in sources.meetings}
    for status, path in changes(published, new):
        if path == PROTOCOLS + ORGANISATION_FILE or status == "A" or not _published_kind(path):
            continue
        if status == "D":
            refused[path] = messages.PUBLISHED_DELETED.format(path=path)
        elif Path(path).suffix not in READERS:
            refused[path] = messages.PUBLISHED_FILE_CHANGED.format(path=path)
        else:
            before = _corrections_before(published, path, sources)
            now = corrected.get(path.removeprefix(PROTOCOLS), 0)
            if before is not None and now <= before:
                refused[path] = messages.PUBLISHED_CHANGED.format(path=path)
    return refused


def check_push(web_root: Path, old: str, new: str, sources: Sources) -> list[str]:
    """The server's check of a push from ``old`` (the branch's tip) to ``new``. Only the tip can
    still go live: while a build runs (the publishing lock is held) it may be the tip's, so what
    the tip would publish is kept too, and the pusher is asked to wait for it."""
    live = published_commit(web_root, old)
    refused = refused_paths(live, new, sources)
    if old not in (ZERO, live) and busy(web_root):
        for path in refused_paths(old, new, sources).keys() - refused.keys():
            refused[path] = messages.PUBLISHING_IN_PROGRESS.format(path=path)
    return list(refused.values())
