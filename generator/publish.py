"""Publishing by ``git push`` to a bare repository the organisation runs itself.

``pre-receive`` validates the pushed protocols and rejects the push with the messages;
``post-receive`` builds the pushed branch into a new directory and then switches the web root,
a symlink, to it in one rename. A failed or killed build never touches the live site; the last
``keep`` builds stay for ``arkiv rollback``.

Layout: the web root ``WEB`` is a symlink to ``WEB.builds/<time>-<commit>/site``; the build log
is ``WEB.builds/bygglogg.txt``.
"""

from __future__ import annotations

import fcntl
import io
import os
import shlex
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from generator import messages
from generator.problems import Problems
from generator.sources import read_sources

ZERO = "0" * 40
HOOKS = ("pre-receive", "post-receive")


def builds_dir(web_root: Path) -> Path:
    return web_root.with_name(web_root.name + ".builds")


def install(repo: Path, web_root: Path, branch: str, keep: int, site_url: str | None) -> str:
    """Write the hooks into ``repo`` (a bare repository); they run this installation of arkiv."""
    if not (repo / "HEAD").is_file() or not (repo / "objects").is_dir():
        raise PublishError(messages.NOT_A_BARE_REPO.format(repo=repo))
    web_root = web_root.absolute()
    if web_root.exists() and not web_root.is_symlink():
        raise PublishError(messages.WEB_ROOT_NOT_LINK.format(web_root=web_root))
    builds_dir(web_root).mkdir(parents=True, exist_ok=True)
    options = ["--web-root", str(web_root), "--branch", branch, "--keep", str(keep)]
    if site_url:
        options += ["--site-url", site_url]
    for hook in HOOKS:
        command = [sys.executable, "-m", "generator", "hooks", hook, *options]
        script = (
            f"#!/bin/sh\n# Installed by 'arkiv hooks install': {hook} for the protocol archive.\n"
            f"exec {shlex.join(command)}\n"
        )
        path = repo / "hooks" / hook
        path.write_text(script, encoding="utf-8")
        path.chmod(0o755)
    return messages.HOOKS_INSTALLED.format(repo=repo, web_root=web_root)


class PublishError(Exception):
    """A publishing step that cannot go on; its message is for the person pushing."""


def _updates(stdin: str, branch: str) -> Iterator[str]:
    """The new commit of ``branch`` in a push, if the push updates it (and does not delete it)."""
    for line in stdin.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2] == f"refs/heads/{branch}" and parts[1] != ZERO:
            yield parts[1]


def _export(commit: str, target: Path) -> None:
    """The pushed tree, as files, without touching any working tree."""
    archive = subprocess.run(["git", "archive", "--format=tar", commit], capture_output=True, check=True)
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")  # the data filter refuses links and paths out of target


def pre_receive(stdin: str, branch: str) -> int:
    """Validate each pushed commit of ``branch``; print every problem; 1 rejects the push."""
    status = 0
    for commit in _updates(stdin, branch):
        with tempfile.TemporaryDirectory(prefix="arkiv-granskning-") as work:
            _export(commit, Path(work))
            problems = Problems()
            read_sources(Path(work) / "protocols", problems)
            if problems.items:
                print(problems.report(), file=sys.stderr)
            if problems.errors:
                print(messages.PUSH_REJECTED, file=sys.stderr)
                status = 1
    return status


@contextmanager
def _lock(web_root: Path) -> Iterator[None]:
    # One build at a time; the lock goes with the process, so a killed build leaves none behind.
    with open(builds_dir(web_root) / ".lås", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def _log(web_root: Path, text: str) -> None:
    with open(builds_dir(web_root) / "bygglogg.txt", "a", encoding="utf-8") as log:
        log.write(f"{datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC {text}\n")


def switch(web_root: Path, site: Path) -> None:
    """Point the web root at ``site`` in one atomic rename."""
    link = web_root.with_name(f".{web_root.name}.ny-länk")
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(site)
    os.replace(link, web_root)


def builds(web_root: Path) -> list[Path]:
    """Completed builds, oldest first."""
    return sorted(p for p in builds_dir(web_root).iterdir() if p.is_dir() and (p / "site").is_dir())


def live(web_root: Path) -> Path | None:
    return web_root.resolve().parent if web_root.is_symlink() else None


def post_receive(stdin: str, branch: str, web_root: Path, keep: int, site_url: str | None) -> int:
    from generator.cli import run_build

    status = 0
    for commit in _updates(stdin, branch):
        with _lock(web_root):
            build = builds_dir(web_root) / f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{commit[:7]}"
            source = build / "källa"
            _export(commit, source)
            result = run_build(source / "protocols", build / "site", source / "mkdocs.yml", False, None, site_url)
            shutil.rmtree(source, ignore_errors=True)
            if result != 0:
                shutil.rmtree(build, ignore_errors=True)
                _log(web_root, f"{commit[:7]} misslyckades; webbplatsen är oförändrad")
                print(messages.PUBLISH_FAILED, file=sys.stderr)
                status = 1
                continue
            switch(web_root, build / "site")
            _log(web_root, f"{commit[:7]} publicerad ({build.name})")
            _prune(web_root, keep)
            print(messages.PUBLISHED.format(build=build.name), file=sys.stderr)
    return status


def _prune(web_root: Path, keep: int) -> None:
    current = live(web_root)
    for old in builds(web_root)[:-keep]:
        if old != current:
            shutil.rmtree(old, ignore_errors=True)


def rollback(web_root: Path, to: str | None) -> str:
    """Switch the web root back to the build before the live one, or to the build named ``to``."""
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
    switch(web_root, target / "site")
    _log(web_root, f"återställd till {target.name}")
    return messages.ROLLED_BACK.format(build=target.name)
