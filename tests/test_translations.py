"""`python -m hub translations export|import`: PO files for translators, round trip into the records."""
import difflib
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from hub.cli import main

REPO = Path(__file__).resolve().parent.parent
BASIC = REPO / "tests" / "fixtures" / "basic" / "data"
FIXTURES = REPO / "tests" / "fixtures" / "translations"


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(BASIC, tmp_path / "data")
    return tmp_path


def run(project: Path, capsys, *args: str) -> tuple[int, str]:
    code = main(list(args), root=str(project))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def snapshot(project: Path) -> dict[str, str]:
    return {str(p.relative_to(project)): p.read_text(encoding="utf-8") for p in sorted((project / "data").rglob("*"))
            if p.is_file()}


def diff(before: dict[str, str], after: dict[str, str]) -> str:
    """`git diff`-style: every changed line of every file, nothing else."""
    out = []
    for path in sorted(set(before) | set(after)):
        a, b = before.get(path, "").splitlines(True), after.get(path, "").splitlines(True)
        out += [line for line in difflib.unified_diff(a, b, f"a/{path}", f"b/{path}", n=0) if not line.startswith("@@")]
    return "".join(out)


def export(project: Path, capsys, lang: str = "sv") -> Path:
    target = project / f"{lang}.po"
    code, out = run(project, capsys, "translations", "export", "--lang", lang, "-o", str(target))
    assert code == 0, out
    return target


def set_msgstr(po: Path, context: str, text: str) -> None:
    """Edit one entry as a translator's tool would: only its msgstr."""
    lines = po.read_text(encoding="utf-8").split("\n")
    at = lines.index(f'msgctxt "{context}"')
    end = next(i for i in range(at, len(lines)) if lines[i].startswith("msgstr"))
    stop = end + 1
    while stop < len(lines) and lines[stop].startswith('"'):
        stop += 1
    lines[end:stop] = [f'msgstr "{text}"']
    po.write_text("\n".join(lines), encoding="utf-8")


def entries(po: Path) -> dict[str, object]:
    with open(po, "rb") as handle:
        return {m.context: m for m in read_po(handle) if m.id}


def test_export_holds_every_text_with_its_record_and_field_as_context(project, capsys):
    found = entries(export(project, capsys))
    agenda = found["events/spring-dialogue:agenda[1].title"]
    assert (agenda.id, agenda.string, agenda.fuzzy) == ("Dialogue", "Dialog", False)
    assert found["events/spring-dialogue:agenda[0].title"].string == ""  # English only so far
    assert found["events/spring-dialogue:speakers[0].role"].string == "Upphandlare"
    # The description lives beside the record: its English and Swedish come from the two .md files.
    description = found["events/spring-dialogue:description"]
    assert description.id == (BASIC / "events" / "spring-dialogue.md").read_text(encoding="utf-8")
    assert description.string == (BASIC / "events" / "spring-dialogue.sv.md").read_text(encoding="utf-8")
    assert description.locations == [("data/events/spring-dialogue.md", 1)]
    assert found["events/autumn-webinar:title"].locations == [("data/events/autumn-webinar.yml", 2)]
    assert "topics/smartphones:name" in found and "site:name" in found


def test_round_trip_changes_exactly_the_edited_texts(project, capsys):
    before = snapshot(project)
    po = export(project, capsys)
    set_msgstr(po, "events/spring-dialogue:agenda[0].title", "Välkommen")
    set_msgstr(po, "events/autumn-webinar:title", "Höstwebbinarium om bärbara datorer")
    set_msgstr(po, "events/spring-dialogue:agenda[1].title", "Samtal")
    code, out = run(project, capsys, "translations", "import", str(po))
    assert code == 0, out
    assert "imported 3 sv texts into 2 files" in out
    assert diff(before, snapshot(project)) == (
        "--- a/data/events/autumn-webinar.yml\n"
        "+++ b/data/events/autumn-webinar.yml\n"
        "-title: Autumn webinar on laptops\n"
        "+title:\n"
        "+  en: Autumn webinar on laptops\n"
        "+  sv: Höstwebbinarium om bärbara datorer\n"
        "--- a/data/events/spring-dialogue.yml\n"
        "+++ b/data/events/spring-dialogue.yml\n"
        '-  - {start: "09:00", end: "09:30", title: Welcome, speakers: [Anna Andersson]}\n'
        '-  - {start: "09:30", end: "12:30", title: {en: Dialogue, sv: Dialog}}\n'
        '+  - {start: "09:00", end: "09:30", title: {en: Welcome, sv: Välkommen}, speakers: [Anna Andersson]}\n'
        '+  - {start: "09:30", end: "12:30", title: {en: Dialogue, sv: Samtal}}\n')
    # Comments stay: the first line of autumn-webinar.yml is one.
    assert (project / "data/events/autumn-webinar.yml").read_text(encoding="utf-8").startswith("# On the day Europe")
    # A second export reads back what was imported, not fuzzy.
    again = entries(export(project, capsys))
    assert again["events/spring-dialogue:agenda[0].title"].string == "Välkommen"
    assert not any(m.fuzzy for m in again.values())


