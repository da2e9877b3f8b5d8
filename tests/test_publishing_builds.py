"""What a push means once accepted: published only when its build went live; told when a later
push overtook it; a full disk ends with one message. A real bare repository with the hooks."""

from __future__ import annotations

import errno
import fcntl
import os
import subprocess
import time
from pathlib import Path

import mkdocs.utils
import pytest

from generator import messages
from generator.publish import hooks
from tests.conftest import arkiv
from tests.helpers import GIT_ENV, git
from tests.test_publishing_trust import push_all, server

MEETING = "organ: direktionen\ndatum: 2023-12-14\nparagrafer:\n  - {paragraf: 1, rubrik: Budget, beslut: Antas.}\n"
NEW = Path("protocols") / "direktionen" / "2023-12-14.yaml"
LATER = Path("protocols") / "direktionen" / "2024-01-18.yaml"


def push_in_background(work: Path, bare: Path, message: str) -> tuple[subprocess.Popen[str], str]:
    """Commit what ``work`` has and push it without waiting for its build (the publishing lock
    may be held); returns once the server's branch has moved to the commit."""
    git("add", "-A", cwd=work)
    git("commit", "-q", "-m", message, cwd=work)
    push = subprocess.Popen(
        ["git", "push", "origin", "HEAD:main"], cwd=work, env=GIT_ENV, stderr=subprocess.PIPE, text=True
    )
    commit = git("rev-parse", "HEAD", cwd=work).stdout.strip()
    deadline = time.monotonic() + 120
    while git("rev-parse", "main", cwd=bare).stdout.strip() != commit and time.monotonic() < deadline:
        time.sleep(0.1)
    return push, commit


def test_a_file_whose_build_failed_was_never_published_and_may_be_fixed_or_removed(tmp_path: Path) -> None:
    bare, work, web = server(tmp_path)
    published = os.readlink(web)
    # Builds stop after 0.2 s: the push is accepted by pre-receive, its build fails.
    assert arkiv("hooks", "install", bare, "--web-root", web, "--time-limit", "0.2").returncode == 0
    (work / NEW).write_text(MEETING, encoding="utf-8")
    failed = push_all(work, "ett sammanträde till")
    assert failed.returncode == 0 and "Bygget misslyckades" in failed.stderr, failed.stderr
    assert os.readlink(web) == published
    # Changed without a rättelse: accepted, it was never live (its build failed again).
    (work / NEW).write_text(MEETING.replace("Antas.", "Antas i sin helhet."), encoding="utf-8")
    changed = push_all(work, "rättad före publicering")
    assert changed.returncode == 0 and "kräver en ny rättelse" not in changed.stderr, changed.stderr
    # Removed: accepted too.
    (work / NEW).unlink()
    removed = push_all(work, "bort igen")
    assert removed.returncode == 0 and "kan inte tas bort" not in removed.stderr, removed.stderr
    # With builds that finish, the fixed file goes live, and is then published.
    assert arkiv("hooks", "install", bare, "--web-root", web).returncode == 0
    (work / NEW).write_text(MEETING.replace("Antas.", "Antas i sin helhet."), encoding="utf-8")
    live = push_all(work, "publicera")
    assert live.returncode == 0 and "Publicerat" in live.stderr, live.stderr
    assert "Antas i sin helhet." in (web / "direktionen" / "2023-12-14" / "index.html").read_text(encoding="utf-8")
    (work / NEW).unlink()
    refused = push_all(work, "bort efter publicering")
    assert refused.returncode != 0 and f"{NEW.as_posix()} är publicerat och kan inte tas bort" in refused.stderr


def test_a_push_overtaken_by_a_later_one_is_told_so(tmp_path: Path) -> None:
    bare, work, web = server(tmp_path)
    other = tmp_path / "kollega"
    git("clone", "-q", bare, other, cwd=tmp_path)
    # Hold the publishing lock, as a long build would: both pushes' builds wait for it.
    with open(web.with_name("www.builds") / ".lås", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        (work / NEW).write_text(MEETING, encoding="utf-8")
        first, pushed = push_in_background(work, bare, "först")
        git("pull", "-q", "origin", "main", cwd=other)
        (other / LATER).write_text(MEETING.replace("2023-12-14", "2024-01-18"), encoding="utf-8")
        second, later = push_in_background(other, bare, "sedan")
        time.sleep(0.5)
    _, first_err = first.communicate(timeout=300)
    _, second_err = second.communicate(timeout=300)
    told = messages.PUSH_SUPERSEDED.format(commit=pushed[:7], tip=later[:7])
    assert told in first_err, first_err
    assert "Publicerat" in second_err, second_err
    assert (web / "direktionen" / "2024-01-18" / "index.html").is_file()
    assert (web / "direktionen" / "2023-12-14" / "index.html").is_file()


def test_a_file_of_a_build_under_way_may_not_be_removed_until_it_ends(tmp_path: Path) -> None:
    """Only the branch's tip can still go live; while a build runs it may be the tip's, so a push
    that would remove what it publishes is asked to wait, and is refused by the usual rule after."""
    bare, work, web = server(tmp_path)
    other = tmp_path / "kollega"
    git("clone", "-q", bare, other, cwd=tmp_path)
    with open(web.with_name("www.builds") / ".lås", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        (work / NEW).write_text(MEETING, encoding="utf-8")
        first, _ = push_in_background(work, bare, "nytt")
        git("pull", "-q", "origin", "main", cwd=other)
        (other / NEW).unlink()
        git("commit", "-q", "-a", "-m", "bort medan bygget pågår", cwd=other)
        # Were it accepted, its build would wait for the lock held here: a time limit, not a hang.
        waiting = subprocess.run(
            ["git", "push", "origin", "HEAD:main"], cwd=other, env=GIT_ENV, capture_output=True, text=True, timeout=60
        )
        assert waiting.returncode != 0
        assert messages.PUBLISHING_IN_PROGRESS.format(path=NEW.as_posix()) in waiting.stderr, waiting.stderr
    _, first_err = first.communicate(timeout=300)
    assert "Publicerat" in first_err, first_err
    removed = git("push", "origin", "HEAD:main", cwd=other)
    assert removed.returncode != 0 and f"{NEW.as_posix()} är publicerat och kan inte tas bort" in removed.stderr


def test_a_full_disk_during_a_build_ends_with_one_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The publish step itself, run in this process on the real repository, with every page
    write failing as on a full disk."""
    bare, _, web = server(tmp_path)
    published = os.readlink(web)
    builds = sorted(p.name for p in web.with_name("www.builds").iterdir())

    def full(content: bytes, output_path: str) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), output_path)

    monkeypatch.setattr(mkdocs.utils, "write_file", full)
    monkeypatch.setenv("GIT_DIR", str(bare))
    tip = git("rev-parse", "main", cwd=bare).stdout.strip()
    outcome = hooks.publish(tip, "main", web, 3, None, 600.0, messages.LOG_REBUILT)
    assert outcome is hooks.Outcome.FAILED
    told = capsys.readouterr().err
    assert messages.BUILD_IO_FAILED.format(reason=os.strerror(errno.ENOSPC)) in told, told
    assert messages.PUBLISH_FAILED in told and "Traceback" not in told and "OSError" not in told
    last = (web.with_name("www.builds") / "bygglogg.txt").read_text(encoding="utf-8").splitlines()[-1]
    assert f"{tip[:7]} misslyckades" in last and os.strerror(errno.ENOSPC) in last
    assert os.readlink(web) == published
    assert sorted(p.name for p in web.with_name("www.builds").iterdir()) == builds
