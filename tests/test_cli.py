"""`python -m hub new|status|schemas|check`, run in-process as `main(args, root) -> int`."""
import json
import re
import shutil
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from hub.cli import schemas as schema_module
from hub.cli import main
from hub.model.records import COLLECTIONS
from hub.load.yamlfile import read_yaml

REPO = Path(__file__).resolve().parent.parent
BASIC = REPO / "tests" / "fixtures" / "basic" / "data"


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(BASIC, tmp_path / "data")
    return tmp_path


def run(project: Path, capsys, *args: str) -> tuple[int, str]:
    code = main(list(args), root=str(project))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def fill(text: str, values: dict[str, str]) -> str:
    """Put a value after each required (uncommented) field the scaffold left empty."""
    for name, value in values.items():
        text, count = re.subn(rf"^{name}:(?: \[\])?(\s+#.*)?$", f"{name}: {value}", text, flags=re.M)
        assert count == 1, name
    return text


# -- new --

FILLED = {
    "events": {"title": "Spring webinar", "kind": "webinar", "start": "2022-03-01T10:00", "end": "2022-03-01T11:00",
               "timezone": "Europe/Stockholm", "summary": "A webinar.", "organisers": "[city-of-malmo]"},
    "cases": {"title": "Oslo laptops", "summary": "Fair laptops.", "buyers": "[city-of-oslo]", "country": "NO",
              "year": "2022", "topics": "[laptops]"},
    "statements": {"title": "A pact", "date": "2022-01-01", "summary": "Buyers commit."},
    "resources": {"title": "Guide", "kind": "guidance", "published": "2022-02", "summary": "How to buy."},
    "organisations": {"name": "City of Lund", "kind": "public-buyer"},
}


@pytest.mark.parametrize("collection", list(COLLECTIONS))
def test_new_record_fails_check_until_filled_then_validates(project, capsys, collection):
    singular = collection[:-1]
    code, out = run(project, capsys, "new", singular, "fresh-record")
    assert code == 0
    assert out.strip() == f"wrote data/{collection}/fresh-record.yml: fill in the required fields, then run `make check`"
    path = project / "data" / collection / "fresh-record.yml"
    code, out = run(project, capsys, "check")
    assert code == 1  # empty required fields cannot be published
    assert all(line.startswith(f"data/{collection}/fresh-record.yml:") for line in out.splitlines()[:-1])
    path.write_text(fill(path.read_text(encoding="utf-8"), FILLED[collection]), encoding="utf-8")
    if collection == "events":
        path.write_text(path.read_text().replace("# online: false", "online: true"))
    code, out = run(project, capsys, "check")
    assert code == 0, out


def test_new_record_lists_every_field_of_the_model_and_dates_added_today(project, capsys):
    run(project, capsys, "new", "events", "fresh-event")
    text = (project / "data/events/fresh-event.yml").read_text(encoding="utf-8")
    written = re.findall(r"^(?:# )?([a-z_]+):", text, flags=re.M)
    assert written == list(COLLECTIONS["events"].model_fields)
    assert f"added: {date.today().isoformat()}" in text
    assert re.search(r"^#   - name: +# required", text, flags=re.M)  # nested fields, commented, with notes
    assert re.search(r"^kind: +# required · one of webinar, workshop", text, flags=re.M)


def test_new_record_with_every_optional_field_uncommented_is_still_yaml(project, capsys):
    run(project, capsys, "new", "cases", "fresh-case")
    text = (project / "data/cases/fresh-case.yml").read_text(encoding="utf-8")
    uncommented = re.sub(r"^# (?=\s*(- )?[a-z_]+:)", "", text, flags=re.M)
    data = read_yaml("x.yml", uncommented.encode()).data
    assert set(data) == set(COLLECTIONS["cases"].model_fields)


@pytest.mark.parametrize("args,message", [
    (["new", "event", "spring-dialogue"], "error: data/events/spring-dialogue.yml already exists"),
    (["new", "event", "Spring_Webinar"], "error: 'Spring_Webinar' is not a valid id: use lower-case letters, "
                                         "digits and single hyphens, like spring-webinar"),
    (["new", "evnt", "x"], "error: unknown collection 'evnt'; did you mean 'event'?"),
])
def test_new_refuses_existing_bad_ids_and_unknown_collections(project, capsys, args, message):
    code, out = run(project, capsys, *args)
    assert code == 1
    assert out.startswith(message)


def test_new_refuses_a_former_id(project, capsys):
    path = project / "data/events/cancelled-meeting.yml"
    path.write_text(path.read_text() + "aliases: [old-meeting]\n")
    code, out = run(project, capsys, "new", "event", "old-meeting")
    assert code == 1
    assert "former id of data/events/cancelled-meeting.yml" in out


# -- status --