def test_a_sibling_description_is_translated_into_its_own_file(project, capsys):
    po = export(project, capsys, "de")
    set_msgstr(po, "events/spring-dialogue:description", "Käufer treffen Lieferanten.\\n")
    before = snapshot(project)
    code, out = run(project, capsys, "translations", "import", str(po))
    assert code == 0, out
    after = snapshot(project)
    assert set(after) - set(before) == {"data/events/spring-dialogue.de.md"}
    assert after["data/events/spring-dialogue.de.md"] == "Käufer treffen Lieferanten.\n"
    assert {p: t for p, t in after.items() if p in before} == before


def test_changed_english_comes_out_fuzzy(project, capsys):
    po = export(project, capsys)
    set_msgstr(po, "events/cancelled-meeting:title", "Inställt nätverksmöte")
    assert run(project, capsys, "translations", "import", str(po))[0] == 0
    assert not entries(export(project, capsys))["events/cancelled-meeting:title"].fuzzy
    record = project / "data/events/cancelled-meeting.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("en: Cancelled network meeting",
                                                                   "en: Cancelled meeting of the network"), encoding="utf-8")
    found = entries(export(project, capsys))
    entry = found["events/cancelled-meeting:title"]
    assert entry.fuzzy and entry.id == "Cancelled meeting of the network" and entry.string == "Inställt nätverksmöte"
    assert [c for c, m in found.items() if m.fuzzy] == ["events/cancelled-meeting:title"]
    # Hand-written translations (no lock entry) count as current.
    assert not found["events/spring-dialogue:summary"].fuzzy


def test_fuzzy_entries_are_not_imported_until_checked(project, capsys):
    po = export(project, capsys)
    text = po.read_text(encoding="utf-8").replace('msgctxt "events/spring-dialogue:summary"',
                                                   '#, fuzzy\nmsgctxt "events/spring-dialogue:summary"')
    po.write_text(text.replace('msgstr "Upphandlare möter leverantörer om smarttelefoner."', 'msgstr "Ändrad"'),
                  encoding="utf-8")
    before = snapshot(project)
    code, out = run(project, capsys, "translations", "import", str(po))
    assert code == 0 and "1 fuzzy left out" in out
    assert snapshot(project) == before


@pytest.mark.parametrize("case", ["unknown-record", "unknown-field", "bad-language", "no-language", "broken"])
def test_a_po_file_with_errors_is_reported_with_its_lines_and_nothing_is_written(project, capsys, case):
    po = FIXTURES / f"{case}.po"
    before = snapshot(project)
    code, out = run(project, capsys, "translations", "import", str(po))
    expected = (FIXTURES / f"{case}.expected").read_text(encoding="utf-8")
    assert code == 1
    assert out.replace(str(po), f"{case}.po") == expected
    assert snapshot(project) == before and not (project / "translations.lock.json").exists()


def test_export_refuses_a_language_the_site_does_not_have(project, capsys):
    code, out = run(project, capsys, "translations", "export", "--lang", "fr")
    assert code == 2 and "unknown language 'fr': translate into one of sv, nb, da, fi, nl, de" in out


def test_gnu_gettext_reads_the_export(project, capsys):
    """The file is what translators' tools expect: GNU msgfmt checks it (formats, header, duplicates)."""
    import subprocess
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("GNU gettext's msgfmt is not installed")
    po = export(project, capsys)
    set_msgstr(po, "events/cancelled-meeting:title", "Inställt nätverksmöte")
    checked = subprocess.run([msgfmt, "--check", "--statistics", "-o", "/dev/null", str(po)],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert "translated message" in checked.stderr
