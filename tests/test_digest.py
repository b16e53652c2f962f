"""`python -m hub digest`: what is new since a date, grouped, in the chosen language, links absolute."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup

from hub.cli import main
from sitebuild import FIXTURES, REPO

SITE = "http://127.0.0.1:8000/"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """The fixture data beside the repository's mkdocs.yml, seen on 1 June 2021."""
    shutil.copy2(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(FIXTURES / "basic" / "data", tmp_path / "data")
    monkeypatch.setenv("HUB_NOW", "2021-06-01T00:00")
    monkeypatch.setenv("SITE_URL", SITE)
    return tmp_path


def digest(project, capsys, *args) -> str:
    assert main(["digest", *args], root=str(project)) == 0
    return capsys.readouterr().out


def test_markdown_digest_in_swedish(project, capsys):
    out = digest(project, capsys, "--since", "2021-02-01", "--lang", "sv")
    lines = out.splitlines()
    assert lines[0] == "# Nytt sedan 1 februari 2021"
    headings = [line for line in lines if line.startswith("## ")]
    assert headings == ["## Kommande evenemang", "## Tidigare evenemang som lagts till", "## Nytt material",
                        "## Nya undertecknare"]
    # Coming up: every upcoming event, soonest first; the new ones marked.
    coming = out.split("## Kommande evenemang")[1].split("## ")[0]
    assert coming.index("sv/events/cancelled-meeting/") < coming.index("sv/events/autumn-webinar/")
    assert f"[Autumn webinar on laptops]({SITE}sv/events/autumn-webinar/)" in coming
    assert "*(nytt)*" in coming and "31 oktober 2021, 10:00–11:00" in coming
    assert "Inställt: Cancelled network meeting" in coming
    # Added on 1 February, already held: listed as a past event added.
    assert f"[Marknadsdialog på våren]({SITE}sv/events/spring-dialogue/)" in out
    # Resources added since; the case (15 January) and statement (29 January) are older.
    assert f"{SITE}sv/resources/webinar-recording/" in out and f"{SITE}sv/resources/summary-report/" in out
    assert "malmo-phones" not in out and "winter-workshop" not in out
    # Oslo signed on 10 February; Malmö's signature (29 January) is older.
    signatories = out.split("## Nya undertecknare")[1]
    assert "Oslo kommune" not in signatories  # no Swedish name: English is used
    assert "City of Oslo (10 februari 2021)" in signatories and "Malmö" not in signatories
    assert f"[Gemensamt uttalande om telefoner]({SITE}sv/statements/phone-statement/)" in signatories


def test_markdown_escapes_record_text(project, capsys):
    out = digest(project, capsys, "--since", "2021-01-01", "--lang", "en")
    assert r"A webinar about \<laptops\> & fair labour." in out
    assert "## New good-practice cases" in out and "## New joint statements" in out
    assert f"[Joint statement on phones]({SITE}statements/phone-statement/)" in out


def test_html_digest(project, capsys):
    out = digest(project, capsys, "--since", "2021-01-01", "--lang", "de", "--html")
    doc = BeautifulSoup(out, "lxml")
    assert doc.select_one("div")["lang"] == "de"
    assert doc.h1.get_text() == "Neu seit dem 1. Januar 2021"
    assert [h.get_text() for h in doc.select("h2")][:2] == ["Demnächst", "Hinzugefügte vergangene Veranstaltungen"]
    hrefs = [a["href"] for a in doc.select("a")]
    assert all(h.startswith(f"{SITE}de/") for h in hrefs)
    assert f"{SITE}de/cases/malmo-phones/" in hrefs
    assert "A webinar about <laptops> & fair labour." in doc.get_text()
    assert doc.select("laptops") == []


def test_nothing_new(project, capsys, monkeypatch):
    monkeypatch.setenv("HUB_NOW", "2030-01-01T00:00")  # nothing upcoming either
    out = digest(project, capsys, "--since", "2029-01-01", "--lang", "nb")
    assert "Ingenting nytt siden 1. januar 2029." in out
    assert "## " not in out


def test_links_keep_a_project_path(project, capsys, monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://org.github.io/repo/")
    out = digest(project, capsys, "--since", "2021-05-20", "--lang", "fi")
    assert "(https://org.github.io/repo/fi/events/autumn-webinar/)" in out


def test_bad_arguments(project, capsys):
    assert main(["digest", "--since", "2021-01-01", "--lang", "xx"], root=str(project)) == 2
    assert "unknown language 'xx'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:
        main(["digest", "--since", "1 June", "--lang", "sv"], root=str(project))
    assert stop.value.code == 2
    assert "expected a date like 2021-06-14, got '1 June'" in capsys.readouterr().err


def test_make_target_passes_its_variables():
    make = shutil.which("make")
    if not make:
        pytest.skip("needs make")
    # --no-print-directory: run from `make test`, make would add "Leaving directory" lines.
    result = subprocess.run([make, "-n", "--no-print-directory", "digest", "SINCE=2021-01-01", "LANG=sv", "HTML=1"],
                            cwd=REPO, capture_output=True, text=True, check=True)
    command = result.stdout.strip().splitlines()[-1]
    assert "-m hub digest --since 2021-01-01 --lang sv --html" in command


def test_statements_are_counted_as_their_pages_count_them(project, capsys):
    (project / "data" / "statements" / "phone-statement.yml").write_text(
        (project / "data" / "statements" / "phone-statement.yml").read_text().replace(
            "  - {organisation: test-network, role: supporting}",
            "  - {organisation: test-network, role: supporting}\n  - {organisation: city-of-helsinki, committed: 2021-03-01}"))
    (project / "data" / "organisations" / "city-of-helsinki.yml").write_text("name: City of Helsinki\nkind: public-buyer\n")
    out = digest(project, capsys, "--since", "2021-01-01", "--lang", "en")
    statements = out.split("## New joint statements")[1].split("## ")[0]
    assert "29 January 2021 · 2 signatories · 1 supporter · 1 committed to join" in statements
    signatories = out.split("## New signatories")[1]
    assert "City of Helsinki (Committed to join: 1 March 2021)" in signatories
    assert "— 2 signatories · 1 supporter · 1 committed to join" in signatories
