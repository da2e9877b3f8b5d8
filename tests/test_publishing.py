"""Publishing by git push to a real bare repository, with hooks, served over HTTP from localhost."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, arkiv, copy_project
from tests.helpers import GIT_ENV, digest, fetch, git, serve_directory

NEW_MEETING = """\
organ: direktionen
datum: 2023-12-14
plats: Teknikringen 9, Linköping
paragrafer:
  - paragraf: 74
    rubrik: Budget 2024 för förbundet
    dnr: [ITSAM 2023/99]
    beslut: Direktionen beslutar att fastställa budget 2024.
"""


@pytest.fixture
def publishing(tmp_path: Path) -> Iterator[tuple[Path, Path, Path, str]]:
    """A bare repository with hooks, a clone with the project, and the web root served over HTTP."""
    bare, work, web = tmp_path / "protokoll.git", tmp_path / "arbete", tmp_path / "www"
    assert git("init", "--bare", "-b", "main", bare, cwd=tmp_path).returncode == 0
    result = arkiv("hooks", "install", bare, "--web-root", web, "--keep", "3")
    assert result.returncode == 0, result.stderr
    assert git("clone", bare, work, cwd=tmp_path).returncode == 0
    copy_project(work)
    git("checkout", "-b", "main", cwd=work)
    git("add", "-A", cwd=work)
    git("commit", "-m", "Protokoll 2023-10-26", cwd=work)
    pushed = git("push", "origin", "main", cwd=work)
    assert pushed.returncode == 0, pushed.stderr
    assert "Publicerat" in pushed.stderr
    with serve_directory(web) as url:
        yield bare, work, web, url


def test_push_publishes_a_new_meeting(publishing: tuple[Path, Path, Path, str]) -> None:
    _, work, web, url = publishing
    assert fetch(url + "direktionen/2023-10-26/")[0] == 200
    assert fetch(url + "direktionen/2023-12-14/")[0] == 404
    (work / "protocols" / "direktionen" / "2023-12-14.yaml").write_text(NEW_MEETING, encoding="utf-8")
    git("add", "-A", cwd=work)
    git("commit", "-m", "Protokoll 2023-12-14", cwd=work)
    pushed = git("push", "origin", "main", cwd=work)
    assert pushed.returncode == 0, pushed.stderr
    status, page = fetch(url + "direktionen/2023-12-14/")
    assert status == 200 and "Budget 2024 för förbundet" in page
    assert web.is_symlink()
    log = (web.with_name("www.builds") / "bygglogg.txt").read_text(encoding="utf-8")
    assert log.count("publicerad") == 2


def test_invalid_push_is_rejected_and_the_site_is_unchanged(publishing: tuple[Path, Path, Path, str]) -> None:
    _, work, web, url = publishing
    before, target = digest(web), os.readlink(web)
    bad = NEW_MEETING.replace("datum: 2023-12-14", "datum: 2023-12-14\nplats: två gånger")
    (work / "protocols" / "direktionen" / "2023-12-14.yaml").write_text(bad, encoding="utf-8")
    git("add", "-A", cwd=work)
    git("commit", "-m", "Felaktigt protokoll", cwd=work)
    pushed = git("push", "origin", "main", cwd=work)
    assert pushed.returncode != 0
    assert "direktionen/2023-12-14.yaml:4:1: error: fältet 'plats' står två gånger" in pushed.stderr
    assert "Pushen avvisades" in pushed.stderr
    assert os.readlink(web) == target and digest(web) == before
    assert fetch(url + "direktionen/2023-12-14/")[0] == 404


def test_killed_build_leaves_the_live_site_and_rollback_works(publishing: tuple[Path, Path, Path, str]) -> None:
    bare, work, web, url = publishing
    before, target = digest(web), os.readlink(web)
    (work / "protocols" / "direktionen" / "2023-12-14.yaml").write_text(NEW_MEETING, encoding="utf-8")
    git("add", "-A", cwd=work)
    git("commit", "-m", "Protokoll 2023-12-14", cwd=work)
    # Push the objects without the hooks' build and move the branch as git does before
    # post-receive, then run post-receive ourselves and kill it.
    new = git("rev-parse", "HEAD", cwd=work).stdout.strip()
    old = git("rev-parse", "main", cwd=bare).stdout.strip()
    assert git("push", "--no-verify", "origin", "HEAD:refs/heads/staging", cwd=work).returncode == 0
    assert git("update-ref", "refs/heads/main", new, old, cwd=bare).returncode == 0
    hook = subprocess.Popen(
        [str(bare / "hooks" / "post-receive")],
        cwd=bare,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**GIT_ENV, "GIT_DIR": str(bare)},
        start_new_session=True,
    )
    assert hook.stdin is not None
    hook.stdin.write(f"{old} {new} refs/heads/main\n".encode())
    hook.stdin.close()
    builds = web.with_name("www.builds")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(p.name.startswith(".site-ny-") for p in builds.rglob(".site-ny-*")):
        time.sleep(0.05)
    os.killpg(hook.pid, signal.SIGKILL)
    hook.wait()
    assert os.readlink(web) == target and digest(web) == before
    assert fetch(url + "direktionen/2023-10-26/")[0] == 200
    # A full push afterwards publishes, and rollback returns to the earlier build.
    git("fetch", "-q", "origin", cwd=work)
    git("commit", "-q", "--allow-empty", "-m", "Bygg igen", cwd=work)
    pushed = git("push", "origin", "HEAD:main", cwd=work)
    assert pushed.returncode == 0, pushed.stderr
    assert fetch(url + "direktionen/2023-12-14/")[0] == 200, pushed.stderr
    # What the killed build left is cleaned up, and the log says so.
    assert not any(builds.glob("*/källa")) and not any(builds.glob("*/.site-ny-*"))
    assert "avbrutet bygge" in (builds / "bygglogg.txt").read_text(encoding="utf-8")
    rolled = arkiv("rollback", "--web-root", web)
    assert rolled.returncode == 0, rolled.stderr
    assert os.readlink(web) == target
    assert fetch(url + "direktionen/2023-12-14/")[0] == 404


def test_hooks_refuse_a_web_root_that_is_a_real_folder(tmp_path: Path) -> None:
    git("init", "--bare", tmp_path / "r.git", cwd=tmp_path)
    (tmp_path / "www").mkdir()
    result = arkiv("hooks", "install", tmp_path / "r.git", "--web-root", tmp_path / "www")
    assert result.returncode == 1 and "ingen symbolisk länk" in result.stderr and "Traceback" not in result.stderr


def test_new_scaffold_has_the_roster_and_must_be_filled_in(tmp_path: Path) -> None:
    protocols = tmp_path / "protocols"
    shutil.copytree(ROOT / "protocols", protocols)
    result = arkiv("new", "--body", "direktionen", "--date", "2024-02-01", "--protocols", protocols)
    assert result.returncode == 0, result.stderr
    written = (protocols / "direktionen" / "2024-02-01.yaml").read_text(encoding="utf-8")
    for name in ("Jacob Käll", "Elisabet Hagström", "Christian Nordin Olsson", "Peter Wallentin"):
        assert f"namn: {name}" in written
    assert "paragrafer: 65-72" not in written
    validated = arkiv("validate", "--protocols", protocols)
    assert validated.returncode == 1 and "2024-02-01.yaml" in validated.stderr  # the empty title
    again = arkiv("new", "--body", "direktionen", "--date", "2024-02-01", "--protocols", protocols)
    assert again.returncode == 1 and "finns redan" in again.stderr
