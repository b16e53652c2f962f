"""`python -m hub intake`: issue-form bodies as GitHub writes them become records `check` accepts, or plain problems.

The sample bodies in tests/fixtures/intake/<form>.md are what GitHub writes for each form in
.github/ISSUE_TEMPLATE/ (`### Label`, a blank line, the value; `_No response_` when empty).
"""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
import yaml

from hub.cli import main
from hub.cli.intake import intake
from hub.load.issue_form import parse_body, read_forms, which_form

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
SAMPLES = FIXTURES / "intake"
FORMS = sorted(p.stem for p in SAMPLES.glob("*.md"))


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(FIXTURES / "basic" / "data", tmp_path / "data")
    shutil.copytree(REPO / ".github" / "ISSUE_TEMPLATE", tmp_path / ".github" / "ISSUE_TEMPLATE")
    monkeypatch.setenv("HUB_NOW", "2021-06-01T00:00")
    return tmp_path


def sample(form: str) -> str:
    return (SAMPLES / f"{form}.md").read_text(encoding="utf-8")


def replace(body: str, label: str, value: str) -> str:
    """The body with one field's value replaced, as if the contributor had written `value`."""
    head = f"### {label}\n\n"
    start = body.index(head) + len(head)
    end = body.find("\n\n### ", start)
    return body[:start] + value + (body[end:] if end >= 0 else "\n")


def data_files(project: Path) -> dict[str, bytes]:
    return {str(p.relative_to(project)): p.read_bytes() for p in sorted((project / "data").rglob("*"))
            if p.is_file()}


def run(project: Path, capsys, body: str, *args: str) -> tuple[int, list[str]]:
    path = project / "issue.md"
    path.write_text(body, encoding="utf-8")
    code = main(["intake", str(path), *args], root=str(project))
    return code, capsys.readouterr().out.splitlines()


def check_passes(project: Path, capsys) -> None:
    assert main(["check"], root=str(project)) == 0, capsys.readouterr().out
    capsys.readouterr()


# -- the forms and their samples --

def test_every_form_but_the_configuration_has_a_sample_body():
    forms = {p.stem for p in (REPO / ".github" / "ISSUE_TEMPLATE").glob("*.yml")} - {"config"}
    assert forms == set(FORMS)


@pytest.mark.parametrize("form", FORMS)
def test_a_sample_body_is_recognised_as_its_form(form):
    forms = read_forms(str(REPO))
    assert which_form(sample(form), forms).name == form


@pytest.mark.parametrize("form", FORMS)
def test_the_sample_has_a_section_for_every_field_of_the_form(form):
    """The samples are what GitHub writes: every field, in the form's order (no response included)."""
    fields = read_forms(str(REPO))[form].fields
    headings = [line[4:] for line in sample(form).splitlines() if line.startswith("### ")]
    assert headings == [f.label for f in fields]


def test_a_heading_written_inside_a_field_does_not_make_a_field():
    form = read_forms(str(REPO))["sign-statement"]
    body = replace(sample("sign-statement"), "Date of signing", "### Statement\n\nother-statement")
    assert parse_body(body, form).text("statement") == "phone-statement"


# -- valid submissions --

@pytest.mark.parametrize("form, collection", [("propose-event", "events"), ("propose-case", "cases"),
                                              ("propose-resource", "resources")])
def test_a_proposal_becomes_a_record_that_check_accepts(project, capsys, form, collection):
    code, out = run(project, capsys, sample(form), "--issue", "7")
    assert code == 0, out
    (path,) = out
    assert path.startswith(f"data/{collection}/") and path.endswith(".yml")
    text = (project / path).read_text(encoding="utf-8")
    assert text.startswith("# Proposed in issue #7")
    record = yaml.safe_load(text)
    assert str(record["added"]) == "2021-06-01"
    check_passes(project, capsys)


