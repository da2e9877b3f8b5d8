"""Publishing by ``git push`` to a bare repository the organisation runs itself.

The server builds with its own configuration: ``arkiv hooks install`` copies the project's
``mkdocs.yml``, ``site_overrides/`` and ``docs/`` beside the builds, and every build uses that copy
with the generator installed on the server. From a push only ``protocols/`` is taken; other files
may come along only as they are in the project the hooks were installed from
(``generator.publish.project``), and a push that changes any other file is rejected with the
files named (an administrator may allow more paths with ``--allow``, but even then the server's
own configuration and theme are used). So nothing in a push (MkDocs hooks, YAML tags, theme
templates, paths, .gitattributes) ever runs on the server.

``pre-receive`` checks the pushed tree from git's listing (paths, links, sizes, counts:
``generator.publish.tree``), validates the protocols and refuses what would remove or silently
change a published one (``generator.publish.published``); ``post-receive`` builds the pushed
branch (``generator.build``) into a new directory and switches the web root to it
(``generator.publish.deploy``) if the commit is still the branch's tip, telling the pusher when a
later push overtook it. A failed or killed build never touches the live site, and publishes
nothing; the last ``keep`` builds stay for rollback.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from generator import messages
from generator.build import BuildFailed, BuildOptions, build
from generator.problems import Problems
from generator.publish import published
from generator.publish.deploy import (
    PublishError,
    builds_dir,
    cache_dir,
    clean_interrupted,
    config_dir,
    lock,
    log,
    prune,
    publishable,
    switch,
    time_limit,
)
from generator.publish.project import same_as_server, server_files, write_manifest
from generator.publish.tree import PROTOCOLS, TreeEntry, export, listing, refusals
from generator.readers.cache import SourceCache
from generator.readers.registry import READERS
from generator.readers.sources import read_sources
from generator.site import urls

ZERO = "0" * 40
HOOKS = ("pre-receive", "post-receive")
# What the server takes from the project when the hooks are installed, and builds with.
SERVER_CONFIG = ("mkdocs.yml", "site_overrides", "docs")
TIME_LIMIT = 1800.0  # seconds for one build; the full 20-year archive builds in under one minute
CHECK_LIMIT = 600.0  # seconds for checking one push (pre-receive); the full archive takes seconds


def install(
    repo: Path,
    web_root: Path,
    branch: str,
    keep: int,
    site_url: str | None,
    project: Path,
    allow: tuple[str, ...] = (),
    seconds: float = TIME_LIMIT,
) -> str:
    """Write the hooks into ``repo`` (a bare repository) and copy the server's configuration."""
    if not (repo / "HEAD").is_file() or not (repo / "objects").is_dir():
        raise PublishError(messages.NOT_A_BARE_REPO.format(repo=repo))
    web_root = web_root.absolute()
    if web_root.exists() and not web_root.is_symlink():
        raise PublishError(messages.WEB_ROOT_NOT_LINK.format(web_root=web_root))
    if not (project / "mkdocs.yml").is_file():
        raise PublishError(messages.NO_SERVER_CONFIG.format(project=project))
    builds_dir(web_root).mkdir(parents=True, exist_ok=True)
    builds_dir(web_root).chmod(0o755)
    config = config_dir(web_root)
    shutil.rmtree(config, ignore_errors=True)
    config.mkdir()
    for name in SERVER_CONFIG:
        source = project / name
        if source.is_dir():
            shutil.copytree(source, config / name, symlinks=False)
        elif source.is_file():
            shutil.copy(source, config / name)
    write_manifest(project, config)
    options = ["--web-root", str(web_root), "--branch", branch, "--keep", str(keep)]
    if site_url:
        options += ["--site-url", site_url]
    for allowed in allow:
        options += ["--allow", allowed]
    options += ["--time-limit", str(seconds)]
    for hook in HOOKS:
        command = [sys.executable, "-m", "generator", "hooks", hook, *options]
        script = (
            f"#!/bin/sh\n# Installed by 'arkiv hooks install': {hook} for the protocol archive.\n"
            f"umask 022\nexec {shlex.join(command)}\n"
        )
        path = repo / "hooks" / hook
        path.write_text(script, encoding="utf-8")
        path.chmod(0o755)
    # The daily rebuild, for the administrator to install (crontab -e, or a systemd timer).
    cron = builds_dir(web_root) / "daglig-ombyggnad.cron"
    cron.write_text(daily_rebuild_line(repo, options), encoding="utf-8")
    # Published history cannot be rewritten or deleted, and every ref update is logged; git checks
    # every pushed object (a tree listing a name twice, or ".git", is refused before the hooks run).
    for key, value in (
        ("receive.denyNonFastForwards", "true"),
        ("receive.denyDeletes", "true"),
        ("core.logAllRefUpdates", "true"),
        ("receive.fsckObjects", "true"),
        ("transfer.fsckObjects", "true"),
    ):
        subprocess.run(["git", "config", "--file", str(repo / "config"), key, value], check=True)
    # A clone of the server checks out the published branch.
    subprocess.run(["git", "--git-dir", str(repo), "symbolic-ref", "HEAD", f"refs/heads/{branch}"], check=True)
    return messages.HOOKS_INSTALLED.format(repo=repo, web_root=web_root, cron=cron.read_text(encoding="utf-8").strip())


