"""Publishing by ``git push`` to a bare repository the organisation runs itself.

``pre-receive`` validates the pushed protocols and rejects the push with the messages;
``post-receive`` builds the pushed branch (``generator.build``) into a new directory and then
switches the web root to it (``generator.publish.deploy``). A failed or killed build never
touches the live site; the last ``keep`` builds stay for ``arkiv rollback``.
"""

from __future__ import annotations

import io
import shlex
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from generator import messages
from generator.build import BuildFailed, BuildOptions, build
from generator.problems import Problems
from generator.publish.deploy import PublishError, builds_dir, lock, log, prune, switch
from generator.readers.sources import read_sources

ZERO = "0" * 40
HOOKS = ("pre-receive", "post-receive")


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


def post_receive(stdin: str, branch: str, web_root: Path, keep: int, site_url: str | None) -> int:
    status = 0
    for commit in _updates(stdin, branch):
        with lock(web_root):
            target = builds_dir(web_root) / f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{commit[:7]}"
            source = target / "källa"
            _export(commit, source)
            options = BuildOptions(source / "protocols", target / "site", source / "mkdocs.yml", site_url=site_url)
            try:
                build(options)
            except BuildFailed as exc:
                print(exc.problems.report() if exc.problems else exc, file=sys.stderr)
                shutil.rmtree(target, ignore_errors=True)
                log(web_root, messages.LOG_FAILED.format(commit=commit[:7]))
                print(messages.BUILD_STOPPED, file=sys.stderr)
                print(messages.PUBLISH_FAILED, file=sys.stderr)
                status = 1
                continue
            finally:
                shutil.rmtree(source, ignore_errors=True)
            switch(web_root, target / "site")
            log(web_root, messages.LOG_PUBLISHED.format(commit=commit[:7], build=target.name))
            prune(web_root, keep)
            print(messages.PUBLISHED.format(build=target.name), file=sys.stderr)
    return status
