"""Loading data/: every mistake a contributor can make gives one clear line, all at once.

Golden cases live in tests/fixtures/invalid/<case>.yml, each with the files it adds to the
basic fixture and the exact report `python -m hub check` prints. Mistakes that cannot be
written inside a YAML file (bytes that are not UTF-8, a BOM, tabs) are tested here in Python.
"""
import os
import shutil
from pathlib import Path

import pytest
import yaml

from hub.cli import main
from hub.model.errors import DataError
from hub.load.content import load_content

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
CASES = sorted((FIXTURES / "invalid").glob("*.yml"))
LANGUAGES = ["en", "sv", "nb", "da", "fi", "nl", "de"]

EVENT = """\
title: Launch of the pact
kind: launch
start: 2021-06-14T16:00
end: 2021-06-14T17:00
timezone: Europe/Brussels
online: true
summary: The pact is launched.
organisers: [city-of-malmo]
added: 2021-05-01
"""


@pytest.fixture
def project(tmp_path) -> Path:
    """A project with mkdocs.yml and the valid basic fixture data."""
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(FIXTURES / "basic" / "data", tmp_path / "data")
    return tmp_path


def write(project: Path, rel: str, content) -> None:
    path = project / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def check(project: Path, capsys) -> tuple[int, str]:
    """Run `python -m hub check` in-process; return its exit code and output."""
    code = main(["check"], root=str(project))
    return code, capsys.readouterr().out


def problems(project: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_content(str(project), LANGUAGES)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.stem)
def test_golden_case(project, capsys, case):
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    for rel, content in spec["files"].items():
        write(project, rel, content)
    code, out = check(project, capsys)
    assert out == spec["expected"]
    assert code == spec.get("exit", 1)  # a case with only warnings passes


def test_valid_data_passes(project, capsys):
    code, out = check(project, capsys)
    assert code == 0
    assert out.startswith("data/ is valid: 3 organisations, 4 events")


def test_the_seed_data_is_valid(capsys):
    code, out = check(REPO, capsys)
    assert code == 0, out


# -- broken bytes, which a YAML golden file cannot hold --

def test_not_utf8_names_the_line(project):
    write(project, "data/events/launch.yml", EVENT.replace("The pact", "Malm\xf6's pact").encode("latin-1"))
    assert problems(project) == ["data/events/launch.yml:7: not UTF-8 text (byte 0xf6): save the file as UTF-8"]


def test_byte_order_mark_is_refused(project):
    write(project, "data/events/launch.yml", b"\xef\xbb\xbf" + EVENT.encode())
    assert problems(project) == [
        "data/events/launch.yml:1: the file starts with a byte-order mark (BOM): save it as UTF-8 without BOM"]


def test_byte_order_mark_in_markdown_file_is_refused(project):
    write(project, "data/organisations/test-network.md", b"\xef\xbb\xbfA network.")
    with open(project / "data/organisations/test-network.yml", "w") as handle:
        handle.write("name: Test Network\nkind: network\n")
    assert problems(project) == [
        "data/organisations/test-network.md:1: the file starts with a byte-order mark (BOM): save it as UTF-8 without BOM"]


def test_tabs_are_refused_on_every_line_that_has_one(project):
    write(project, "data/events/launch.yml", EVENT.replace("online: true", "online:\ttrue") + "location:\n\tcity: Lund\n")
    assert problems(project) == [
        "data/events/launch.yml:6: tab character: YAML must be indented with spaces, not tabs",
        "data/events/launch.yml:11: tab character: YAML must be indented with spaces, not tabs"]


def test_invisible_control_character_names_its_line(project):
    write(project, "data/events/launch.yml", EVENT.replace("The pact", "The\x0bpact"))
    assert problems(project) == ["data/events/launch.yml:7: invisible control character U+000B: delete it "
                                 "(it often comes with text pasted from another program)"]


def test_deep_nesting_is_refused_without_crashing(project):
    # libyaml's composer overflows the C stack on this and takes the interpreter with it.
    write(project, "data/events/launch.yml", EVENT + "audience: " + "[" * 200_000 + "]" * 200_000 + "\n")
    assert problems(project) == ["data/events/launch.yml:10: nested more than 20 levels deep: no record needs that many"]