@dataclass(frozen=True)
class Update:
    old: str
    new: str


def _updates(stdin: str, branch: str) -> Iterator[Update]:
    """The updates of ``branch`` in a push (a deletion has ``new`` all zeros)."""
    for line in stdin.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2] == f"refs/heads/{branch}":
            yield Update(parts[0], parts[1])


def _changed(update: Update, entries: list[TreeEntry]) -> set[str]:
    """Paths the push adds, changes or deletes; all paths for a new branch."""
    if update.old == ZERO:
        return {entry.path for entry in entries}
    names = subprocess.run(
        ["git", "diff", "--name-only", "-z", "--no-renames", update.old, update.new], capture_output=True, check=True
    ).stdout.decode("utf-8", "replace")
    return {name for name in names.split("\0") if name}


def check_tree(update: Update, web_root: Path, allow: tuple[str, ...]) -> list[str]:
    """What in the pushed tree the server refuses, as messages; empty when the tree is fine.
    Read from git's listing only (``generator.publish.tree``): nothing is exported before."""
    entries = listing(update.new)
    refused = refusals(entries)
    objects = {entry.path: entry.oid for entry in entries}
    config = config_dir(web_root)
    known = server_files(config)
    outside = sorted(
        path
        for path in _changed(update, entries)
        if not publishable(path, (PROTOCOLS, *allow)) and not same_as_server(path, objects.get(path), config, known)
    )
    if outside:
        refused.append(messages.PUSH_OUTSIDE_PROTOCOLS.format(files=", ".join(outside)))
    return refused


def _server_project(web_root: Path, target: Path) -> None:
    """The server's own configuration, theme and pages, beside the pushed protocols."""
    config = config_dir(web_root)
    for name in SERVER_CONFIG:
        if (config / name).is_dir():
            shutil.copytree(config / name, target / name)
        elif (config / name).is_file():
            shutil.copy(config / name, target / name)


def pre_receive(stdin: str, branch: str, web_root: Path, allow: tuple[str, ...] = ()) -> int:
    """Check and validate each push to ``branch``; print every problem; 1 rejects the push."""
    with time_limit(CHECK_LIMIT):
        return _pre_receive(stdin, branch, web_root, allow)


def _pre_receive(stdin: str, branch: str, web_root: Path, allow: tuple[str, ...]) -> int:
    status = 0
    for update in _updates(stdin, branch):
        if update.new == ZERO:
            print(messages.PUSH_DELETES_BRANCH.format(branch=branch), file=sys.stderr)
            status = 1
            continue
        try:
            refused = check_tree(update, web_root, allow) or _check_sources(update, web_root)
        except PublishError as exc:
            refused = [str(exc)]
        if refused:
            print("\n".join(refused), file=sys.stderr)
            print(messages.PUSH_REJECTED, file=sys.stderr)
            status = 1
    return status


def _check_sources(update: Update, web_root: Path) -> list[str]:
    """Validate the pushed protocols and check them against the published ones: what refuses the
    push (the problem report when it has errors, then each published protocol it would change)."""
    with tempfile.TemporaryDirectory(prefix="arkiv-granskning-") as work:
        export(update.new, Path(work))
        problems = Problems()
        # The builds' cache: a push is read (and its original PDFs scanned) only where it
        # differs from what was read before, and the build after it finds it read.
        cache = SourceCache(cache_dir(web_root))
        sources = read_sources(Path(work) / "protocols", problems, reserved=urls.RESERVED_SLUGS, cache=cache)
        refused = [problems.report()] if problems.errors else []
        if problems.items and not problems.errors:
            print(problems.report(), file=sys.stderr)  # warnings only
        if sources is not None:
            refused += published.check_push(web_root, update.old, update.new, sources)
        return refused


def _tip(branch: str) -> str:
    found = subprocess.run(["git", "rev-parse", "--verify", "-q", f"refs/heads/{branch}"], capture_output=True)
    return found.stdout.decode().strip()


class Outcome(Enum):
    PUBLISHED = "publicerad"
    FAILED = "misslyckades"
    SUPERSEDED = "ersatt"


def post_receive(
    stdin: str, branch: str, web_root: Path, keep: int, site_url: str | None, seconds: float = TIME_LIMIT
) -> int:
    """Build and publish each push to ``branch``; 1 when a build failed (the live site stays)."""
    failed = False
    for update in _updates(stdin, branch):
        if update.new != ZERO:
            outcome = publish(update.new, branch, web_root, keep, site_url, seconds, messages.LOG_PUBLISHED)
            failed |= outcome is Outcome.FAILED
    return 1 if failed else 0


