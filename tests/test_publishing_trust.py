"""What a push can never do on the publishing server: run code, read server files, remove history,
or publish a site the web server cannot read. A real bare repository with the hooks installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, arkiv, copy_project
from tests.helpers import git

MARKER = Path(tempfile.gettempdir()) / "arkiv-push-ran-code"
SECRET = "hemligt-serverinnehall-4711"


def push_all(work: Path, message: str, today: str | None = None) -> subprocess.CompletedProcess[str]:
    git("add", "-A", cwd=work)
    git("commit", "-q", "-m", message, cwd=work)
    return git("push", "origin", "HEAD:main", cwd=work, today=today)


def server(root: Path, *install_options: str, today: str | None = None) -> tuple[Path, Path, Path]:
    """A bare repository with the hooks, a published first push, and a clone to push from."""
    bare, work, web = root / "protokoll.git", root / "arbete", root / "www"
    assert git("init", "--bare", "-b", "main", bare, cwd=root).returncode == 0
    installed = arkiv("hooks", "install", bare, "--web-root", web, *install_options)
    assert installed.returncode == 0, installed.stderr
    assert git("clone", "-q", bare, work, cwd=root).returncode == 0
    copy_project(work)
    git("checkout", "-q", "-b", "main", cwd=work)
    pushed = push_all(work, "Protokoll 2023-10-26", today)
    assert pushed.returncode == 0 and "Publicerat" in pushed.stderr, pushed.stderr
    return bare, work, web


@pytest.fixture
def secret_dir() -> Iterator[Path]:
    """A server folder a push must never publish."""
    folder = Path(tempfile.mkdtemp(prefix="arkiv-server-"))
    (folder / "index.md").write_text(f"# {SECRET}\n", encoding="utf-8")
    MARKER.unlink(missing_ok=True)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)
    MARKER.unlink(missing_ok=True)


def attacks(secret: Path) -> dict[str, dict[str, str]]:
    """The four ways a pushed configuration or theme ran code or read the server: files to write."""
    base = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return {
        "mkdocs-hook": {
            "mkdocs.yml": base + "hooks:\n  - x.py\n",
            "x.py": f"import pathlib\npathlib.Path({str(MARKER)!r}).write_text('x')\n",
        },
        "yaml-tag": {"mkdocs.yml": base + f"extra:\n  x: !!python/object/apply:os.system ['touch {MARKER}']\n"},
        "docs-dir": {"mkdocs.yml": base.replace("docs_dir: docs", f"docs_dir: {secret}")},
        "theme-template": {
            "site_overrides/main.html": (
                "{% extends 'base.html' %}{% block content %}"
                f"{{{{ cycler.__init__.__globals__.os.popen('touch {MARKER}').read() }}}}"
                "{% endblock %}\n"
            )
        },
    }


@pytest.mark.parametrize("attack", ["mkdocs-hook", "yaml-tag", "docs-dir", "theme-template"])
def test_a_push_that_changes_the_configuration_is_rejected(tmp_path: Path, secret_dir: Path, attack: str) -> None:
    _, work, web = server(tmp_path)
    published = os.readlink(web)
    files = attacks(secret_dir)[attack]
    for name, content in files.items():
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text(content, encoding="utf-8")
    pushed = push_all(work, attack)
    assert pushed.returncode != 0
    assert "pushen ändrar filer utanför protocols/" in pushed.stderr
    assert all(name in pushed.stderr for name in files), pushed.stderr
    assert not MARKER.exists()
    assert os.readlink(web) == published


@pytest.mark.parametrize("attack", ["mkdocs-hook", "yaml-tag", "docs-dir", "theme-template"])
def test_even_allowed_files_never_run_on_the_server(tmp_path: Path, secret_dir: Path, attack: str) -> None:
    """An administrator may let pushes carry other files; the server still builds with its own."""
    allowed = ("--allow", "mkdocs.yml", "--allow", "x.py", "--allow", "site_overrides")
    _, work, web = server(tmp_path, *allowed)
    for name, content in attacks(secret_dir)[attack].items():
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text(content, encoding="utf-8")
    pushed = push_all(work, attack)
    assert pushed.returncode == 0 and "Publicerat" in pushed.stderr, pushed.stderr
    assert not MARKER.exists()
    site = web.resolve()
    assert not any(SECRET in p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*.html"))
    assert (site / "direktionen" / "2023-10-26" / "index.html").is_file()


def test_a_symlink_and_a_branch_deletion_are_refused(tmp_path: Path) -> None:
    bare, work, _ = server(tmp_path)
    (work / "protocols" / "direktionen" / "lank.md").symlink_to("/etc/passwd")
    pushed = push_all(work, "länk")
    assert pushed.returncode != 0 and "protocols/direktionen/lank.md: symboliska länkar" in pushed.stderr
    assert "Traceback" not in pushed.stderr
    deleted = git("push", "origin", "--delete", "main", cwd=work)
    assert deleted.returncode != 0
    assert git("rev-parse", "--verify", "main", cwd=bare).returncode == 0
    for key in ("receive.denyNonFastForwards", "receive.denyDeletes", "core.logAllRefUpdates"):
        assert git("config", "--get", key, cwd=bare).stdout.strip() == "true", key


def test_the_published_site_is_readable_by_another_user() -> None:
    """The web server runs as another user (www-data, nobody): every folder and file must be readable."""
    if shutil.which("runuser") is None or os.geteuid() != 0:
        pytest.skip("needs root and runuser to read as another user")
    root = Path(tempfile.mkdtemp(prefix="arkiv-webb-"))
    try:
        root.chmod(0o755)  # as a web server's parent folder would be
        _, _, web = server(root)
        page = web / "direktionen" / "2023-10-26" / "index.html"
        read = subprocess.run(["runuser", "-u", "nobody", "--", "cat", str(page)], capture_output=True, text=True)
        assert read.returncode == 0, read.stderr
        assert "Förankring av Itsams förändringsuppdrag" in read.stdout
        listed = subprocess.run(
            ["runuser", "-u", "nobody", "--", "find", str(web) + "/", "-type", "f", "!", "-readable"],
            capture_output=True,
            text=True,
        )
        assert listed.returncode == 0 and listed.stdout == "", listed.stdout + listed.stderr
    finally:
        shutil.rmtree(root, ignore_errors=True)


def notices_up(web: Path) -> str:
    html = (web / "anslagstavla" / "index.html").read_text(encoding="utf-8")
    return html.split('id="uppe"')[1].split('id="overklaga"')[0]


def test_the_daily_rebuild_takes_a_notice_down(tmp_path: Path) -> None:
    bare, _, web = server(tmp_path, today="2023-11-10")
    assert "Direktionen 2023-10-26" in notices_up(web)  # up from 2023-11-06 to 2023-11-28
    cron = (web.with_name("www.builds") / "daglig-ombyggnad.cron").read_text(encoding="utf-8")
    assert cron.startswith("5 0 * * * ") and " hooks rebuild " in cron and str(bare) in cron
    rebuilt = arkiv("hooks", "rebuild", bare, "--web-root", web, today="2023-12-05")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "Direktionen 2023-10-26" not in notices_up(web)
    log = (web.with_name("www.builds") / "bygglogg.txt").read_text(encoding="utf-8")
    assert "ombyggd för dagens datum" in log


def test_a_build_past_its_time_limit_publishes_nothing(tmp_path: Path) -> None:
    bare, work, web = server(tmp_path)
    # Building even one meeting takes longer than this (the check of a push has its own limit).
    installed = arkiv("hooks", "install", bare, "--web-root", web, "--time-limit", "0.2")
    assert installed.returncode == 0, installed.stderr
    published = os.readlink(web)
    meeting = "organ: direktionen\ndatum: 2023-12-14\nparagrafer:\n  - {paragraf: 1, rubrik: Budget, beslut: Antas.}\n"
    (work / "protocols" / "direktionen" / "2023-12-14.yaml").write_text(meeting, encoding="utf-8")
    pushed = push_all(work, "ett sammanträde till")
    assert "tog längre än 0.2 sekunder och avbröts" in pushed.stderr, pushed.stderr
    assert os.readlink(web) == published and "Traceback" not in pushed.stderr


SEED_PATH = Path("protocols") / "direktionen" / "2023-10-26.md"


def test_a_published_protocol_is_never_silently_removed_or_changed(tmp_path: Path) -> None:
    bare, work, web = server(tmp_path)
    seed = work / SEED_PATH
    text = seed.read_text(encoding="utf-8")
    seed.unlink()
    deleted = push_all(work, "bort")
    assert deleted.returncode != 0
    assert "protocols/direktionen/2023-10-26.md är publicerat och kan inte tas bort" in deleted.stderr
    git("reset", "-q", "--hard", "origin/main", cwd=work)
    seed.write_text(text.replace("notera informationen till protokollet", "notera informationen"), "utf-8")
    changed = push_all(work, "tyst ändring")
    assert changed.returncode != 0 and "en ändring kräver en ny rättelse" in changed.stderr
    assert (web / "direktionen" / "2023-10-26" / "index.html").is_file()
    # With a correction the change is published, the page says so, and the log keeps the versions.
    correction = "<!-- arkiv: rättelse: 2023-11-20: Felskrivning i § 65 rättad -->"
    seed.write_text(seed.read_text(encoding="utf-8") + f"\n{correction}\n", encoding="utf-8")
    corrected = push_all(work, "rättelse")
    assert corrected.returncode == 0, corrected.stderr
    page = (web / "direktionen" / "2023-10-26" / "index.html").read_text(encoding="utf-8")
    assert "Rättat 2023-11-20: Felskrivning i § 65 rättad" in page and "arkiv: rättelse" not in page
    log = (web.with_name("www.builds") / "bygglogg.txt").read_text(encoding="utf-8")
    assert "rättelse av protocols/direktionen/2023-10-26.md" in log
    # History cannot be rewritten to make the published protocol disappear either.
    assert git("reset", "-q", "--hard", "HEAD~2", cwd=work).returncode == 0  # before the correction
    forced = git("push", "--force", "origin", "HEAD:main", cwd=work)
    assert forced.returncode != 0
    assert git("rev-parse", "main", cwd=bare).stdout == git("rev-parse", "origin/main", cwd=work).stdout


def test_a_stray_file_that_went_live_can_be_removed(tmp_path: Path) -> None:
    """A file the site does not publish (a Finder's .DS_Store, a note beside the protocols) is no
    published protocol: it may be removed, or changed, after it went live with one."""
    _, work, web = server(tmp_path)
    for stray in ("protocols/direktionen/.DS_Store", "protocols/direktionen/anteckning.txt"):
        (work / stray).write_bytes(b"Bud1\x00\x00")
    assert push_all(work, "med skräp").returncode == 0
    (work / "protocols/direktionen/anteckning.txt").write_text("ändrad", encoding="utf-8")
    assert push_all(work, "ändrat skräp").returncode == 0
    for stray in ("protocols/direktionen/.DS_Store", "protocols/direktionen/anteckning.txt"):
        (work / stray).unlink()
    removed = push_all(work, "utan skräp")
    assert removed.returncode == 0, removed.stderr
    assert (web / "direktionen" / "2023-10-26" / "index.html").is_file()
    # A protocol still may not go.
    (work / SEED_PATH).unlink()
    assert "är publicerat och kan inte tas bort" in push_all(work, "bort").stderr


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    _, work, web = server(tmp_path)
    published = os.readlink(web)
    with open(work / "protocols" / "direktionen" / "stor.pdf", "wb") as huge:
        huge.truncate(51_000_000)  # zeros, as in the probe that made pre-receive hold 3 GB
    pushed = push_all(work, "stor fil")
    assert pushed.returncode != 0
    assert "protocols/direktionen/stor.pdf: filen är större än 50 MB" in pushed.stderr
    assert os.readlink(web) == published
