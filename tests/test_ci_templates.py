"""The hosted CI templates: the GitHub workflow passes actionlint; the GitLab pipeline is sane."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT


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