def rebuild(repo: Path, branch: str, web_root: Path, keep: int, site_url: str | None, seconds: float) -> int:
    """The daily rebuild: the branch's tip built again for today, so the anslagstavla and the
    appeal periods stay right on a server that is rebuilt only when someone pushes."""
    os.environ["GIT_DIR"] = str(repo.absolute())
    commit = _tip(branch)
    if not commit:
        raise PublishError(messages.NOTHING_PUBLISHED.format(branch=branch))
    outcome = publish(commit, branch, web_root, keep, site_url, seconds, messages.LOG_REBUILT)
    return 1 if outcome is Outcome.FAILED else 0


def publish(
    commit: str, branch: str, web_root: Path, keep: int, site_url: str | None, seconds: float, done: str
) -> Outcome:
    """Build ``commit`` with the server's configuration and switch the web root to it, under the
    publishing lock; ``done`` is the log line on success. Builds run one at a time, and only the
    branch's tip is published: a push overtaken by a later one while it waited or built is told so."""
    with lock(web_root):
        clean_interrupted(web_root)
        if _tip(branch) != commit:
            return _superseded(web_root, commit, branch)
        target = builds_dir(web_root) / f"{datetime.now(UTC):%Y%m%dT%H%M%S.%f}-{commit[:7]}"
        try:
            _build(commit, web_root, target, site_url, seconds)
        except (BuildFailed, PublishError, OSError) as exc:
            return _failed(web_root, commit, target, exc)
        if _tip(branch) != commit:
            shutil.rmtree(target, ignore_errors=True)
            return _superseded(web_root, commit, branch)
        before = published.published_commit(web_root, ZERO)
        try:
            _go_live(web_root, target, commit)
        except OSError as exc:
            _keep_trying(published.record, web_root, before)
            return _failed(web_root, commit, target, exc)
        for status, path in published.changes(before, commit):
            if status == "M" and Path(path).suffix in READERS:
                log(web_root, messages.LOG_CORRECTED.format(path=path, old=before[:7], new=commit[:7]))
        log(web_root, done.format(commit=commit[:7], build=target.name))
        _keep_trying(prune, web_root, keep)
        print(messages.PUBLISHED.format(build=target.name), file=sys.stderr)
        return Outcome.PUBLISHED


def _build(commit: str, web_root: Path, target: Path, site_url: str | None, seconds: float) -> None:
    """The pushed protocols exported beside the server's own project, built into ``target/site``."""
    source = target / "källa"
    try:
        export(commit, source)
        _server_project(web_root, source)
        options = BuildOptions(
            source / "protocols",
            target / "site",
            source / "mkdocs.yml",
            site_url=site_url,
            cache=cache_dir(web_root),
            shared_cache=True,
        )
        with time_limit(seconds):
            build(options)
    finally:
        shutil.rmtree(source, ignore_errors=True)


def _go_live(web_root: Path, target: Path, commit: str) -> None:
    """Record ``commit`` as published, then switch the web root to its build. Recorded first: a
    switch that fails leaves the record restored by the caller, and never a live build unrecorded."""
    target.chmod(0o755)
    published.record(web_root, commit)
    switch(web_root, target / "site")


def _failed(web_root: Path, commit: str, target: Path, exc: BaseException) -> Outcome:
    shutil.rmtree(target, ignore_errors=True)
    if isinstance(exc, BuildFailed) and exc.problems:
        print(exc.problems.report(), file=sys.stderr)
    elif isinstance(exc, OSError):
        reason = messages.BUILD_IO_FAILED.format(reason=exc.strerror or exc)
        print(reason, file=sys.stderr)
        exc = PublishError(reason)
    else:
        print(exc, file=sys.stderr)
    log(web_root, messages.LOG_FAILED.format(commit=commit[:7], reason=str(exc).splitlines()[0] if str(exc) else ""))
    print(messages.PUBLISH_FAILED, file=sys.stderr)
    return Outcome.FAILED


def _superseded(web_root: Path, commit: str, branch: str) -> Outcome:
    """A later push has moved the branch; its own build publishes it."""
    log(web_root, messages.LOG_SUPERSEDED.format(commit=commit[:7]))
    print(messages.PUSH_SUPERSEDED.format(commit=commit[:7], tip=_tip(branch)[:7]), file=sys.stderr)
    return Outcome.SUPERSEDED


def _keep_trying(step: Callable[[Path, Any], None], web_root: Path, value: Any) -> None:
    """A step after the switch (pruning old builds, restoring the record) that may fail on a full
    disk without undoing what is live; the log says so."""
    try:
        step(web_root, value)
    except OSError as exc:
        log(web_root, messages.LOG_STEP_FAILED.format(reason=exc.strerror or exc))


def daily_rebuild_line(repo: Path, options: list[str]) -> str:
    """The crontab line for the daily rebuild, shortly after midnight (Swedish time on the server)."""
    command = [sys.executable, "-m", "generator", "hooks", "rebuild", str(repo.absolute()), *options]
    return f"5 0 * * * {shlex.join(command)} >> /dev/null 2>&1\n"