def test_the_event_record_holds_what_the_form_said(project, capsys):
    code, out = run(project, capsys, sample("propose-event"))
    assert out == ["data/events/nordic-webinar-on-fair-laptops.yml"]
    record = yaml.safe_load((project / out[0]).read_text(encoding="utf-8"))
    assert record["organisers"] == ["city-of-malmo", "city-of-oslo"]  # the name found as an id
    assert record["topics"] == ["laptops", "fair-labour"] and record["series"] == "test-series"
    assert record["online"] is True and "location" not in record
    assert record["registration"] == {"url": "https://www.example.net/register", "deadline": __import__("datetime").date(2021, 9, 10)}
    assert record["agenda"][1] == {"start": "10:15", "end": "11:30", "title": "Clauses in practice"}
    assert record["speakers"][0] == {"name": "Anna Andersson", "role": "Buyer", "organisation": "city-of-malmo"}
    assert record["contact"] == {"name": "Anna Andersson", "role": "Buyer", "email": "procurement@example.net",
                                 "organisation": "city-of-malmo"}


def test_signing_adds_the_signatory_and_the_new_organisation_keeping_comments(project, capsys):
    statement = project / "data" / "statements" / "phone-statement.yml"
    statement.write_text("# Kept: a contributor's note.\n" + statement.read_text(encoding="utf-8"), encoding="utf-8")
    before = statement.read_text(encoding="utf-8")
    code, out = run(project, capsys, sample("sign-statement"))
    assert code == 0, out
    assert out == ["data/organisations/city-of-aarhus.yml", "data/statements/phone-statement.yml"]
    after = statement.read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n").rsplit("\nopen:", 1)[0].split("signatories:")[0])
    assert "# Kept: a contributor's note." in after
    assert "  - {organisation: city-of-aarhus, role: procuring, signed: 2021-06-10}" in after  # as the others are written
    organisation = yaml.safe_load((project / out[0]).read_text(encoding="utf-8"))
    assert organisation == {"name": "City of Aarhus", "kind": "public-buyer", "country": "DK",
                            "website": "https://www.aarhus.dk/"}
    check_passes(project, capsys)


def test_signing_for_a_known_organisation_by_name_today(project, capsys):
    body = replace(replace(sample("sign-statement"), "Organisation", "Test Network"), "New organisation", "_No response_")
    for label in ("Kind of new organisation", "Country of new organisation", "Website of new organisation",
                  "Date of signing"):
        body = replace(body, label, "_No response_")
    body = replace(body, "Role", "supporting: we support the statement")
    code, out = run(project, capsys, body)
    assert code == 0, out
    statement = yaml.safe_load((project / "data" / "statements" / "phone-statement.yml").read_text())
    # test-network was listed as a supporter without a date: now it has signed.
    assert [s for s in statement["signatories"] if s["organisation"] == "test-network"] == [
        {"organisation": "test-network", "role": "supporting", "signed": __import__("datetime").date(2021, 6, 1)}]


def test_intake_reads_standard_input(project, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(sample("propose-resource").encode("utf-8"))))
    assert main(["intake"], root=str(project)) == 0
    assert capsys.readouterr().out == "data/resources/criteria-for-fair-laptops.yml\n"


# -- hostile or mistaken submissions: rejected, each problem by the form's label, nothing written --

HOSTILE = [
    ("propose-event", "Title", "<script>alert(1)</script> Webinar",
     "Title: HTML or script is not accepted here: write plain text (links as https:// addresses) "
     "(for example: Launch of the Circular and Fair ICT Pact)"),
    ("propose-event", "Description", 'Text <img src=x onerror="alert(1)">',
     "Description: HTML or script is not accepted here: write plain text (links as https:// addresses)"),
    ("propose-case", "Title", "Fair phones\x07 \u202egnihsihp",
     "Title: holds an invisible character (U+0007), often pasted from another program: type the text again "
     "(for example: Fair and circular smartphones for the City of Malmö)"),
    ("propose-event", "Start", "14 June",
     "Start: expected a datetime like 2021-06-14T16:00, got '14 June' (for example: 2021-06-14T16:00)"),
    ("propose-event", "Registration deadline", "10/09/2021",
     "Registration deadline: expected a date like 2021-06-14, got '10/09/2021' (for example: 2021-06-10)"),
    ("propose-event", "Organisers", "city-of-malmo, Acme Events Ltd",
     "Organisers: the hub lists no organisation 'Acme Events Ltd': give its id from data/organisations/ (like "
     "city-of-malmo) or its name as the hub writes it, or describe it under 'New organisation' "
     "(for example: iclei-europe, electronics-watch)"),
    ("propose-event", "Registration link", "javascript:alert(1)",
     "Registration link: expected a web address starting with https:// (or http://, mailto:), got "
     "'javascript:alert(1)' (for example: https://example.org/register)"),
    ("propose-case", "Year", "last year", "Year: expected a whole number like 12, got 'last year' (for example: 2021)"),
    ("propose-resource", "Published", "June 2021",
     "Published: expected a date like 2021-06-14, 2021-06 or 2021, got 'June 2021' (for example: 2021-06)"),
    ("sign-statement", "Statement", "no-such-statement",
     "Statement: the hub has no statement 'no-such-statement' (its statements: phone-statement) "
     "(for example: joint-statement-fair-circular-smartphones)"),
    ("sign-statement", "Date of signing", "yesterday",
     "Date of signing: expected a date like 2021-06-14, got 'yesterday' (for example: 2021-06-14)"),
    ("sign-statement", "Publishing", "- [ ] I may sign for this organisation",
     "Publishing: the box is not ticked: the hub publishes only what may be published"),
]


