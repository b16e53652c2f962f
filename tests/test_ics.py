"""Calendars: icalendar and ical.js both read every .ics and agree with the records to the second."""
from __future__ import annotations

from datetime import timezone
from pathlib import Path

import pytest
from icalendar import Calendar

from emitted import fixture_build, ical_js_events, icalendar_events, site_files, write_seed_outputs
from history_repo import commit, edit, git, init
from hub.model.instants import utc
from hub.load.content import load_content
from sitebuild import FIXTURES, LANGUAGES, REPO, page, prefix

HOST = "127.0.0.1"  # the fixture site's SITE_URL is http://127.0.0.1:8000/
SPRING = f"old-spring-dialogue@{HOST}"  # spring-dialogue's UID: its first id (aliases: [old-spring-dialogue])


@pytest.fixture(scope="module")
def fixture_content():
    return load_content(str(FIXTURES / "basic"), LANGUAGES)


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    """The repository's data/: its calendars, and the instants its records mean."""
    out = write_seed_outputs(tmp_path_factory.mktemp("seed-outputs"))
    content = load_content(str(REPO), LANGUAGES)
    return out, content, "example.github.io"


def expected(content, host: str) -> dict[str, tuple[str, str]]:
    """UID -> (UTC start, UTC end) from the records themselves (a renamed event's UID is its first id's)."""
    z = lambda wall, zone: utc(wall, zone).strftime("%Y-%m-%dT%H:%M:%SZ")  # noqa: E731
    return {f"{(e.aliases or [i])[0]}@{host}": (z(e.start, e.timezone), z(e.end, e.timezone))
            for i, e in content["events"].items()}


def _both_parsers_agree_with_records(files: list[Path], content, host: str) -> int:
    want = expected(content, host)
    by_ical_js = ical_js_events(files)
    seen = 0
    for path in files:
        ours = icalendar_events(path)
        theirs = by_ical_js[path]
        assert [(e["uid"], e["start"], e["end"]) for e in ours] == \
               [(e["uid"], e["start"], e["end"]) for e in theirs], path
        for event in ours:
            assert (event["start"], event["end"]) == want[event["uid"]], (path, event["uid"])
            seen += 1
    return seen


def test_fixture_calendars_read_the_same_in_icalendar_and_ical_js(basic_site, fixture_content):
    files = site_files(basic_site, ".ics")
    # calendar.ics, 3 topics, 4 events and one former id of an event in each of 7 languages
    assert len(files) == 7 * (1 + 3 + 4 + 1)
    assert _both_parsers_agree_with_records(files, fixture_content, HOST) > 0


def test_seed_calendars_read_the_same_in_icalendar_and_ical_js(seed):
    out, content, host = seed
    files = site_files(out, ".ics")
    assert out / "calendar.ics" in files and out / "sv" / "calendar.ics" in files
    assert _both_parsers_agree_with_records(files, content, host) >= len(content["events"]) * 7 * 2


@pytest.mark.parametrize("lang", LANGUAGES)
def test_instants_on_both_daylight_saving_changeover_days(basic_site, lang):
    events = {e["uid"]: e for e in icalendar_events(basic_site / prefix(lang) / "calendar.ics")}
    # 2021-03-28, the day Europe moves to summer time: 09:00 in Stockholm is 07:00 UTC.
    assert events[SPRING]["start"] == "2021-03-28T07:00:00Z"
    # 2021-10-31, the day it leaves summer time: 10:00 in Oslo is 09:00 UTC.
    assert events[f"autumn-webinar@{HOST}"]["start"] == "2021-10-31T09:00:00Z"
    js = {e["uid"]: e for e in ical_js_events([basic_site / prefix(lang) / "calendar.ics"]).popitem()[1]}
    assert js[SPRING]["start"] == "2021-03-28T07:00:00Z"
    assert js[f"autumn-webinar@{HOST}"]["end"] == "2021-10-31T10:00:00Z"


def test_uid_is_the_same_in_every_language_and_file(basic_site):
    uids = {lang: [e["uid"] for e in icalendar_events(basic_site / prefix(lang) / "calendar.ics")]
            for lang in LANGUAGES}
    assert all(found == uids["en"] for found in uids.values())
    # spring-dialogue was renamed: it keeps the UID of its first id, old-spring-dialogue.
    assert sorted(uids["en"]) == sorted(f"{i}@{HOST}" for i in
                                        ["old-spring-dialogue", "autumn-webinar", "cancelled-meeting", "winter-workshop"])
    single = icalendar_events(basic_site / "de" / "events" / "autumn-webinar.ics")
    assert [e["uid"] for e in single] == [f"autumn-webinar@{HOST}"]


