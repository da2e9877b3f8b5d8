"""Helpers the tests share: serving a directory over HTTP, fetching, digests, locating lines."""

from __future__ import annotations

import functools
import hashlib
import http.server
import os
import subprocess
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """``directory`` served on a free localhost port; yields its base URL."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def fetch(url: str, timeout: float = 10) -> tuple[int, str]:
    """(status, body) of a GET; an HTTP error gives its status and an empty body."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


def digest(root: Path) -> dict[str, str]:
    """SHA-256 of every file below ``root``, by path relative to it."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def line_of(text: str, needle: str, occurrence: int = 1, whole: bool = False) -> int:
    """The 1-based number of the line holding ``needle`` (the whole line when ``whole``)."""
    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if (line.strip() == needle) if whole else (needle in line):
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} (occurrence {occurrence}) is not in the text")


GIT_ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "Nämndsekreterare",
    "GIT_AUTHOR_EMAIL": "sekreterare@example.org",
    "GIT_COMMITTER_NAME": "Nämndsekreterare",
    "GIT_COMMITTER_EMAIL": "sekreterare@example.org",
}


def git(*args: str | Path, cwd: Path, today: str | None = None) -> subprocess.CompletedProcess[str]:
    """git as staff run it; ``today`` reaches the hooks (local pushes pass the environment on)."""
    env = {**GIT_ENV, "ARKIV_IDAG": today} if today else GIT_ENV
    return subprocess.run(["git", *map(str, args)], cwd=cwd, capture_output=True, text=True, env=env, timeout=600)


# One page of each type of the seed's site (URLs relative to its root).
SEED_PAGES = [
    "",
    "direktionen/",
    "direktionen/2023/",
    "direktionen/2023-10-26/",
    "arenden/itsam-2023-93/",
    "arenden/",
    "arenden/2023/",
    "personer/",
    "personer/jacob-kall/",
    "om-arkivet/",
    "anslagstavla/",
    "anslagstavla/2023/",
    "oppna-data/",
    "tillganglighet/",
    "publicera/",
]


def search_results(page: Any) -> Any:
    """The search page's hits once the whole batch stands: hits render one by one, so reading the
    list at the first visible hit races the rest (the list is aria-busy until the batch is done)."""
    from playwright.sync_api import expect

    hits = page.locator("#arkiv-traffar")
    expect(hits).to_have_attribute("aria-busy", "false")
    return hits
