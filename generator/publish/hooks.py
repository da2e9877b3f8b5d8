"""Publishing by ``git push`` to a bare repository the organisation runs itself.

The server builds with its own configuration: ``arkiv hooks install`` copies the project's
``mkdocs.yml``, ``site_overrides/`` and ``docs/`` beside the builds, and every build uses that copy
with the generator installed on the server. From a push only ``protocols/`` is taken; a push that
changes any other file is rejected with the files named (an administrator may allow more paths
with ``--allow``, but even then the server's own configuration and theme are used). So nothing in
a push (MkDocs hooks, YAML tags, theme templates, paths) ever runs on the server.

``pre-receive`` checks the pushed tree (paths, links, sizes) and validates the protocols;
``post-receive`` builds the pushed branch (``generator.build``) into a new directory and switches
the web root to it (``generator.publish.deploy``) if the commit is still the branch's tip. A
failed or killed build never touches the live site; the last ``keep`` builds stay for rollback.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from generator import messages
from generator.build import BuildFailed, BuildOptions, build
from generator.problems import Problems
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
from generator.readers.cache import SourceCache
from generator.readers.organisation import FILE_NAME as ORGANISATION_FILE
from generator.readers.registry import READERS, SourceText
from generator.readers.sources import Sources, read_sources
from generator.site import urls

ZERO = "0" * 40
HOOKS = ("pre-receive", "post-receive")
PROTOCOLS = "protocols/"
# What the server takes from the project when the hooks are installed, and builds with.
SERVER_CONFIG = ("mkdocs.yml", "site_overrides", "docs")
# Limits on a pushed tree, checked from git's object sizes before anything is read.
MAX_FILE_BYTES = 50_000_000  # a signed PDF of a long protocol is a few MB
MAX_TREE_BYTES = 2_000_000_000
SYMLINK_MODE = "120000"
SUBMODULE_MODE = "160000"
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
    # Published history cannot be rewritten or deleted, and every ref update is logged.
    for key, value in (
        ("receive.denyNonFastForwards", "true"),
        ("receive.denyDeletes", "true"),
        ("core.logAllRefUpdates", "true"),
    ):
        subprocess.run(["git", "config", "--file", str(repo / "config"), key, value], check=True)
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


@dataclass(frozen=True)
class TreeEntry:
    mode: str
    size: int  # -1 for what has no size (submodules)
    path: str


def _tree(commit: str) -> list[TreeEntry]:
    """Every file of ``commit`` with its mode and size, from git's objects (nothing is read)."""
    listing = subprocess.run(
        ["git", "ls-tree", "-r", "-l", "-z", commit], capture_output=True, check=True
    ).stdout.decode("utf-8", "replace")
    entries = []
    for record in listing.split("\0"):
        if not record:
            continue
        meta, path = record.split("\t", 1)
        mode, _type, _object, size = meta.split()
        entries.append(TreeEntry(mode, int(size) if size.isdigit() else -1, path))
    return entries


def _changed(update: Update) -> set[str]:
    """Paths the push adds, changes or deletes; all paths for a new branch."""
    if update.old == ZERO:
        return {entry.path for entry in _tree(update.new)}
    names = subprocess.run(
        ["git", "diff", "--name-only", "-z", "--no-renames", update.old, update.new], capture_output=True, check=True
    ).stdout.decode("utf-8", "replace")
    return {name for name in names.split("\0") if name}


def _same_as_server(commit: str, path: str, config: Path) -> bool:
    """A file outside protocols/ that equals the server's own copy changes nothing."""
    own = config / path
    if not own.is_file() or own.is_symlink():
        return False
    pushed = subprocess.run(["git", "cat-file", "blob", f"{commit}:{path}"], capture_output=True, check=False)
    return pushed.returncode == 0 and pushed.stdout == own.read_bytes()


