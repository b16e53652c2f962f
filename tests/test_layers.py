"""The layout shows the pipeline: each stage's package imports only from the stages before it."""
from __future__ import annotations

import ast
from pathlib import Path

HUB = Path(__file__).resolve().parent.parent / "hub"

# model -> load -> index -> render -> emit, then the two shells: the command line and MkDocs.
STAGES = ["model", "load", "index", "render", "emit", "cli", "mkdocs"]
ALLOWED = {stage: set(STAGES[: i + 1]) for i, stage in enumerate(STAGES)}
ALLOWED["mkdocs"] = ALLOWED["emit"] | {"mkdocs"}  # the shell uses the core, never the command line
THIRD_PARTY_SHELL = ("mkdocs", "material", "mkdocs_static_i18n", "mkdocs_macros", "properdocs")


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name


def test_every_module_belongs_to_a_stage():
    loose = [p.name for p in HUB.glob("*.py") if p.name not in ("__init__.py", "__main__.py")]
    assert not loose, f"modules outside the stage packages: {loose}"
    assert sorted(p.name for p in HUB.iterdir() if p.is_dir() and (p / "__init__.py").exists()) == sorted(STAGES)


def test_each_stage_imports_only_from_earlier_stages():
    wrong = []
    for stage in STAGES:
        for path in sorted((HUB / stage).rglob("*.py")):
            for line, module in _imports(path):
                parts = module.split(".")
                if parts[0] == "hub" and len(parts) > 1 and parts[1] not in ALLOWED[stage]:
                    wrong.append(f"hub/{path.relative_to(HUB)}:{line}: {stage} imports {module}")
                if stage != "mkdocs" and parts[0] in THIRD_PARTY_SHELL:
                    wrong.append(f"hub/{path.relative_to(HUB)}:{line}: only hub/mkdocs/ may import {module}")
    assert not wrong, "\n".join(wrong)


def test_no_relative_imports_hide_the_stage():
    relative = [f"hub/{p.relative_to(HUB)}" for p in HUB.rglob("*.py")
                for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
                if isinstance(node, ast.ImportFrom) and node.level > 0]
    assert not relative, f"use absolute imports (hub.<stage>.<module>): {relative}"
