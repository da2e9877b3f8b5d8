"""What a pushed tree can never do: list a name twice or hide one with '..' or '.git', hide a
protocol with .gitattributes, or choke the server with files. Real git objects made with git's
own plumbing (mktree, hash-object), pushed to a real bare repository with the hooks installed."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from generator.publish import tree
from tests.conftest import ROOT, arkiv, copy_project
from tests.helpers import GIT_ENV, git
from tests.test_publishing_trust import push_all, server

SEED = "protocols/direktionen/2023-10-26.md"


def plumbing(work: Path, *args: str, stdin: bytes = b"") -> str:
    done = subprocess.run(["git", *args], cwd=work, input=stdin, capture_output=True, env=GIT_ENV, check=True)
    return done.stdout.decode().strip()


def raw_tree(work: Path, entries: list[tuple[str, str, str]]) -> str:
    """A tree object written byte for byte (mode, name, object), as a hostile client could send it,
    in git's order (a folder sorts as its name and '/')."""
    ordered = sorted(entries, key=lambda e: (e[1] + "/" if e[0] == "40000" else e[1]).encode())
    data = b"".join(f"{mode} {name}".encode() + b"\0" + bytes.fromhex(oid) for mode, name, oid in ordered)
    return plumbing(work, "hash-object", "-t", "tree", "-w", "--literally", "--stdin", stdin=data)


def commit_with_protocols(work: Path, protocols: str, message: str = "träd") -> str:
    """A commit on HEAD whose protocols/ is the tree ``protocols``."""
    top = plumbing(work, "ls-tree", "HEAD").splitlines()
    lines = [line for line in top if not line.endswith("\tprotocols")] + [f"040000 tree {protocols}\tprotocols"]
    root = plumbing(work, "mktree", stdin=("\n".join(lines) + "\n").encode())
    return plumbing(work, "commit-tree", "-p", "HEAD", "-m", message, root)


def protocols_with(work: Path, extra: tuple[str, str, str]) -> str:
    """HEAD's protocols/ tree with one more raw entry (mode, name, object)."""
    entries = []
    for line in plumbing(work, "ls-tree", "HEAD:protocols").splitlines():
        meta, name = line.split("\t")
        mode, _, oid = meta.split()
        entries.append((mode.lstrip("0"), name, oid))
    return raw_tree(work, [*entries, extra])


def test_git_checks_every_pushed_object_and_refuses_a_name_listed_twice(tmp_path: Path) -> None:
    bare, work, web = server(tmp_path)
    published = os.readlink(web)
    for key in ("receive.fsckObjects", "transfer.fsckObjects"):
        assert git("config", "--get", key, cwd=bare).stdout.strip() == "true", key
    direktionen = plumbing(work, "rev-parse", "HEAD:protocols/direktionen")
    twice = commit_with_protocols(work, protocols_with(work, ("40000", "direktionen", direktionen)))
    pushed = git("push", "origin", f"{twice}:refs/heads/main", cwd=work)
    assert pushed.returncode != 0 and "duplicateEntries" in pushed.stderr, pushed.stderr
    assert os.readlink(web) == published


@pytest.mark.parametrize("name", ["direktionen", "..", ".git", "."])
def test_pre_receive_refuses_a_bad_path_by_name_even_without_git_checks(tmp_path: Path, name: str) -> None:
    bare, work, web = server(tmp_path)
    published = os.readlink(web)
    for key in ("receive.fsckObjects", "transfer.fsckObjects"):  # as on a server set up by hand
        git("config", key, "false", cwd=bare)
    direktionen = plumbing(work, "rev-parse", "HEAD:protocols/direktionen")
    bad = commit_with_protocols(work, protocols_with(work, ("40000", name, direktionen)))
    pushed = git("push", "origin", f"{bad}:refs/heads/main", cwd=work)
    assert pushed.returncode != 0
    path = f"protocols/{name}/2023-10-26.md"
    assert f"{path}: sökvägen tas inte emot" in pushed.stderr, pushed.stderr
    assert pushed.stderr.count(f"{path}: sökvägen") == 1 and "Traceback" not in pushed.stderr
    assert os.readlink(web) == published


@pytest.mark.parametrize("where", ["protocols/.gitattributes", "protocols/direktionen/.gitattributes"])
def test_gitattributes_under_protocols_are_refused_by_name(tmp_path: Path, where: str) -> None:
    _, work, web = server(tmp_path)
    published = os.readlink(web)
    (work / where).write_text("* export-ignore\n", encoding="utf-8")
    pushed = push_all(work, "attribut")
    assert pushed.returncode != 0
    assert f"{where}: .gitattributes tas inte emot i protocols/" in pushed.stderr, pushed.stderr
    assert os.readlink(web) == published


