"""Time on a static site: the script's "now" (HUB_NOW of the build, else the browser's clock) moves
events that are over into the past and closes registrations; times also show in the reader's zone."""
import re
from datetime import datetime, timezone

import pytest

pytestmark = pytest.mark.browser

BUILD_NOW = "2021-06-01T00:00:00+00:00"  # HUB_NOW of the fixture build


def set_now(reader, moment: str | None):
    """Serve every page as if built with HUB_NOW=moment (None: no HUB_NOW, the browser's clock rules)."""
    def rewrite(route):
        response = route.fetch()
        body = response.text()
        meta = f'<meta name="hub-now" content="{BUILD_NOW}">'
        assert meta in body, "the fixture build should carry its HUB_NOW"
        body = body.replace(meta, f'<meta name="hub-now" content="{moment}">' if moment else "")
        route.fulfill(response=response, body=body)
    reader.context.route(re.compile(r"/(index\.html)?(\?.*)?$"), rewrite)


def section(page, name: str) -> list[str]:
    return page.eval_on_selector_all(
        f"ul[data-section={name}] li.hub-event a.hub-item__title",
        "links => links.map(a => a.getAttribute('href').split('/').slice(-2)[0])")


def test_listings_carry_machine_readable_dates(reader):
    page = reader.open("events/")
    stamps = page.eval_on_selector_all("li.hub-event time[datetime]", "ts => ts.map(t => t.getAttribute('datetime'))")
    assert len(stamps) == 4 and all(datetime.fromisoformat(s).tzinfo for s in stamps)
    page = reader.open("resources/")
    assert page.locator("li.hub-item time[datetime='2019']").count() == 1


def test_a_build_with_hub_now_is_read_at_that_moment(reader):
    page = reader.open("events/")
    assert page.get_attribute("meta[name=hub-now]", "content") == BUILD_NOW
    assert section(page, "upcoming") == ["cancelled-meeting", "autumn-webinar"]
    assert section(page, "past") == ["spring-dialogue", "winter-workshop"]


def test_events_that_are_over_move_into_the_past_in_order(new_reader):
    reader = new_reader()
    set_now(reader, "2021-09-15T00:00:00+00:00")  # after the meeting of 1 September
    page = reader.open("events/")
    assert section(page, "upcoming") == ["autumn-webinar"]
    assert section(page, "past") == ["cancelled-meeting", "spring-dialogue", "winter-workshop"]
    set_now(reader, "2021-10-31T10:00:00+00:00")  # the webinar ended at 11:00 in Oslo, 10:00 UTC
    page = reader.open("events/")
    assert section(page, "upcoming") == []
    assert page.locator("[data-empty-for=upcoming]").is_visible()
    assert section(page, "past") == ["autumn-webinar", "cancelled-meeting", "spring-dialogue", "winter-workshop"]
    page = reader.open("sv/")  # the home page only drops them
    assert section(page, "upcoming") == []
    assert "Inga kommande evenemang" in page.locator("[data-empty-for=upcoming]").inner_text()


def test_without_hub_now_the_browsers_clock_is_now(new_reader):
    reader = new_reader()
    set_now(reader, None)
    reader.page.clock.set_fixed_time(datetime(2021, 9, 15, tzinfo=timezone.utc))
    page = reader.open("de/events/")
    assert page.locator("meta[name=hub-now]").count() == 0
    assert section(page, "upcoming") == ["autumn-webinar"]
    assert section(page, "past")[0] == "cancelled-meeting"


@pytest.mark.parametrize("moment,closed", [
    ("2021-10-29T21:30:00+00:00", False),  # 23:30 on the 29th in Oslo: the deadline day
    ("2021-10-29T22:30:00+00:00", True),  # 00:30 on the 30th in Oslo
])
def test_registration_closes_after_its_deadline_in_the_events_zone(new_reader, moment, closed):
    reader = new_reader()
    set_now(reader, moment)
    page = reader.open("events/autumn-webinar/")
    assert page.locator(".hub-registration__closed").is_visible() == closed
    assert page.locator(".hub-registration__open").is_visible() == (not closed)
    assert page.locator(".hub-past-flag").is_hidden()


def test_event_page_says_it_has_taken_place(new_reader):
    reader = new_reader()
    set_now(reader, "2021-11-01T00:00:00+00:00")
    page = reader.open("events/autumn-webinar/")
    assert page.locator(".hub-past-flag").is_visible()
    assert page.locator(".hub-registration__closed").is_visible()


def test_event_times_also_in_the_readers_zone(new_reader):
    reader = new_reader(timezone_id="America/New_York")
    page = reader.open("events/autumn-webinar/")
    assert page.locator("time.hub-when").inner_text() == "31 October 2021, 10:00–11:00 CET"
    local = page.locator(".hub-localtime").inner_text()
    assert local.startswith("Your time: 31 October 2021")
    assert "05:00" in local and "06:00" in local  # 09:00–10:00 UTC; New York is still on summer time
    page = reader.open("sv/events/spring-dialogue/")
    assert page.locator(".hub-localtime").inner_text().startswith("Din tid: 28 mars 2021")
    assert "03:00" in page.locator(".hub-localtime").inner_text()  # 09:00 CEST is 03:00 EDT


def test_no_second_time_when_the_reader_shares_the_events_clock(reader):
    page = reader.open("events/autumn-webinar/")  # Oslo event, reader in Brussels: same wall clock
    assert page.locator(".hub-localtime").count() == 0


@pytest.mark.parametrize("lang,event_zone,reader_zone", [
    ("fi", "UTC+1", "UTC+2"),  # Finnish has no zone abbreviations: offsets on both, never "+0200" or "GMT+2"
    ("de", "MEZ", "OEZ"),
    ("en", "CET", "EET"),
])
def test_the_readers_time_uses_the_pages_zone_notation(new_reader, lang, event_zone, reader_zone):
    reader = new_reader(timezone_id="Europe/Helsinki")
    prefix = "" if lang == "en" else f"{lang}/"
    page = reader.open(f"{prefix}events/autumn-webinar/")  # 31 October 2021, after the clocks went back
    assert page.locator("time.hub-when").inner_text().endswith(event_zone)
    local = page.locator(".hub-localtime").inner_text()
    assert local.endswith(reader_zone) and "11:00" in local and "12:00" in local, local
    assert "GMT" not in local and not re.search(r"[+-]\d{4}", local)


def test_the_readers_time_across_a_clock_change_names_each_ends_zone(new_reader):
    reader = new_reader(timezone_id="Europe/Helsinki")
    page = reader.open("events/spring-dialogue/")  # 28 March 2021 09:00–12:30 Stockholm, clocks went forward at 03:00 Helsinki
    assert page.locator("time.hub-when").inner_text() == "28 March 2021, 09:00–12:30 CEST"
    assert page.locator(".hub-localtime").inner_text() == "Your time: 28 March 2021, 10:00–13:30 EEST"
