"""The hosted CI templates: the GitHub workflow passes actionlint; the GitLab pipeline is sane."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from generator.site import urls
from tests.conftest import ROOT, arkiv, copy_project
from tests.helpers import git, serve_directory

MEETING = "organ: direktionen\ndatum: 2023-12-14\nparagrafer:\n  - {paragraf: 1, rubrik: Budget, beslut: Antas.}\n"


def test_github_workflow_passes_actionlint() -> None:
    actionlint = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert actionlint, "actionlint is installed with the test dependencies"
    workflow = ROOT / ".github" / "workflows" / "publicera.yml"
    result = subprocess.run([actionlint, "-no-color", str(workflow)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_would_catch_a_broken_workflow(tmp_path: Path) -> None:
    actionlint = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert actionlint
    broken = (
        (ROOT / ".github" / "workflows" / "publicera.yml").read_text().replace("runs-on: ubuntu-latest", "runs-on: [")
    )
    target = tmp_path / ".github" / "workflows" / "w.yml"
    target.parent.mkdir(parents=True)
    target.write_text(broken)
    assert subprocess.run([actionlint, str(target)], capture_output=True, timeout=120).returncode != 0


def test_workflow_builds_daily_and_publishes_the_built_site() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publicera.yml").read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as true
    assert "schedule" in triggers and "push" in triggers
    steps = [s.get("run", "") + str(s.get("uses", "")) for s in workflow["jobs"]["bygg"]["steps"]]
    assert any("make validate" in s for s in steps) and any("make site" in s for s in steps)
    assert any("upload-pages-artifact" in s for s in steps)


def test_gitlab_pages_pipeline() -> None:
    pipeline = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text())
    pages = pipeline["pages"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert any("make site" in line for line in pages["script"])
    assert any("schedule" in rule["if"] for rule in pages["rules"])
    assert "make validate" in pipeline["kontrollera"]["script"]


def test_make_targets_the_templates_use_exist() -> None:
    makefile = (ROOT / "Makefile").read_text()
    for target in ("site:", "validate:", "SITE_URL"):
        assert target in makefile


def test_templates_check_against_the_published_version_before_building() -> None:
    """Like the server's hooks, the hosted templates refuse to publish a tree that removes a
    published protocol or changes one without a rättelse; published is what the live site shows."""
    version = f"site/{urls.PUBLISHED_VERSION}"
    steps = yaml.safe_load((ROOT / ".github" / "workflows" / "publicera.yml").read_text())["jobs"]["bygg"]["steps"]
    runs = [str(step.get("run", "")) for step in steps]
    check = next(i for i, run in enumerate(runs) if "make check-published" in run)
    site = next(i for i, run in enumerate(runs) if "make site" in run)
    assert check < site and "base_url" in runs[check] and version in runs[site]
    checkout = next(step for step in steps if str(step.get("uses", "")).startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # the published commit must be in the clone
    pipeline = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text())
    assert pipeline["variables"]["GIT_DEPTH"] == 0
    assert any("make check-published" in line and "CI_PAGES_URL" in line for line in pipeline["kontrollera"]["script"])
    assert any(version in line for line in pipeline["pages"]["script"])
    assert "arkiv check-published --site-url" in (ROOT / "Makefile").read_text()


def test_check_published_refuses_what_the_server_refuses(tmp_path: Path) -> None:
    """The command the templates run, in a real git checkout, against a live site over HTTP."""
    repo, site = copy_project(tmp_path / "repo", ("protocols",)), tmp_path / "site"
    (site / "data").mkdir(parents=True)
    seed = repo / "protocols" / "direktionen" / "2023-10-26.md"
    new = repo / "protocols" / "direktionen" / "2023-12-14.yaml"

    def commit(message: str) -> str:
        git("add", "-A", cwd=repo)
        git("commit", "-q", "-m", message, cwd=repo)
        return git("rev-parse", "HEAD", cwd=repo).stdout.strip()

    git("init", "-q", "-b", "main", repo, cwd=tmp_path)
    published = commit("publicerad")
    with serve_directory(site) as url:
        new.write_text(MEETING, encoding="utf-8")
        commit("nytt")
        first = arkiv("check-published", "--site-url", url, cwd=repo)
        assert first.returncode == 0, first.stderr  # nothing published yet: the site has no version
        (site / urls.PUBLISHED_VERSION).write_text(published + "\n", encoding="utf-8")
        new.write_text(MEETING.replace("Antas.", "Antas i sin helhet."), encoding="utf-8")
        commit("ändrat före publicering")
        unpublished = arkiv("check-published", "--site-url", url, cwd=repo)
        assert unpublished.returncode == 0, unpublished.stderr  # never live: changed freely
        seed.write_text(seed.read_text(encoding="utf-8").replace("notera informationen", "notera"), "utf-8")
        commit("tyst ändring")
        changed = arkiv("check-published", "--site-url", url, cwd=repo)
        assert changed.returncode == 1 and "2023-10-26.md är publicerat; en ändring kräver" in changed.stderr
        seed.unlink()
        commit("bort")
        deleted = arkiv("check-published", "--site-url", url, cwd=repo)
        assert deleted.returncode == 1, deleted.stderr
        assert "protocols/direktionen/2023-10-26.md är publicerat och kan inte tas bort" in deleted.stderr
        assert "Traceback" not in deleted.stderr + changed.stderr