def test_the_export_ignores_attributes_in_the_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Even were .gitattributes let through, the export writes every file as git stores it."""
    repo = tmp_path / "r"
    (repo / "protocols" / "direktionen").mkdir(parents=True)
    (repo / "protocols" / ".gitattributes").write_text("* export-ignore\n*.md export-subst\n", encoding="utf-8")
    (repo / "protocols" / "direktionen" / ".gitattributes").write_text("*.yaml export-ignore\n", encoding="utf-8")
    (repo / "protocols" / "organisation.yaml").write_text("namn: $Format:%H$\n", encoding="utf-8")
    (repo / "protocols" / "direktionen" / "2023-10-26.md").write_text("Text $Format:%an$\n", encoding="utf-8")
    (repo / "protocols" / "direktionen" / "2023-11-01.yaml").write_text("organ: direktionen\n", encoding="utf-8")
    git("init", "-q", "-b", "main", repo, cwd=tmp_path)
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "attribut", cwd=repo)
    monkeypatch.setenv("GIT_DIR", str(repo / ".git"))
    tree.export("HEAD", tmp_path / "ut")
    out = tmp_path / "ut"
    exported = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    written = {p.relative_to(repo).as_posix(): p.read_bytes() for p in repo.glob("protocols/**/*") if p.is_file()}
    assert exported == written and len(exported) == 5


def test_too_many_files_or_too_deep_are_refused_before_any_build(tmp_path: Path) -> None:
    """A blob referenced 100,000 times under protocols/ took minutes to export and build; the
    listing is counted and refused before anything is read."""
    _, work, web = server(tmp_path)
    published = os.readlink(web)
    blob = plumbing(work, "rev-parse", f"HEAD:{SEED}")
    builds = web.with_name("www.builds")
    before = sorted(p.name for p in builds.iterdir())
    for count, expected in (
        (tree.MAX_PROTOCOL_FILES, f"fler än de {tree.MAX_PROTOCOL_FILES} som servern tar emot"),
        (100_000, f"pushen har fler än {tree.MAX_FILES} filer"),
    ):
        listing = "".join(f"100644 blob {blob}\t{i:06d}.md\n" for i in range(count)).encode()
        many = plumbing(work, "mktree", stdin=listing)
        folder = protocols_with(work, ("40000", "manga", many))
        started = time.monotonic()
        pushed = git("push", "origin", f"{commit_with_protocols(work, folder)}:refs/heads/main", cwd=work)
        assert pushed.returncode != 0 and expected in pushed.stderr, pushed.stderr
        assert time.monotonic() - started < 60
    deep = work / "protocols" / "direktionen" / "a" / "b" / "c.md"
    deep.parent.mkdir(parents=True)
    deep.write_text("djup\n", encoding="utf-8")
    pushed = push_all(work, "djup")
    assert pushed.returncode != 0
    assert "protocols/direktionen/a/b/c.md: ligger mer än 3 nivåer under protocols/" in pushed.stderr
    assert os.readlink(web) == published and sorted(p.name for p in builds.iterdir()) == before


def test_a_clone_of_the_server_checks_out_the_published_branch(tmp_path: Path) -> None:
    bare, work, web = tmp_path / "protokoll.git", tmp_path / "arbete", tmp_path / "www"
    git("init", "-q", "--bare", "-b", "master", bare, cwd=tmp_path)
    installed = arkiv("hooks", "install", bare, "--web-root", web, "--branch", "main")
    assert installed.returncode == 0, installed.stderr
    git("clone", "-q", bare, work, cwd=tmp_path)
    copy_project(work)
    pushed = push_all(work, "Protokoll 2023-10-26")
    assert pushed.returncode == 0 and "Publicerat" in pushed.stderr, pushed.stderr
    clone = tmp_path / "kollega"
    cloned = git("clone", "-q", bare, clone, cwd=tmp_path)
    assert cloned.returncode == 0 and "warning" not in cloned.stderr, cloned.stderr
    assert git("rev-parse", "--abbrev-ref", "HEAD", cwd=clone).stdout.strip() == "main"
    assert (clone / SEED).is_file()


def test_a_push_of_the_project_as_staff_have_it_is_accepted_and_its_other_files_unused(tmp_path: Path) -> None:
    """Staff clone the whole project (generator/, docs/, mkdocs.yml … beside protocols/): files the
    server has too, unchanged, pass; a changed one is refused by name."""
    project, bare, web = tmp_path / "projekt", tmp_path / "protokoll.git", tmp_path / "www"
    assert git("clone", "-q", ROOT, project, cwd=tmp_path).returncode == 0
    git("init", "-q", "--bare", "-b", "main", bare, cwd=tmp_path)
    installed = arkiv("hooks", "install", bare, "--web-root", web, "--project", project)
    assert installed.returncode == 0, installed.stderr
    first = git("push", bare, "HEAD:main", cwd=project)
    assert first.returncode == 0 and "Publicerat" in first.stderr, first.stderr
    # As the staff guide says: clone, add the protocol, commit, push.
    work = tmp_path / "arbete"
    git("clone", "-q", bare, work, cwd=tmp_path)
    assert (work / "generator" / "cli.py").is_file() and (work / "mkdocs.yml").is_file()
    meeting = "organ: direktionen\ndatum: 2023-12-14\nparagrafer:\n  - {paragraf: 1, rubrik: Budget, beslut: Antas.}\n"
    (work / "protocols" / "direktionen" / "2023-12-14.yaml").write_text(meeting, encoding="utf-8")
    added = push_all(work, "Protokoll 2023-12-14")
    assert added.returncode == 0 and "Publicerat" in added.stderr, added.stderr
    assert (web / "direktionen" / "2023-12-14" / "index.html").is_file()
    for name in ("generator/cli.py", "mkdocs.yml"):
        with open(work / name, "a", encoding="utf-8") as changed:
            changed.write("# ändrad\n")
    refused = push_all(work, "ändrad kod")
    assert refused.returncode != 0 and "pushen ändrar filer utanför protocols/: generator/cli.py, mkdocs.yml" in (
        refused.stderr
    ), refused.stderr
    guide = (ROOT / "docs" / "publicera.md").read_text(encoding="utf-8")
    steps = guide.split("## Så pushar du")[1].split("\n## ")[0]
    assert all(command in steps for command in ("git clone", "git add", "git commit", "git push"))