def _vevent(path: Path, uid: str):
    cal = Calendar.from_ical(path.read_bytes())
    return next(e for e in cal.walk("VEVENT") if str(e["UID"]) == uid)


def test_event_properties_in_the_calendars_language(basic_site):
    spring = _vevent(basic_site / "sv" / "calendar.ics", SPRING)
    assert str(spring["SUMMARY"]) == "Marknadsdialog på våren"
    assert str(spring["URL"]) == "http://127.0.0.1:8000/sv/events/spring-dialogue/"
    assert str(spring["DESCRIPTION"]) == ("Upphandlare möter leverantörer om smarttelefoner.\n\n"
                                          "http://127.0.0.1:8000/sv/events/spring-dialogue/")
    assert str(spring["LOCATION"]) == "City Hall, Malmö, Sverige"
    assert str(spring["STATUS"]) == "CONFIRMED"
    # DTSTAMP is when the file was written: the build's "now" (HUB_NOW=2021-06-01T00:00 here).
    assert spring.decoded("DTSTAMP").astimezone(timezone.utc).isoformat() == "2021-06-01T00:00:00+00:00"
    # No git history in the fixture's copy: last modified when added, and never revised.
    assert spring.decoded("LAST-MODIFIED").astimezone(timezone.utc).isoformat() == "2021-02-01T00:00:00+00:00"
    assert spring.decoded("SEQUENCE") == 0
    english = _vevent(basic_site / "calendar.ics", SPRING)
    assert str(english["LOCATION"]) == "City Hall, Malmö, Sweden"
    assert str(english["URL"]) == "http://127.0.0.1:8000/events/spring-dialogue/"


def test_online_and_cancelled_events(basic_site):
    webinar = _vevent(basic_site / "calendar.ics", f"autumn-webinar@{HOST}")
    assert str(webinar["LOCATION"]) == "Online"
    assert "A webinar about <laptops> & fair labour." in str(webinar["DESCRIPTION"])
    cancelled = _vevent(basic_site / "calendar.ics", f"cancelled-meeting@{HOST}")
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert str(cancelled["SUMMARY"]).startswith("Cancelled: ")
    js = ical_js_events([basic_site / "calendar.ics"]).popitem()[1]
    assert {e["uid"]: e["status"] for e in js}[f"cancelled-meeting@{HOST}"] == "CANCELLED"