def test_symbolic_link_is_refused(project, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("password")
    os.symlink(secret, project / "data/organisations/test-network.md")
    assert problems(project) == [
        "data/organisations/test-network.md:1: symbolic links are not allowed in data/: put the file itself here"]


def test_symbolic_link_to_a_folder_is_refused(project, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    shutil.move(project / "data/cases", elsewhere)
    os.symlink(elsewhere, project / "data/cases")
    assert problems(project) == [
        "data/cases:1: symbolic links are not allowed in data/: put the file itself here"]


def test_empty_markdown_file_is_refused(project):
    write(project, "data/events/autumn-webinar.md", "\n")
    assert problems(project) == [
        "data/events/autumn-webinar.md:1: the file is empty: write the description, or delete the file"]


# -- what must NOT be an error: YAML 1.1 surprises are read as written --

def test_country_no_is_norway(project):
    content = load_content(str(project), LANGUAGES)
    assert content["organisations"]["city-of-oslo"].country == "NO"


def test_unquoted_clock_time_is_nine_oclock(project):
    # YAML 1.1 reads 09:00 as 540 (sexagesimal); the hub reads every scalar as text first.
    write(project, "data/events/launch.yml", EVENT + "agenda:\n  - {start: 09:00, end: 09:30, title: Welcome}\n")
    item = load_content(str(project), LANGUAGES)["events"]["launch"].agenda[0]
    assert (item.start, item.end) == ("09:00", "09:30")


def test_html_in_plain_text_is_accepted_as_written(project):
    write(project, "data/events/launch.yml", EVENT.replace("title: Launch of the pact",
                                                          "title: 'Launch <b>now</b> & <script>x()</script>'"))
    event = load_content(str(project), LANGUAGES)["events"]["launch"]
    assert event.title == "Launch <b>now</b> & <script>x()</script>"


def test_markdown_with_simple_html_and_https_links_is_accepted(project):
    write(project, "data/events/launch.yml", EVENT)
    write(project, "data/events/launch.md",
          "Read [the pact](https://example.org/pact) or <a href=\"mailto:a@example.org\">write</a>.\n\n"
          "<details><summary>More</summary>Data: 12 devices.</details>\n")
    description = load_content(str(project), LANGUAGES)["events"]["launch"].description
    assert description["en"].startswith("Read [the pact]")


def test_every_problem_has_path_line_and_field(project):
    for case in CASES:
        spec = yaml.safe_load(case.read_text(encoding="utf-8"))
        if spec.get("exit", 1) == 0:
            continue
        for line in spec["expected"].splitlines()[:-1]:
            path, number, rest = line.split(":", 2)
            assert path.startswith(("data", "docs/", "overrides/")), line
            assert int(number) >= 1, line
            assert rest.startswith(" "), line


def test_examples_in_contributing_are_valid_records():
    """The contributor guide's examples must keep passing as the model changes."""
    import re

    from hub.model.records import COLLECTIONS
    from hub.load.yamlfile import read_yaml

    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    checked = []
    for block in re.findall(r"```yaml\n(.*?)```", text, re.S):
        data = read_yaml("CONTRIBUTING.md", block.encode()).data
        named = re.match(r"# data/(\w+)/", block)
        collection = named[1] if named else "events" if "start" in data and "title" in data else \
            "cases" if "buyers" in data else None
        if collection:
            COLLECTIONS[collection].model_validate(data)
            checked.append(collection)
    assert set(checked) == set(COLLECTIONS)


# -- docs/ and overrides/, and files a YAML golden case cannot make --

def test_symbolic_links_in_docs_and_overrides_are_refused(project, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("password")
    write(project, "docs/guide.md", "# Guide\n")
    (project / "overrides/partials").mkdir(parents=True)
    os.symlink(secret, project / "docs/secret.md")
    os.symlink(tmp_path, project / "docs/assets")
    os.symlink(secret, project / "overrides/partials/footer.html")
    assert problems(project) == [
        "docs/assets:1: symbolic links are not allowed in docs/: put the file itself here",
        "docs/secret.md:1: symbolic links are not allowed in docs/: put the file itself here",
        "overrides/partials/footer.html:1: symbolic links are not allowed in overrides/: put the file itself here"]


def test_raw_control_characters_in_markdown_files_are_refused(project):
    write(project, "data/events/autumn-webinar.md", "A webinar.\n\nOn\x00e\x1b[31m two.\n")
    write(project, "docs/guide.md", "# Guide\n\tcode is fine\nBell\x07\n")
    assert problems(project) == [
        "data/events/autumn-webinar.md:3: description: invisible control character U+0000: delete it "
        "(it often comes with text pasted from another program)",
        "docs/guide.md:3: invisible control character U+0007: delete it (it often comes with text pasted from another program)"]


def test_a_record_file_over_one_megabyte_is_refused(project):
    write(project, "data/events/launch.yml", EVENT + "audience: |\n" + ("  " + "x" * 98 + "\n") * 10_001)
    assert problems(project) == ["data/events/launch.yml:1: the file is 1,010,314 bytes: a file in data/ is at most "
                                 "1 MB (1,000,000 bytes); link long documents instead"]


def test_a_pipe_named_like_a_record_is_refused_without_waiting(project):
    os.mkfifo(project / "data/events/launch.yml")  # open() would wait for a writer for ever
    assert problems(project) == ["data/events/launch.yml:1: not a file: the hub reads plain files here"]


def test_a_line_break_in_a_file_name_stays_on_one_line(project):
    write(project, "data/events/launch\n.yml", EVENT)
    [problem] = problems(project)
    assert "\n" not in problem and problem.startswith("data/events/launch\\n.yml:1: file name")


def test_a_control_character_in_a_key_is_refused(project):
    write(project, "data/events/launch.yml", EVENT.replace("kind:", '"kind\\0":'))
    assert problems(project) == ["data/events/launch.yml:2: control character U+0000 in the text: delete it "
                                 "(a YAML escape such as \\0, \\x01 or \\t writes one)"]


def test_ambiguous_time_is_a_warning_and_the_check_passes(project, capsys):
    write(project, "data/events/launch.yml", EVENT.replace("2021-06-14T16:00", "2021-10-31T02:30")
          .replace("2021-06-14T17:00", "2021-10-31T04:00"))
    content = load_content(str(project), LANGUAGES)
    assert [str(w) for w in content.warnings] == [
        "data/events/launch.yml:3: start: 2021-10-31T02:30 happens twice in Europe/Brussels (the clocks go back "
        "that night): read as the first, at UTC+02:00; check the time with the organiser"]
    # Read as the first: 02:30 summer time is 00:30 UTC.
    from hub.model.instants import utc
    event = content["events"]["launch"]
    assert utc(event.start, event.timezone).isoformat() == "2021-10-31T00:30:00+00:00"


def test_warnings_are_printed_after_the_errors(project, capsys):
    write(project, "data/events/launch.yml", EVENT.replace("2021-06-14T16:00", "2021-10-31T02:30")
          .replace("2021-06-14T17:00", "2021-10-31T04:00"))
    write(project, "data/events/other.yml", EVENT.replace("kind: launch", "kind: party"))
    code, out = check(project, capsys)
    assert code == 1
    assert out.splitlines()[-2:] == [
        "data/events/launch.yml:3: warning: start: 2021-10-31T02:30 happens twice in Europe/Brussels (the clocks go "
        "back that night): read as the first, at UTC+02:00; check the time with the organiser", "1 warning"]


def test_the_repositorys_own_pages_opt_in_to_macros_and_pass():
    from hub.load.site_files import site_file_problems
    assert site_file_problems(str(REPO)) == []
    for page in ["index.md", "events/index.md", "topics/index.md", "privacy.sv.md", "accessibility.md"]:
        assert "\nrender_macros: true\n" in (REPO / "docs" / page).read_text(encoding="utf-8")
    config = yaml.load((REPO / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    macros = next(p["macros"] for p in config["plugins"] if isinstance(p, dict) and "macros" in p)
    assert macros["render_by_default"] == "false"


def test_a_pipe_in_docs_is_refused(project):
    (project / "docs").mkdir()
    os.mkfifo(project / "docs/guide.md")
    assert problems(project) == ["docs/guide.md:1: not a file: put plain files here"]