def test_status_counts_translations_per_language(project, capsys):
    code, out = run(project, capsys, "status")
    assert code == 0
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if re.match(r"^[a-z]{2} +\d", line)}
    assert list(rows) == ["sv", "nb", "da", "fi", "nl", "de"]
    records, texts = int(rows["sv"][2]), int(rows["sv"][5])
    assert rows["sv"][:2] == [rows["sv"][0], "of"] and int(rows["sv"][0]) < records
    assert int(rows["sv"][3]) < texts
    assert "  events/spring-dialogue: description" not in out  # translated by its .sv.md file
    assert "  events/autumn-webinar: title, summary" in out
    assert "  topics/laptops: name" in out
    assert "  topics/smartphones" not in out  # named in every language


def test_status_for_one_language(project, capsys):
    code, out = run(project, capsys, "status", "--lang", "fi", "--summary")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()[3:]] == ["fi"]


def test_status_reports_invalid_data(project, capsys):
    (project / "data/events/broken.yml").write_text("title: [\n")
    code, out = run(project, capsys, "status")
    assert code == 1
    assert out.startswith("data/events/broken.yml:")


# -- schemas --

def test_committed_schemas_are_generated_from_the_model():
    assert schema_module.outdated(str(REPO)) == [], "run `make schemas` and commit schemas/"


def test_every_schema_is_mapped_in_vscode_settings():
    settings = json.loads((REPO / ".vscode/settings.json").read_text())["yaml.schemas"]
    mapped = {Path(path).name for path in settings}
    assert mapped == set(schema_module.schemas())
    assert all((REPO / path).is_file() for path in settings)


def test_schemas_command_writes_and_checks(project, capsys):
    code, out = run(project, capsys, "schemas", "--check")
    assert code == 1 and "schemas/events.schema.json: out of date" in out
    code, out = run(project, capsys, "schemas")
    assert code == 0 and out.startswith("wrote schemas/organisations.schema.json")
    assert run(project, capsys, "schemas", "--check")[0] == 0


def _as_an_editor_reads(value):
    """Our text-only data as a YAML 1.2 editor sees it: numbers are numbers."""
    if isinstance(value, dict):
        return {k: _as_an_editor_reads(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_an_editor_reads(v) for v in value]
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value):
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"-?\d+\.\d+", value):
        return float(value)
    return value


def _schema_files():
    for data in (REPO / "data", BASIC):
        for collection in COLLECTIONS:
            for path in sorted((data / collection).glob("*.yml")):
                yield f"{collection}.schema.json", path
        for name in ("topics", "series", "site"):
            if (data / f"{name}.yml").exists():
                yield f"{name}.schema.json", data / f"{name}.yml"


@pytest.mark.parametrize("schema_name,path", list(_schema_files()), ids=lambda x: getattr(x, "name", x))
def test_valid_records_satisfy_their_schema(schema_name, path):
    schema = json.loads((REPO / "schemas" / schema_name).read_text())
    data = _as_an_editor_reads(read_yaml(str(path), path.read_bytes()).data)
    jsonschema.Draft202012Validator(schema).validate(data)


def test_schema_flags_what_the_checker_flags():
    schema = json.loads((REPO / "schemas/events.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    good = {"title": "T", "kind": "webinar", "start": "2021-06-14T16:00", "end": "2021-06-14T17:00",
            "timezone": "Europe/Oslo", "summary": "S", "organisers": ["city-of-malmo"], "added": "2021-06-01"}
    assert not list(validator.iter_errors(good))
    for broken in ({"tittle": "T"}, {"kind": "webniar"}, {"start": "14 June"},
                   {"registration": {"url": "javascript:alert(1)"}}, {"title": {"sv": "Bara svenska"}}):
        assert list(validator.iter_errors({**good, **broken})), broken


# -- check --

def test_check_lists_all_problems_then_the_count(project, capsys):
    (project / "data/events/a.yml").write_text("title: A\n")
    (project / "data/organisations/b.yml").write_text("name: B\nkind: bank\n")
    code, out = run(project, capsys, "check")
    lines = out.splitlines()
    assert code == 1
    assert lines[-1] == f"{len(lines) - 1} errors in 2 files"
    assert lines[:-1] == sorted(lines[:-1], key=lambda l: (l.split(":")[0], int(l.split(":")[1])))
    assert "data/organisations/b.yml:2: kind: expected one of 'public-buyer'" in out


# -- annotations under GitHub Actions --

def test_annotations_escape_as_github_asks():
    from hub.model.errors import annotation
    assert annotation("error", "data/events/a,b:c.yml", 7, "title", "50% off\r\nnext") == \
        "::error file=data/events/a%2Cb%3Ac.yml,line=7::title: 50%25 off%0D%0Anext"
    assert annotation("warning", "data/site.yml", 18, "", "plain") == "::warning file=data/site.yml,line=18::plain"


def test_check_prints_placeholder_warnings_and_annotations(project, capsys, monkeypatch):
    site = project / "data" / "site.yml"
    site.write_text(site.read_text().replace("contact: hub@example.org", "# placeholder: not known yet\ncontact: hub@example.org"))
    code, out = run(project, capsys, "check")
    assert code == 0
    assert "warning: data/site.yml:4: contact: a placeholder, left out of every page (not known yet)" in out
    assert "::warning" not in out
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out = run(project, capsys, "check")
    assert "::warning file=data/site.yml,line=4::contact: a placeholder, left out of every page until the real fact is filled in" in out
