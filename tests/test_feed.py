"""Atom feeds: feedparser reads every one cleanly; entries are the newest records, in the feed's language."""
from __future__ import annotations

import feedparser
import pytest
from lxml import html as lxml_html

from emitted import site_files, write_seed_outputs
from sitebuild import LANGUAGES, prefix

SITE = "http://127.0.0.1:8000/"
# Every record with `added`, newest first (ties: collection, then id, both descending).
NEWEST = ["resources/webinar-recording", "events/autumn-webinar", "events/cancelled-meeting",
          "resources/summary-report", "events/spring-dialogue", "statements/phone-statement",
          "cases/malmo-phones", "events/winter-workshop"]


def _parse(path):
    parsed = feedparser.parse(path.read_bytes())
    assert parsed.bozo == 0, f"{path}: {parsed.get('bozo_exception')}"
    return parsed


def test_every_fixture_feed_parses_cleanly(basic_site):
    feeds = site_files(basic_site, ".xml")
    feeds = [f for f in feeds if f.name != "sitemap.xml"]
    # feed.xml and three topic feeds in each of seven languages
    assert len(feeds) == 7 * 4
    for path in feeds:
        assert _parse(path).version == "atom10", path


def test_every_seed_feed_parses_cleanly(tmp_path):
    out = write_seed_outputs(tmp_path)
    feeds = site_files(out, ".xml")
    assert out / "feed.xml" in feeds
    for path in feeds:
        parsed = _parse(path)
        if path.name == "feed.xml":
            assert parsed.entries, path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_entries_are_newest_first_with_absolute_links_in_the_feeds_language(basic_site, lang):
    parsed = _parse(basic_site / prefix(lang) / "feed.xml")
    assert [e.link for e in parsed.entries] == [f"{SITE}{prefix(lang)}{path}/" for path in NEWEST]
    assert parsed.feed.language == lang
    assert parsed.feed.links[0].href == f"{SITE}{prefix(lang)}feed.xml"
    ids = [e.id for e in parsed.entries]
    assert len(set(ids)) == len(ids)
    assert all(i.startswith("tag:127.0.0.1,") for i in ids)
    dates = [e.updated_parsed for e in parsed.entries]
    assert dates == sorted(dates, reverse=True)


def test_titles_and_dates_come_from_the_records(basic_site):
    entries = {e.link.split("/")[-2]: e for e in _parse(basic_site / "sv" / "feed.xml").entries}
    assert entries["spring-dialogue"].title == "Marknadsdialog på våren"
    assert entries["spring-dialogue"].published == "2021-02-01T00:00:00+00:00"
    assert entries["cancelled-meeting"].title == "Inställt: Cancelled network meeting"
    # An event's entry says when and where before its summary.
    assert entries["autumn-webinar"].summary.startswith("31 oktober 2021, 10:00–11:00")
    assert "A webinar about <laptops> & fair labour." in entries["autumn-webinar"].summary
    english = {e.link.split("/")[-2]: e for e in _parse(basic_site / "feed.xml").entries}
    assert english["spring-dialogue"].title == "Spring market dialogue"


def test_ids_do_not_change_between_builds(basic_site, tmp_path):
    from emitted import fixture_build
    from hub.emit import feed
    feed.write(fixture_build(tmp_path / "project"), str(tmp_path / "out"))
    assert (tmp_path / "out" / "sv" / "feed.xml").read_bytes() == (basic_site / "sv" / "feed.xml").read_bytes()


def test_topic_feed_holds_only_that_topic(basic_site):
    parsed = _parse(basic_site / "topics" / "laptops.xml")
    assert [e.link.removeprefix(SITE) for e in parsed.entries] == \
        ["resources/webinar-recording/", "events/autumn-webinar/", "resources/summary-report/"]
    assert parsed.feed.title.endswith("Laptops")


def test_every_page_advertises_the_feed_of_its_language(basic_site):
    pages = [p for p in basic_site.rglob("index.html") if "assets" not in p.parts and "search" not in p.parts]
    checked = 0
    for path in pages:
        doc = lxml_html.fromstring(path.read_bytes())
        if doc.xpath("//meta[@http-equiv='refresh']"):
            continue  # a redirect page for a former id
        lang = doc.get("lang")
        # The whole document, not only <head>: see test_head._meta.
        feeds = doc.xpath("//link[@rel='alternate'][@type='application/atom+xml']/@href")
        assert f"{SITE}{prefix(lang)}feed.xml" in feeds, path
        checked += 1
    assert checked > 7 * 20


def test_topic_pages_advertise_their_topic_feed(basic_site):
    doc = lxml_html.fromstring((basic_site / "de" / "topics" / "smartphones" / "index.html").read_bytes())
    feeds = doc.xpath("//link[@type='application/atom+xml']/@href")
    assert feeds == [f"{SITE}de/feed.xml", f"{SITE}de/topics/smartphones.xml"]


