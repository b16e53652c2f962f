"""The built fixture site, as a reader sees it in each language."""

import pytest
from sitebuild import LANGUAGES, page, prefix

from hub.render.text import ui_strings

RECORDS = {
    "events": ["spring-dialogue", "autumn-webinar", "cancelled-meeting", "winter-workshop"],
    "cases": ["malmo-phones"], "statements": ["phone-statement"],
    "resources": ["summary-report", "webinar-recording"],
    "organisations": ["city-of-malmo", "city-of-oslo", "test-network"],
    "topics": ["smartphones", "fair-labour", "laptops"],
}
ALL = [(c, i) for c, ids in RECORDS.items() for i in ids]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("collection,record_id", ALL)
def test_every_record_has_its_page_in_every_language(basic_site, lang, collection, record_id):
    doc = page(basic_site, f"{prefix(lang)}{collection}/{record_id}/")
    assert doc.html["lang"] == lang
    assert doc.select_one("article h1").get_text(strip=True)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("collection", list(RECORDS))
def test_listings_link_every_record(basic_site, lang, collection):
    doc = page(basic_site, f"{prefix(lang)}{collection}/")
    links = {a["href"].rstrip("/").split("/")[-1] for a in doc.select("article a.hub-item__title")}
    assert set(RECORDS[collection]) <= links


def test_translated_title_and_no_notice_where_translated(basic_site):
    doc = page(basic_site, "sv/events/spring-dialogue/")
    assert doc.select_one("article h1").get_text(strip=True) == "Marknadsdialog på våren"
    # Only its agenda has an item in English ("Welcome"): the one notice sits there.
    assert [n.get_text(strip=True) for n in doc.select(".hub-notice")] == ["Programmet finns ännu inte på svenska."]
    assert doc.select_one(".hub-notice").find_next("table")["class"] == ["hub-agenda"]
    assert "Dialogen" in doc.select_one(".hub-prose").get_text()


def test_missing_translation_falls_back_to_english_with_notices_at_each_part(basic_site):
    doc = page(basic_site, "sv/events/autumn-webinar/")
    notices = [n.get_text(strip=True) for n in doc.select(".hub-notice")]
    assert notices == ["Den här titeln finns ännu inte på svenska.", "Den här sammanfattningen finns ännu inte på svenska."]
    assert all(n["lang"] == "sv" and n.has_attr("data-pagefind-ignore") for n in doc.select(".hub-notice"))
    summary = doc.select_one(".hub-summary span[lang=en]")
    assert summary is not None and "laptops" in summary.get_text()


def test_plain_text_is_escaped(basic_site):
    doc = page(basic_site, "events/autumn-webinar/")
    assert "A webinar about <laptops> & fair labour." in doc.select_one(".hub-summary").get_text()
    assert doc.select_one(".hub-summary laptops") is None


def test_html_in_a_title_is_shown_as_text(basic_site):
    title = 'Testnetværk "<b>&</b>" </title><script>alert(1)</script>'
    doc = page(basic_site, "da/organisations/test-network/")
    assert doc.select_one("article h1").get_text(strip=True) == title
    assert doc.select_one("article h1 b") is None
    assert not [script for script in doc.select("script") if "alert(1)" in script.get_text()]
    assert doc.title.get_text().startswith(title)
    for meta in doc.select("meta[property='og:title']"):
        assert meta["content"].startswith(title)


def test_html_in_a_summary_is_text_in_the_meta_description(basic_site):
    doc = page(basic_site, "events/autumn-webinar/")
    assert doc.select_one("meta[name=description]")["content"] == "A webinar about <laptops> & fair labour."


def test_event_time_with_zone_across_daylight_saving(basic_site):
    spring = page(basic_site, "events/spring-dialogue/").select_one("time.hub-when")
    assert spring.get_text(strip=True) == "28 March 2021, 09:00–12:30 CEST"
    assert spring["datetime"] == "2021-03-28T09:00:00+02:00"
    autumn = page(basic_site, "de/events/autumn-webinar/").select_one("time.hub-when")
    assert autumn.get_text(strip=True) == "31. Oktober 2021, 10:00–11:00 MEZ"
    assert autumn["datetime"] == "2021-10-31T10:00:00+01:00"
    past = page(basic_site, "events/winter-workshop/").select_one("time.hub-when")
    assert past.get_text(strip=True) == "25 November 2020, 09:00–16:30 CET"


