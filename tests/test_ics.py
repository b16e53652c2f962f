"""Calendars: icalendar and ical.js both read every .ics and agree with the records to the second."""
from __future__ import annotations

from datetime import timezone
from pathlib import Path

import pytest
from icalendar import Calendar

from emitted import fixture_build, ical_js_events, icalendar_events, site_files, write_seed_outputs
from hub.model.instants import utc
from hub.load.content import load_content
from sitebuild import FIXTURES, LANGUAGES, REPO, page, prefix

HOST = "127.0.0.1"  # the fixture site's SITE_URL is http://127.0.0.1:8000/


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
    """UID -> (UTC start, UTC end) from the records themselves."""
    z = lambda wall, zone: utc(wall, zone).strftime("%Y-%m-%dT%H:%M:%SZ")  # noqa: E731
    return {f"{i}@{host}": (z(e.start, e.timezone), z(e.end, e.timezone)) for i, e in content["events"].items()}


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
    # calendar.ics, 3 topics and 4 events in each of 7 languages
    assert len(files) == 7 * (1 + 3 + 4)
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
    assert events[f"spring-dialogue@{HOST}"]["start"] == "2021-03-28T07:00:00Z"
    # 2021-10-31, the day it leaves summer time: 10:00 in Oslo is 09:00 UTC.
    assert events[f"autumn-webinar@{HOST}"]["start"] == "2021-10-31T09:00:00Z"
    js = {e["uid"]: e for e in ical_js_events([basic_site / prefix(lang) / "calendar.ics"]).popitem()[1]}
    assert js[f"spring-dialogue@{HOST}"]["start"] == "2021-03-28T07:00:00Z"
    assert js[f"autumn-webinar@{HOST}"]["end"] == "2021-10-31T10:00:00Z"


def test_uid_is_the_same_in_every_language_and_file(basic_site):
    uids = {lang: [e["uid"] for e in icalendar_events(basic_site / prefix(lang) / "calendar.ics")]
            for lang in LANGUAGES}
    assert all(found == uids["en"] for found in uids.values())
    assert sorted(uids["en"]) == sorted(f"{i}@{HOST}" for i in
                                        ["spring-dialogue", "autumn-webinar", "cancelled-meeting", "winter-workshop"])
    single = icalendar_events(basic_site / "de" / "events" / "autumn-webinar.ics")
    assert [e["uid"] for e in single] == [f"autumn-webinar@{HOST}"]


def _vevent(path: Path, uid: str):
    cal = Calendar.from_ical(path.read_bytes())
    return next(e for e in cal.walk("VEVENT") if str(e["UID"]) == uid)


def test_event_properties_in_the_calendars_language(basic_site):
    spring = _vevent(basic_site / "sv" / "calendar.ics", f"spring-dialogue@{HOST}")
    assert str(spring["SUMMARY"]) == "Marknadsdialog på våren"
    assert str(spring["URL"]) == "http://127.0.0.1:8000/sv/events/spring-dialogue/"
    assert str(spring["DESCRIPTION"]) == ("Upphandlare möter leverantörer om smarttelefoner.\n\n"
                                          "http://127.0.0.1:8000/sv/events/spring-dialogue/")
    assert str(spring["LOCATION"]) == "City Hall, Malmö, Sverige"
    assert str(spring["STATUS"]) == "CONFIRMED"
    # DTSTAMP is the record's `added` date, so two builds write the same file.
    assert spring.decoded("DTSTAMP").astimezone(timezone.utc).isoformat() == "2021-02-01T00:00:00+00:00"
    english = _vevent(basic_site / "calendar.ics", f"spring-dialogue@{HOST}")
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
            want = {f"{i}@{HOST}" for i, e in fixture_content["events"].items() if topic in e.topics}
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


def test_output_is_the_same_in_two_builds(tmp_path, monkeypatch):
    """Nothing in a calendar depends on the clock: the same data gives the same bytes."""
    from hub.emit import ics
    build = fixture_build(tmp_path / "project")
    monkeypatch.setenv("HUB_NOW", "2030-01-01T00:00")
    later = fixture_build(tmp_path / "project")
    assert later.index.now != build.index.now
    ics.write(build, str(tmp_path / "a"))
    ics.write(later, str(tmp_path / "b"))
    for path in (tmp_path / "a").rglob("*.ics"):
        assert path.read_bytes() == (tmp_path / "b" / path.relative_to(tmp_path / "a")).read_bytes()