@pytest.mark.parametrize("form, label, value, expected", HOSTILE, ids=[f"{h[0]}:{h[1]}" for h in HOSTILE])
def test_a_bad_field_is_rejected_by_its_label(project, capsys, form, label, value, expected):
    before = data_files(project)
    code, out = run(project, capsys, replace(sample(form), label, value))
    assert code == 1
    assert expected in out, out
    assert data_files(project) == before  # nothing written, or all of it put back


def test_an_unknown_organisation_without_its_description_is_rejected(project, capsys):
    body = replace(sample("sign-statement"), "New organisation", "_No response_")
    code, out = run(project, capsys, body)
    assert code == 1
    assert any(line.startswith("Organisation: the hub lists no organisation 'City of Aarhus'") for line in out)
    assert "New organisation: needed when 'Kind of new organisation' is given (for example: City of Aarhus)" in out


def test_a_one_megabyte_body_names_the_field_that_is_too_long(project, capsys):
    before = data_files(project)
    code, out = run(project, capsys, replace(sample("propose-event"), "Description", "word " * 200_000))
    assert code == 1
    assert out == ["Description: too long (999,999 characters; at most 20,000)"]
    assert data_files(project) == before


def test_a_body_of_no_form_is_refused(project, capsys):
    code, out = run(project, capsys, "Please add our event, it is on Tuesday.")
    assert code == 1
    assert out[0].startswith("This issue was not written with one of the hub's forms (")


def test_a_new_organisation_with_a_bad_country_is_explained_by_its_label(project, capsys):
    code, out = run(project, capsys, replace(sample("sign-statement"), "Country of new organisation", "Denmark"))
    assert code == 1
    assert out == ["Country of new organisation: expected a two-letter country code (ISO 3166-1) like SE, NO or NL, "
                   "got 'Denmark' (for example: DK)"]
    assert not (project / "data" / "organisations" / "city-of-aarhus.yml").exists()


def test_a_closed_statement_takes_no_signature(project, capsys):
    statement = project / "data" / "statements" / "phone-statement.yml"
    statement.write_text(statement.read_text().replace("open: true", "open: false"))
    code, out = run(project, capsys, sample("sign-statement"))
    assert code == 1 and out[0].startswith("Statement: this statement is closed for new signatories")


def test_the_same_proposal_twice_gets_a_second_id(project, capsys):
    assert run(project, capsys, sample("propose-case"))[1] == ["data/cases/oslo-buys-refurbished-laptops.yml"]
    assert run(project, capsys, sample("propose-case"))[1] == ["data/cases/oslo-buys-refurbished-laptops-2.yml"]


def test_in_process_api_returns_the_outcome(project):
    outcome = intake(str(project), replace(sample("propose-event"), "End", "2021-09-14T09:00"))
    assert not outcome.ok
    assert outcome.problems == ["End: the event must end after it starts (2021-09-14T10:00), got 2021-09-14T09:00 "
                                "(for example: 2021-06-14T17:00)"]


def test_an_example_of_several_lines_is_given_on_one(project):
    outcome = intake(str(project), replace(sample("propose-event"), "Online?", "In person"))
    assert outcome.problems[0].startswith("Location: required unless the event is online")
    assert outcome.problems[0].endswith("(for example: venue: Malmö City Hall; city: Malmö; country: SE)")