def test_upcoming_and_past_split_around_hub_now(basic_site):
    doc = page(basic_site, "events/")
    upcoming = [a["href"].split("/")[-2] for a in doc.select("[data-section=upcoming] a.hub-item__title")]
    past = [a["href"].split("/")[-2] for a in doc.select("[data-section=past] a.hub-item__title")]
    assert upcoming == ["cancelled-meeting", "autumn-webinar"]  # soonest first
    assert past == ["spring-dialogue", "winter-workshop"]  # most recent first
    years = [ul["data-year"] for ul in doc.select("ul[data-section=past]")]
    assert years == ["2021", "2020"]


def test_cancelled_event_says_so_on_page_and_listing(basic_site):
    assert "cancelled" in page(basic_site, "events/cancelled-meeting/").select_one(".hub-alert").get_text().lower()
    item = page(basic_site, "events/").select_one("li.hub-event--cancelled")
    assert "Cancelled" in item.get_text()
    assert "Inställt" in page(basic_site, "sv/events/").select_one("li.hub-event--cancelled").get_text()


def test_registration_closed_after_deadline(basic_site):
    # Once the event is over there is no register link left on its page (hub/render/actions.py).
    past = page(basic_site, "events/spring-dialogue/")
    assert not past.select('a[href="https://example.org/register"]')
    future = page(basic_site, "events/autumn-webinar/")
    assert future.select_one(".hub-registration__closed").has_attr("hidden")
    assert "29 October 2021" in future.select_one(".hub-registration__open").get_text()


def test_organisation_and_topic_pages_list_what_names_them(basic_site):
    org = page(basic_site, "organisations/city-of-malmo/")
    hrefs = {a["href"] for a in org.select("article a.hub-item__title")}
    assert {"../../events/spring-dialogue/", "../../cases/malmo-phones/", "../../statements/phone-statement/"} <= hrefs
    topic = page(basic_site, "sv/topics/laptops/")
    hrefs = {a["href"] for a in topic.select("article a.hub-item__title")}
    assert {"../../events/autumn-webinar/", "../../resources/summary-report/", "../../resources/webinar-recording/"} <= hrefs


def test_statement_lists_signatories_with_dates_and_count(basic_site):
    doc = page(basic_site, "statements/phone-statement/")
    rows = doc.select("table.hub-signatories tbody tr")
    assert len(rows) == 3
    assert "29 January 2021" in rows[0].get_text()
    assert "2 signatories · 1 supporter" in page(basic_site, "statements/").get_text()


def test_home_shows_upcoming_cases_resources_open_statements(basic_site):
    doc = page(basic_site, "")
    text = doc.select_one("article").get_text()
    for expected in ["Autumn webinar on laptops", "Malmö buys fair phones", "Webinar recording", "Joint statement on phones"]:
        assert expected in text
    assert page(basic_site, "sv/").select_one("article h1").get_text(strip=True) == "Testnavet"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_shows_the_latest_events_held_most_recent_first(basic_site, lang):
    doc = page(basic_site, prefix(lang))
    recent = doc.select_one('ul[data-section="recent"]')
    links = [a["href"] for a in recent.select("a.hub-item__title")]
    # HUB_NOW is 2021-06-01: the spring dialogue (March 2021) was held after the winter workshop (2020).
    assert links == ["events/spring-dialogue/", "events/winter-workshop/"]
    heading = recent.find_previous("h2").get_text(strip=True)
    assert heading == ui_strings(lang)["recent_events"]


def test_language_switcher_goes_to_the_same_record(basic_site):
    doc = page(basic_site, "fi/cases/malmo-phones/")
    links = {a["hreflang"]: a["href"] for a in doc.select("a.md-select__link[hreflang]")}
    assert links["en"] == "../../../cases/malmo-phones/"
    assert links["sv"] == "../../../sv/cases/malmo-phones/"


def test_edit_link_opens_the_yaml_record(basic_site):
    doc = page(basic_site, "events/spring-dialogue/")
    edit = doc.select_one("a.md-content__button[href*='edit']")
    assert edit["href"] == "https://github.com/example/test-hub/edit/main/data/events/spring-dialogue.yml"
