"""Deploying a built site: builds kept side by side, the web root switched atomically, rollback.

Layout: the web root ``WEB`` is a symlink to ``WEB.builds/<time>-<commit>/site``; the build log
is ``WEB.builds/bygglogg.txt``. One build or rollback at a time holds ``WEB.builds/.lås``.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from generator import messages
from generator.publish import withholdings


def builds_dir(web_root: Path) -> Path:
    return web_root.with_name(web_root.name + ".builds")


def config_dir(web_root: Path) -> Path:
    """The server's own mkdocs.yml, theme and pages, copied there by ``arkiv hooks install``."""
    return builds_dir(web_root) / "konfiguration"


def cache_dir(web_root: Path) -> Path:
    """The cache of read sources shared by the server's builds (``generator.readers.cache``)."""
    return builds_dir(web_root) / "cache"


def publishable(path: str, allowed: tuple[str, ...]) -> bool:
    """Whether a pushed ``path`` lies under one of the ``allowed`` folders or is an allowed file."""
    return any(path == prefix.rstrip("/") or path.startswith(prefix.rstrip("/") + "/") for prefix in allowed)


class PublishError(Exception):
    """A publishing step that cannot go on; its message is for the person pushing."""


class TimeLimitExceeded(PublishError):
    """A check or build ran past its time limit; nothing was published."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Stop what runs inside after ``seconds``: one push must never hold the server."""

    def expired(signum: int, frame: object) -> None:
        raise TimeLimitExceeded(messages.TIME_LIMIT.format(seconds=f"{seconds:g}"))

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def lock(web_root: Path) -> Iterator[None]:
    # One build at a time; the lock goes with the process, so a killed build leaves none behind.
    with open(builds_dir(web_root) / ".lås", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def busy(web_root: Path) -> bool:
    """Whether a build or rollback holds the publishing lock now."""
    path = builds_dir(web_root) / ".lås"
    if not path.is_file():
        return False
    with open(path) as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False


def log(web_root: Path, text: str) -> None:
    with open(builds_dir(web_root) / "bygglogg.txt", "a", encoding="utf-8") as log:
        log.write(f"{datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC {text}\n")


def switch(web_root: Path, site: Path) -> None:
    """Point the web root at ``site`` in one atomic rename."""
    link = web_root.with_name(f".{web_root.name}.ny-länk")
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(site)
    os.replace(link, web_root)


def clean_interrupted(web_root: Path) -> None:
    """Remove what a killed build left (its sources, a half-written site); called under the lock."""
    kept = (config_dir(web_root), cache_dir(web_root))
    for folder in builds_dir(web_root).iterdir():
        if folder.is_dir() and folder not in kept and ((folder / "källa").exists() or not (folder / "site").is_dir()):
            shutil.rmtree(folder, ignore_errors=True)
            log(web_root, messages.LOG_INTERRUPTED.format(build=folder.name))


def builds(web_root: Path) -> list[Path]:
    """Completed builds, oldest first."""
    return sorted(p for p in builds_dir(web_root).iterdir() if p.is_dir() and (p / "site").is_dir())


def live(web_root: Path) -> Path | None:
    return web_root.resolve().parent if web_root.is_symlink() else None


def prune(web_root: Path, keep: int) -> None:
    current = live(web_root)
    for old in builds(web_root)[:-keep]:
        if old != current:
            shutil.rmtree(old, ignore_errors=True)


def rollback(web_root: Path, to: str | None) -> str:
    """Switch the web root back to the build before the live one, or to the build named ``to``."""
    with lock(web_root):
        return _rollback(web_root, to)


def _rollback(web_root: Path, to: str | None) -> str:
    done = builds(web_root)
    current = live(web_root)
    if to:
        target = next((b for b in done if b.name == to), None)
        if target is None:
            raise PublishError(messages.NO_SUCH_BUILD.format(name=to, builds=", ".join(b.name for b in done)))
    else:
        older = [b for b in done if current is None or b.name < current.name]
        if not older:
            raise PublishError(messages.NOTHING_TO_ROLL_BACK)
        target = older[-1]
    # A later build withholds what this one publishes: going back would put it online again.
    later = [b / "site" for b in done if b.name > target.name or b == current]
    if lost := withholdings.published_again(target / "site", later):
        shown = ", ".join(f"{meeting} § {number}" + (f" ({part})" if part else "") for meeting, number, part in lost)
        raise PublishError(messages.ROLLBACK_WITHHELD.format(build=target.name, withheld=shown))
    switch(web_root, target / "site")
    log(web_root, messages.LOG_ROLLED_BACK.format(build=target.name))
    return messages.ROLLED_BACK.format(build=target.name)
