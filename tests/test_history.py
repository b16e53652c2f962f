"""Records' git history (hub/load/history.py): what counts as a change, read from real repositories."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from emitted import fixture_build
from history_repo import commit, edit, git, init
from hub.load.history import parse_log, read_history

NOW = datetime(2021, 6, 1, tzinfo=timezone.utc)


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("HUB_NOW", "2021-06-01T00:00")
    root = tmp_path / "project"
    fixture_build(root)
    init(root)
    commit(root, "2021-05-25T10:00:00Z", "Add the records")
    return root


def _history(root: Path):
    build = fixture_build(root)
    return read_history(str(root), build.content, NOW)


def test_a_branch_merged_into_main_is_one_change_at_the_merge(project):
    """Subscribers see main: two commits on a branch that move the event twice are one update."""
    git(project, "checkout", "-q", "-b", "reschedule")
    record = project / "data" / "events" / "winter-workshop.yml"
    edit(record, "start: 2020-11-25T09:00", "start: 2020-11-25T10:00")
    commit(project, "2021-05-26T08:00:00Z", "Later")
    edit(record, "start: 2020-11-25T10:00", "start: 2020-11-25T11:00")
    commit(project, "2021-05-27T08:00:00Z", "Later still")
    git(project, "checkout", "-q", "main")
    git(project, "merge", "-q", "--no-ff", "-m", "Merge the reschedule", "reschedule", when="2021-05-28T08:00:00Z")
    found = _history(project).of("events", "winter-workshop")
    assert (found.sequence, found.changed) == (1, _at("2021-05-28T08:00:00Z"))


def test_reordered_keys_requoted_values_and_comments_are_not_changes(project):
    record = project / "data" / "events" / "winter-workshop.yml"
    text = record.read_text()
    lines = text.splitlines()
    # The same fields in another order, a value quoted, a comment: the record says the same.
    record.write_text("# reordered\n" + "\n".join(reversed(lines)).replace("kind: workshop", 'kind: "workshop"') + "\n")
    commit(project, "2021-05-26T08:00:00Z", "Tidy")
    found = _history(project).of("events", "winter-workshop")
    assert (found.sequence, found.changed) == (0, _at("2021-05-25T10:00:00Z"))


def test_an_event_going_online_or_getting_a_place_is_a_new_version(project):
    events = project / "data" / "events"
    edit(events / "winter-workshop.yml", "online: true", "online: false\nlocation: {city: Malmö, country: SE}")
    commit(project, "2021-05-26T08:00:00Z", "In person after all")
    edit(events / "winter-workshop.yml", "location: {city: Malmö, country: SE}", "location: {city: Lund, country: SE}")
    commit(project, "2021-05-27T08:00:00Z", "Another city")
    assert _history(project).of("events", "winter-workshop").sequence == 2


def test_without_a_repository_there_is_no_history(tmp_path):
    root = tmp_path / "project"
    build = fixture_build(root)
    history = read_history(str(root), build.content, NOW)
    assert history.available is False
    record = build.content["events"]["winter-workshop"]
    assert history.last_change("events", record, "winter-workshop") == _at("2020-10-01T00:00:00Z")


def test_the_log_is_read_by_counting_lines_not_by_their_look():
    """A removed line may read like a diff header (`--- a/...`); a new empty file (no ---/+++ lines) is left out."""
    log = "\n".join([
        "\x1eabc 1622000000",
        "diff --git a/data/events/x.yml b/data/events/x.yml",
        "index 1..2 100644",
        "--- a/data/events/x.yml",
        "+++ b/data/events/x.yml",
        "@@ -1,3 +1,2 @@",
        " title: X",
        "--- a/data/events/y.yml",
        "+summary: new",
        "-summary: old",
        "\\ No newline at end of file",
        "diff --git a/data/events/empty.md b/data/events/empty.md",
        "new file mode 100644",
        "index 0..e69de29",
        "diff --git a/data/events/gone.yml b/data/events/gone.yml",
        "deleted file mode 100644",
        "--- a/data/events/gone.yml",
        "+++ /dev/null",
        "@@ -1 +0,0 @@",
        "-title: Gone",
        "\x1edef 1621000000",
        "diff --git a/data/events/x.yml b/data/events/x.yml",
        "new file mode 100644",
        "--- /dev/null",
        "+++ b/data/events/x.yml",
        "@@ -0,0 +1 @@",
        "+title: X",
        "",
    ])
    newest, oldest = parse_log(log)
    assert newest[0] == datetime.fromtimestamp(1622000000, timezone.utc)
    assert newest[1] == {"data/events/x.yml": "title: X\nsummary: new\n", "data/events/gone.yml": None}
    assert oldest[1] == {"data/events/x.yml": "title: X\n"}