# -- `updated`: each entry's last real change, from git history --

def _history_feed(tmp_path, monkeypatch):
    """The fixture as a repository: each record committed on its own, then some changed (two together)."""
    from emitted import fixture_build
    from history_repo import commit, edit, init
    monkeypatch.setenv("HUB_NOW", "2021-06-01T00:00")
    project = tmp_path / "project"
    fixture_build(project)
    init(project)
    commit(project, "2021-05-25T09:00:00Z", "The hub", "mkdocs.yml", "data/site.yml", "data/topics.yml",
           "data/series.yml", "data/organisations")
    for minute, path in enumerate(sorted(p.relative_to(project).as_posix() for p in (project / "data").rglob("*")
                                         if p.is_file() and p.parent.name in ("events", "cases", "statements",
                                                                              "resources"))):
        commit(project, f"2021-05-25T10:{minute:02d}:00Z", f"Add {path}", path)
    edit(project / "data" / "events" / "autumn-webinar.yml", "start: 2021-10-31T10:00", "start: 2021-10-31T11:00")
    edit(project / "data" / "events" / "autumn-webinar.yml", "end: 2021-10-31T11:00", "end: 2021-10-31T12:00")
    edit(project / "data" / "cases" / "malmo-phones.yml", "year:", "# a comment changes nothing\nyear:")
    commit(project, "2021-05-28T08:00:00Z", "Autumn webinar an hour later; a comment")
    for path in ("events/winter-workshop.yml", "resources/summary-report.yml"):
        edit(project / "data" / path, "summary:", "updated: 2021-05-29\nsummary:")
    commit(project, "2021-05-29T08:00:00Z", "Two records changed together")
    from hub.emit import feed
    feed.write(fixture_build(project), str(tmp_path / "out"))
    return tmp_path / "out"


def test_updated_is_the_last_real_change_and_differs_unless_changed_together(tmp_path, monkeypatch):
    out = _history_feed(tmp_path, monkeypatch)
    for path in (out / "feed.xml", out / "sv" / "feed.xml", out / "topics" / "smartphones.xml"):
        parsed = _parse(path)
        updated = {e.link.split("/")[-3] + "/" + e.link.split("/")[-2]: e.updated for e in parsed.entries}
        together = {"events/winter-workshop", "resources/summary-report"}
        for key, value in updated.items():
            sharing = {k for k, v in updated.items() if v == value}
            assert sharing == {key} or sharing <= together, (path, key, sharing)
        assert parsed.feed.updated == max(e.updated for e in parsed.entries)
    entries = {e.link.split("/")[-2]: e for e in _parse(out / "feed.xml").entries}
    assert entries["autumn-webinar"].updated == "2021-05-28T08:00:00+00:00"
    assert entries["winter-workshop"].updated == entries["summary-report"].updated == "2021-05-29T08:00:00+00:00"
    # A comment is not a change: the case keeps the time it was added to the repository.
    assert entries["malmo-phones"].updated != "2021-05-28T08:00:00+00:00"
    assert entries["malmo-phones"].updated.startswith("2021-05-25T10:")
    # `published` stays the day the record was added to the hub.
    assert entries["autumn-webinar"].published == "2021-05-20T00:00:00+00:00"


def test_without_history_updated_is_the_updated_or_added_day(tmp_path, monkeypatch):
    from emitted import fixture_build
    from history_repo import edit
    from hub.emit import feed
    project = tmp_path / "project"
    fixture_build(project)
    edit(project / "data" / "events" / "winter-workshop.yml", "summary:", "updated: 2021-05-02\nsummary:")
    feed.write(fixture_build(project), str(tmp_path / "out"))
    entries = {e.link.split("/")[-2]: e for e in _parse(tmp_path / "out" / "feed.xml").entries}
    assert entries["winter-workshop"].updated == "2021-05-02T00:00:00+00:00"
    assert entries["winter-workshop"].published == "2020-10-01T00:00:00+00:00"
    assert entries["autumn-webinar"].updated == "2021-05-20T00:00:00+00:00"


def test_a_renamed_records_entry_keeps_the_id_of_its_first_id(basic_site):
    entries = {e.link.split("/")[-2]: e for e in _parse(basic_site / "sv" / "feed.xml").entries}
    # spring-dialogue's first id was old-spring-dialogue (aliases: [old-spring-dialogue]).
    assert entries["spring-dialogue"].id == "tag:127.0.0.1,2021-02-01:sv/events/old-spring-dialogue/"
    assert entries["autumn-webinar"].id == "tag:127.0.0.1,2021-05-20:sv/events/autumn-webinar/"
