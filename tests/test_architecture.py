"""The import rule: data flows one way, model <- readers <- index <- site <- build <- entry points.

Each folder (or module) of ``generator`` may import only the parts listed for it; imports inside
functions count too. ARCHITECTURE.md draws the same rule.
"""

from __future__ import annotations

import ast

from tests.conftest import ROOT

LEAVES = {"generator.messages", "generator.problems"}  # texts and located problems, used everywhere
BELOW_BUILD = {"generator.model", "generator.readers", "generator.index", "generator.site", *LEAVES}
ENTRY_POINT = {"generator.build", *BELOW_BUILD}
ALLOWED: dict[str, set[str]] = {
    "generator.model": {"generator.model"},
    "generator.messages": set(),
    "generator.problems": set(),
    "generator.readers": {"generator.readers", "generator.model", *LEAVES},
    "generator.index": {"generator.model"},
    "generator.site": {"generator.site", "generator.index", "generator.model", "generator.messages"},
    "generator.build": {"generator.build", *BELOW_BUILD},
    "generator.mkdocs_plugin": {"generator.mkdocs_plugin", *ENTRY_POINT},
    "generator.publish": {"generator.publish", *ENTRY_POINT},
    "generator.tools": {"generator.tools", *ENTRY_POINT},
    "generator.cli": {"generator.cli", "generator.publish", "generator.tools", *ENTRY_POINT},
    "generator.__main__": {"generator.cli"},
    "generator": set(),
}


def part_of(module: str) -> str:
    """The part of the architecture ``module`` belongs to: the longest listed prefix."""
    candidates = [name for name in ALLOWED if module == name or module.startswith(name + ".")]
    return max(candidates, key=len)


def imports(source: str, module: str) -> list[tuple[int, str]]:
    """(line, imported generator module) for every import in ``source``, top level or not."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            base = node.module
            if node.level:  # relative import
                base = ".".join([*module.split(".")[: -node.level], node.module])
            # "from generator import messages" imports the module generator.messages.
            found += [(node.lineno, f"{base}.{alias.name}" if base == "generator" else base) for alias in node.names]
    return [(line, name) for line, name in found if name == "generator" or name.startswith("generator.")]


def violations(source: str, module: str) -> list[str]:
    own = part_of(module)
    return [
        f"{module}:{line}: {own} may not import {name}"
        for line, name in imports(source, module)
        if part_of(name) not in ALLOWED[own]
    ]


def package_modules() -> dict[str, str]:
    package = ROOT / "generator"
    modules = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path.read_text(encoding="utf-8")
    return modules


def test_every_module_belongs_to_a_part() -> None:
    for module in package_modules():
        assert part_of(module) != "generator" or module == "generator", f"{module} is in no part of the architecture"


def test_imports_follow_the_flow() -> None:
    found = [problem for module, source in package_modules().items() for problem in violations(source, module)]
    assert found == []


def test_the_rule_catches_an_import_against_the_flow() -> None:
    # The rule itself must be able to fail: a reader reaching into the site, a model using a reader,
    # the site using a reader (also inside a function), publishing calling the CLI.
    assert violations("from generator.site import labels\n", "generator.readers.markdown")
    assert violations("from generator.readers.sources import read_sources\n", "generator.model.protocol")
    assert violations("def f():\n    from generator.readers import markdown\n", "generator.site.pages")
    assert violations("from generator.cli import main\n", "generator.publish.hooks")
    assert violations("from generator import labels\n", "generator.index") == [
        "generator.index:1: generator.index may not import generator.labels"
    ]
    assert violations("from generator.model import Meeting\n", "generator.site.pages") == []


def test_architecture_page_names_every_part() -> None:
    page = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    for part in ALLOWED:
        if part != "generator":
            assert part.replace("generator.", "generator/").replace(".", "/") in page, part


def test_no_reader_imports_the_registry_that_imports_the_readers() -> None:
    """The registry imports every reader; a reader that imported the registry back (for
    ``SourceText``) made a circle. The type lives in ``readers.source_text``."""
    readers = ROOT / "generator" / "readers"
    found = [
        f"{path.name}:{line}"
        for path in sorted(readers.glob("*.py"))
        if path.name not in ("registry.py", "sources.py")
        for line, name in imports(path.read_text(encoding="utf-8"), f"generator.readers.{path.stem}")
        if name == "generator.readers.registry"
    ]
    assert found == []