def test_every_zone_used_has_its_vtimezone(basic_site):
    for path in site_files(basic_site, ".ics"):
        cal = Calendar.from_ical(path.read_bytes())
        defined = {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")}
        used = {e["DTSTART"].params.get("TZID") for e in cal.walk("VEVENT")}
        assert used <= defined, path


def test_topic_calendar_holds_that_topics_events(basic_site, fixture_content):
    for lang in LANGUAGES:
        for topic in fixture_content.topics:
            uids = {e["uid"] for e in icalendar_events(basic_site / prefix(lang) / "topics" / f"{topic}.ics")}
            want = {f"{(e.aliases or [i])[0]}@{HOST}" for i, e in fixture_content["events"].items() if topic in e.topics}
            assert uids == want, (lang, topic)


def test_calendar_names_its_subscription_facts(basic_site):
    cal = Calendar.from_ical((basic_site / "sv" / "calendar.ics").read_bytes())
    assert str(cal["X-WR-CALNAME"]) == "Testnavet – Evenemang"
    assert str(cal["METHOD"]) == "PUBLISH"
    assert "REFRESH-INTERVAL;VALUE=DURATION:P1D" in (basic_site / "sv" / "calendar.ics").read_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_event_page_offers_the_ics_and_a_webcal_subscription(basic_site, lang):
    doc = page(basic_site, f"{prefix(lang)}events/autumn-webinar/")
    links = doc.select("article .hub-calendar-links a")
    assert len(links) == 2
    ics, webcal = links[0]["href"], links[1]["href"]
    assert ics == "../autumn-webinar.ics"
    assert (basic_site / prefix(lang) / "events" / "autumn-webinar" / ics).resolve().is_file()
    assert webcal == f"webcal://127.0.0.1:8000/{prefix(lang)}calendar.ics"
    assert links[0].get_text(strip=True) and links[1].get_text(strip=True)


def test_output_is_the_same_in_two_builds_at_the_same_now(tmp_path, monkeypatch):
    """Only DTSTAMP follows the clock (HUB_NOW): the same data and the same "now" give the same bytes."""
    from hub.emit import ics
    monkeypatch.setenv("HUB_NOW", "2021-06-01T00:00")
    build = fixture_build(tmp_path / "project")
    ics.write(build, str(tmp_path / "a"))
    (tmp_path / "project" / "data" / "events" / "winter-workshop.yml").touch()  # a new load, the same data
    again = fixture_build(tmp_path / "project")
    assert again is not build
    ics.write(again, str(tmp_path / "b"))
    monkeypatch.setenv("HUB_NOW", "2030-01-01T00:00")
    ics.write(fixture_build(tmp_path / "project"), str(tmp_path / "c"))
    files = list((tmp_path / "a").rglob("*.ics"))
    assert len(files) == 7 * 9
    for path in files:
        relative = path.relative_to(tmp_path / "a")
        assert path.read_bytes() == (tmp_path / "b" / relative).read_bytes()
        later = (tmp_path / "c" / relative).read_bytes()
        assert later != path.read_bytes()
        assert later.replace(b"DTSTAMP:20300101T000000Z", b"DTSTAMP:20210601T000000Z") == path.read_bytes()


# -- updates reach subscribers: SEQUENCE and LAST-MODIFIED from git history --

@pytest.fixture
def history_project(tmp_path, monkeypatch):
    """tests/fixtures/basic as a git repository whose first commit adds every record."""
    monkeypatch.setenv("HUB_NOW", "2021-06-01T00:00")
    project = tmp_path / "project"
    fixture_build(project)  # copies mkdocs.yml and data/
    init(project)
    commit(project, "2021-05-25T10:00:00Z", "Add the records")
    return project


def _both(path: Path, uid: str) -> tuple[dict, dict]:
    """The event as icalendar and as ical.js read it: sequence, last-modified, dtstamp and start."""
    vevent = _vevent(path, uid)
    ours = {"sequence": vevent.decoded("SEQUENCE"),
            "lastModified": vevent.decoded("LAST-MODIFIED").astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "dtstamp": vevent.decoded("DTSTAMP").astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "start": vevent.decoded("DTSTART").astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}
    js = next(e for e in ical_js_events([path]).popitem()[1] if e["uid"] == uid)
    return ours, {key: js[key] for key in ours}


def test_a_reschedule_raises_sequence_and_last_modified_in_both_parsers(history_project, tmp_path):
    from hub.emit import ics
    ics.write(fixture_build(history_project), str(tmp_path / "before"))
    uid = f"winter-workshop@{HOST}"
    before = _both(tmp_path / "before" / "calendar.ics", uid)
    assert before[0] == before[1] == {"sequence": 0, "lastModified": "2021-05-25T10:00:00Z",
                                      "dtstamp": "2021-06-01T00:00:00Z", "start": "2020-11-25T08:00:00Z"}

    record = history_project / "data" / "events" / "winter-workshop.yml"
    edit(record, "start: 2020-11-25T09:00", "start: 2020-11-26T09:00")
    edit(record, "end: 2020-11-25T16:30", "end: 2020-11-26T16:30")
    commit(history_project, "2021-05-26T09:30:00Z", "Winter workshop moves a day")
    ics.write(fixture_build(history_project), str(tmp_path / "after"))
    for lang in ("", "sv/"):
        for path in (f"{lang}calendar.ics", f"{lang}events/winter-workshop.ics", f"{lang}topics/smartphones.ics"):
            after = _both(tmp_path / "after" / path, uid)
            assert after[0] == after[1] == {"sequence": 1, "lastModified": "2021-05-26T09:30:00Z",
                                            "dtstamp": "2021-06-01T00:00:00Z", "start": "2020-11-26T08:00:00Z"}, path
    # The other events did not change: their files say so.
    assert _both(tmp_path / "after" / "calendar.ics", f"autumn-webinar@{HOST}")[0]["sequence"] == 0


def test_what_counts_as_a_new_version(history_project, tmp_path):
    """Time, place and status raise SEQUENCE; other edits only LAST-MODIFIED; a comment neither."""
    from hub.emit import ics
    events = history_project / "data" / "events"
    edit(events / "autumn-webinar.yml", "title: Autumn webinar on laptops", "title: Autumn webinar on fair laptops")
    commit(history_project, "2021-05-26T08:00:00Z", "A better title")
    edit(events / "autumn-webinar.yml", "online: true", "online: true  # as announced")
    commit(history_project, "2021-05-27T08:00:00Z", "A comment only")
    edit(events / "spring-dialogue.yml", "venue: City Hall", "venue: Town Library")
    commit(history_project, "2021-05-28T08:00:00Z", "The dialogue moves house")
    edit(events / "winter-workshop.yml", "kind: workshop", "kind: workshop\nstatus: cancelled")
    commit(history_project, "2021-05-29T08:00:00Z", "Cancelled")
    (events / "spring-dialogue.md").write_text((events / "spring-dialogue.md").read_text() + "\nOne more line.\n")
    commit(history_project, "2021-05-30T08:00:00Z", "A longer description")
    ics.write(fixture_build(history_project), str(tmp_path / "out"))
    calendar = tmp_path / "out" / "calendar.ics"
    seen = {uid: _both(calendar, uid) for uid in (f"autumn-webinar@{HOST}", SPRING, f"winter-workshop@{HOST}")}
    for ours, theirs in seen.values():
        assert ours == theirs
    assert seen[f"autumn-webinar@{HOST}"][0]["sequence"] == 0
    assert seen[f"autumn-webinar@{HOST}"][0]["lastModified"] == "2021-05-26T08:00:00Z"
    assert seen[SPRING][0]["sequence"] == 1
    assert seen[SPRING][0]["lastModified"] == "2021-05-30T08:00:00Z"
    assert seen[f"winter-workshop@{HOST}"][0]["sequence"] == 1
    assert str(_vevent(calendar, f"winter-workshop@{HOST}")["STATUS"]) == "CANCELLED"


def test_uncommitted_changes_count_as_made_now(history_project, tmp_path):
    from hub.emit import ics
    edit(history_project / "data" / "events" / "winter-workshop.yml", "start: 2020-11-25T09:00", "start: 2020-11-25T10:00")
    ics.write(fixture_build(history_project), str(tmp_path / "out"))
    ours, theirs = _both(tmp_path / "out" / "calendar.ics", f"winter-workshop@{HOST}")
    assert ours == theirs
    assert (ours["sequence"], ours["lastModified"]) == (1, "2021-06-01T00:00:00Z")


def test_a_renamed_event_keeps_its_uid_history_and_old_calendar_address(history_project, tmp_path):
    from hub.emit import ics
    events = history_project / "data" / "events"
    edit(events / "cancelled-meeting.yml", "start: 2021-09-01T14:00", "start: 2021-09-01T13:00")
    commit(history_project, "2021-05-26T08:00:00Z", "Earlier start")
    text = (events / "cancelled-meeting.yml").read_text()
    (events / "cancelled-meeting.yml").unlink()
    (events / "network-meeting-2021.yml").write_text("aliases: [cancelled-meeting]\n" + text)
    commit(history_project, "2021-05-31T08:00:00Z", "Rename")
    ics.write(fixture_build(history_project), str(tmp_path / "out"))
    uid = f"cancelled-meeting@{HOST}"
    for lang in ("", "de/"):
        current = tmp_path / "out" / lang / "events" / "network-meeting-2021.ics"
        former = tmp_path / "out" / lang / "events" / "cancelled-meeting.ics"
        assert former.read_bytes() == current.read_bytes()
        ours, theirs = _both(former, uid)
        # The rename itself changed nothing a subscriber sees: the same UID, sequence and last change.
        assert ours == theirs
        assert (ours["sequence"], ours["lastModified"]) == (1, "2021-05-26T08:00:00Z")
        assert str(_vevent(current, uid)["URL"]).endswith(f"/{lang}events/network-meeting-2021/")


def test_a_shallow_clone_falls_back_to_the_added_date(history_project, tmp_path):
    """A shallow clone's first commit adds every file: history that would say nothing true is not read."""
    from hub.emit import ics
    edit(history_project / "data" / "events" / "winter-workshop.yml", "start: 2020-11-25T09:00", "start: 2020-11-25T10:00")
    commit(history_project, "2021-05-26T08:00:00Z", "Later start")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{history_project}", str(clone))
    ics.write(fixture_build(clone), str(tmp_path / "out"))
    ours, theirs = _both(tmp_path / "out" / "calendar.ics", f"winter-workshop@{HOST}")
    assert ours == theirs
    assert (ours["sequence"], ours["lastModified"]) == (0, "2020-10-01T00:00:00Z")