def check_tree(update: Update, web_root: Path, allow: tuple[str, ...]) -> list[str]:
    """What in the pushed tree the server refuses, as messages; empty when the tree is fine."""
    refused: list[str] = []
    entries = _tree(update.new)
    for entry in entries:
        if entry.mode == SYMLINK_MODE:
            refused.append(messages.PUSH_SYMLINK.format(path=entry.path))
        elif entry.mode == SUBMODULE_MODE:
            refused.append(messages.PUSH_SUBMODULE.format(path=entry.path))
        elif entry.size > MAX_FILE_BYTES:
            refused.append(messages.PUSH_FILE_TOO_LARGE.format(path=entry.path, limit=MAX_FILE_BYTES // 1_000_000))
    if sum(max(entry.size, 0) for entry in entries) > MAX_TREE_BYTES:
        refused.append(messages.PUSH_TREE_TOO_LARGE.format(limit=MAX_TREE_BYTES // 1_000_000))
    config = config_dir(web_root)
    outside = sorted(
        path
        for path in _changed(update)
        if not publishable(path, (PROTOCOLS, *allow)) and not _same_as_server(update.new, path, config)
    )
    if outside:
        refused.append(messages.PUSH_OUTSIDE_PROTOCOLS.format(files=", ".join(outside)))
    return refused


def _protocol_changes(update: Update) -> list[tuple[str, str]]:
    """(status, path) of every file under protocols/ that a push to a published branch touches."""
    if update.old == ZERO:
        return []
    command = ["git", "diff", "--name-status", "-z", "--no-renames", update.old, update.new, "--", PROTOCOLS]
    fields = subprocess.run(command, capture_output=True, check=True).stdout.decode("utf-8", "replace").split("\0")
    return [(fields[i][:1], fields[i + 1]) for i in range(0, len(fields) - 1, 2)]


def _corrections_before(update: Update, path: str, sources: Sources) -> int | None:
    """How many rättelser the published version of a meeting source had (None: unreadable)."""
    relative = path.removeprefix(PROTOCOLS)
    body = sources.organisation.body(relative.split("/")[0])
    try:
        day = date.fromisoformat(Path(relative).stem)
    except ValueError:
        return None
    old = subprocess.run(["git", "cat-file", "blob", f"{update.old}:{path}"], capture_output=True, check=False)
    if body is None or old.returncode != 0:
        return None
    source = SourceText(sources.organisation, body, relative, old.stdout.decode("utf-8", "replace"), day)
    meeting = READERS[Path(path).suffix](source, Problems())
    return len(meeting.corrections) if meeting else None


def check_published(update: Update, sources: Sources) -> list[str]:
    """A published protocol is never silently removed or changed: what the push may not do."""
    refused = []
    corrected = {meeting.source: len(meeting.corrections) for meeting in sources.meetings}
    for status, path in _protocol_changes(update):
        if path == PROTOCOLS + ORGANISATION_FILE or status == "A":
            continue
        if status == "D":
            refused.append(messages.PUBLISHED_DELETED.format(path=path))
        elif Path(path).suffix not in READERS:
            refused.append(messages.PUBLISHED_FILE_CHANGED.format(path=path))
        else:
            before = _corrections_before(update, path, sources)
            now = corrected.get(path.removeprefix(PROTOCOLS), 0)
            if before is not None and now <= before:
                refused.append(messages.PUBLISHED_CHANGED.format(path=path))
    return refused


def _export(commit: str, target: Path) -> None:
    """The pushed ``protocols/``, as files, streamed from git (never held in memory whole)."""
    target.mkdir(parents=True, exist_ok=True)
    command = ["git", "archive", "--format=tar", commit, PROTOCOLS]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as archive:
        assert archive.stdout is not None
        try:
            with tarfile.open(fileobj=archive.stdout, mode="r|") as tar:
                tar.extractall(target, filter="data")  # the data filter refuses links and paths out of target
        except tarfile.TarError as exc:
            raise PublishError(messages.PUSH_UNREADABLE_TREE.format(reason=exc)) from None
    if archive.returncode != 0:
        raise PublishError(messages.PUSH_NO_PROTOCOLS)


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
        refused = check_tree(update, web_root, allow)
        if refused:
            print("\n".join(refused), file=sys.stderr)
            print(messages.PUSH_REJECTED, file=sys.stderr)
            status = 1
            continue
        with tempfile.TemporaryDirectory(prefix="arkiv-granskning-") as work:
            _export(update.new, Path(work))
            problems = Problems()
            # The builds' cache: a push is read (and its original PDFs scanned) only where it
            # differs from what was read before, and the build after it finds it read.
            cache = SourceCache(cache_dir(web_root))
            sources = read_sources(Path(work) / "protocols", problems, reserved=urls.RESERVED_SLUGS, cache=cache)
            if problems.items:
                print(problems.report(), file=sys.stderr)
            published = check_published(update, sources) if sources is not None else []
            if published:
                print("\n".join(published), file=sys.stderr)
            if problems.errors or published:
                print(messages.PUSH_REJECTED, file=sys.stderr)
                status = 1
    return status


def _tip(branch: str) -> str:
    found = subprocess.run(["git", "rev-parse", "--verify", "-q", f"refs/heads/{branch}"], capture_output=True)
    return found.stdout.decode().strip()


def post_receive(
    stdin: str, branch: str, web_root: Path, keep: int, site_url: str | None, seconds: float = TIME_LIMIT
) -> int:
    """Build and publish each push to ``branch``; 1 when a build failed (the live site stays)."""
    failed = False
    for update in _updates(stdin, branch):
        if update.new != ZERO:
            for status, path in _protocol_changes(update):
                if status == "M" and Path(path).suffix in READERS:
                    log(web_root, messages.LOG_CORRECTED.format(path=path, old=update.old[:7], new=update.new[:7]))
            failed |= not publish(update.new, branch, web_root, keep, site_url, seconds, messages.LOG_PUBLISHED)
    return 1 if failed else 0


def rebuild(repo: Path, branch: str, web_root: Path, keep: int, site_url: str | None, seconds: float) -> int:
    """The daily rebuild: the branch's tip built again for today, so the anslagstavla and the
    appeal periods stay right on a server that is rebuilt only when someone pushes."""
    os.environ["GIT_DIR"] = str(repo.absolute())
    commit = _tip(branch)
    if not commit:
        raise PublishError(messages.NOTHING_PUBLISHED.format(branch=branch))
    return 0 if publish(commit, branch, web_root, keep, site_url, seconds, messages.LOG_REBUILT) else 1


def publish(
    commit: str, branch: str, web_root: Path, keep: int, site_url: str | None, seconds: float, done: str
) -> bool:
    """Build ``commit`` with the server's configuration and switch the web root to it, under the
    publishing lock; ``done`` is the log line on success. False when nothing was published."""
    with lock(web_root):
        clean_interrupted(web_root)
        target = builds_dir(web_root) / f"{datetime.now(UTC):%Y%m%dT%H%M%S.%f}-{commit[:7]}"
        source = target / "källa"
        try:
            _export(commit, source)
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
        except (BuildFailed, PublishError) as exc:
            problems = exc.problems if isinstance(exc, BuildFailed) else None
            print(problems.report() if problems else exc, file=sys.stderr)
            shutil.rmtree(target, ignore_errors=True)
            log(web_root, messages.LOG_FAILED.format(commit=commit[:7]))
            print(messages.BUILD_STOPPED, file=sys.stderr)
            print(messages.PUBLISH_FAILED, file=sys.stderr)
            return False
        finally:
            shutil.rmtree(source, ignore_errors=True)
        if _tip(branch) != commit:
            # A later push has moved the branch; its own build publishes it.
            shutil.rmtree(target, ignore_errors=True)
            log(web_root, messages.LOG_SUPERSEDED.format(commit=commit[:7]))
            return False
        target.chmod(0o755)
        switch(web_root, target / "site")
        log(web_root, done.format(commit=commit[:7], build=target.name))
        prune(web_root, keep)
        print(messages.PUBLISHED.format(build=target.name), file=sys.stderr)
        return True


def daily_rebuild_line(repo: Path, options: list[str]) -> str:
    """The crontab line for the daily rebuild, shortly after midnight (Swedish time on the server)."""
    command = [sys.executable, "-m", "generator", "hooks", "rebuild", str(repo.absolute()), *options]
    return f"5 0 * * * {shlex.join(command)} >> /dev/null 2>&1\n"
