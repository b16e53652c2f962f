"""Listings filter in place, keep the choice in the query string, and are links without script."""
import pytest

pytestmark = pytest.mark.browser


def visible_titles(page) -> list[str]:
    return page.eval_on_selector_all(
        ".hub-listing li.hub-item:not([hidden]) a.hub-item__title",
        "links => links.filter(a => a.offsetParent !== null).map(a => a.getAttribute('href').split('/').slice(-2)[0])")


def choose(page, facet: str, value: str):
    page.select_option(f"select[name={facet}]", value)


def query(page) -> str:
    return page.evaluate("location.search")


def test_events_filter_by_topic_kind_year_and_place_and_keep_it_in_the_url(reader):
    page = reader.open("events/")
    assert page.locator("form.hub-filter__form").is_visible()
    assert page.locator(".hub-filter__links").is_hidden()
    assert sorted(visible_titles(page)) == ["autumn-webinar", "cancelled-meeting", "spring-dialogue", "winter-workshop"]

    choose(page, "topic", "smartphones")
    assert visible_titles(page) == ["spring-dialogue", "winter-workshop"]
    assert query(page) == "?topic=smartphones"
    assert page.locator("#year-2021").is_visible() and page.locator("#year-2020").is_visible()

    choose(page, "country", "SE")
    assert visible_titles(page) == ["spring-dialogue"]
    assert page.locator("#year-2020").is_hidden()  # a year with nothing left loses its heading
    assert query(page) == "?topic=smartphones&country=SE"
    assert page.locator(".hub-filter__status").inner_text() == "1 of 4 shown."

    page.click(".hub-filter__form button[type=reset]")
    page.wait_for_function("location.search === ''")
    choose(page, "kind", "webinar")
    assert visible_titles(page) == ["autumn-webinar"]
    assert page.locator("[data-empty-for=upcoming]").is_hidden()
    choose(page, "kind", "workshop")
    assert visible_titles(page) == ["winter-workshop"]
    assert page.locator("[data-empty-for=upcoming]").is_visible()  # nothing upcoming matches

    page.click(".hub-filter__form button[type=reset]")
    choose(page, "year", "2020")
    assert visible_titles(page) == ["winter-workshop"]
    choose(page, "year", "")
    choose(page, "country", "online")
    assert sorted(visible_titles(page)) == ["autumn-webinar", "cancelled-meeting", "winter-workshop"]


def test_a_shared_link_opens_the_filtered_list(reader):
    page = reader.open("sv/events/?topic=smartphones&year=2020")
    assert visible_titles(page) == ["winter-workshop"]
    assert page.input_value("select[name=topic]") == "smartphones"
    assert page.input_value("select[name=year]") == "2020"
    assert page.locator(".hub-filter__status").inner_text() == "1 av 4 visas."
    page = reader.open("events/?topic=no-such-topic&kind=webinar")  # an unknown value is ignored
    assert visible_titles(page) == ["autumn-webinar"]


def test_cases_filter_by_topic_country_and_year(reader):
    page = reader.open("cases/?topic=fair-labour")
    assert visible_titles(page) == ["malmo-phones"]
    assert page.locator("select[name=topic] option").all_inner_texts() == ["All", "Fair labour", "Laptops", "Smartphones"]
    choose(page, "topic", "laptops")
    assert visible_titles(page) == ["oslo-laptops"]
    assert page.locator("#year-2020").is_hidden()
    choose(page, "topic", "")
    choose(page, "country", "SE")
    assert visible_titles(page) == ["malmo-phones"]
    choose(page, "year", "2021")
    assert visible_titles(page) == []
    assert page.locator(".hub-filter__status").inner_text() == "Nothing matches this choice."
    assert query(page) == "?country=SE&year=2021"
    choose(page, "country", "NO")
    assert visible_titles(page) == ["oslo-laptops"]
    assert page.locator("select[name=country] option").all_inner_texts() == ["All", "Norway", "Sweden"]


def test_resources_filter_by_topic_kind_year_and_language(reader):
    page = reader.open("resources/")
    assert sorted(visible_titles(page)) == ["laptop-criteria", "summary-report", "webinar-recording"]
    choose(page, "kind", "recording")
    assert visible_titles(page) == ["webinar-recording"]
    choose(page, "kind", "")
    choose(page, "language", "sv")
    assert visible_titles(page) == ["laptop-criteria"]
    assert page.locator("#year-2021").is_hidden() and page.locator("#year-2020").is_visible()
    choose(page, "language", "")
    choose(page, "topic", "fair-labour")
    assert visible_titles(page) == ["laptop-criteria"]
    choose(page, "topic", "")
    choose(page, "year", "2019")
    assert visible_titles(page) == ["summary-report"]
    assert query(page) == "?year=2019"
    page = reader.open("de/resources/?language=nl")
    assert visible_titles(page) == ["summary-report"]
    assert page.locator("select[name=language] option").all_inner_texts() == ["Alle", "Englisch", "Niederländisch",
                                                                              "Schwedisch"]


@pytest.mark.parametrize("path,topics,years", [
    ("events/", ["fair-labour", "laptops", "smartphones"], ["2021", "2020"]),
    ("cases/", ["fair-labour", "laptops", "smartphones"], ["2021", "2020"]),
    ("resources/", ["fair-labour", "laptops"], ["2021", "2020", "2019"]),
])
def test_without_script_the_filters_are_links_to_topic_pages_and_year_anchors(new_reader, path, topics, years):
    reader = new_reader(java_script_enabled=False)
    page = reader.open("sv/" + path, wait_for_script=False)
    assert page.locator("form.hub-filter__form").is_hidden()
    links = page.locator(".hub-filter__links a")
    hrefs = links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    # (in the reader's alphabetical order of the topics' names)
    assert sorted(h.split("/")[-2] for h in hrefs if "topics/" in h) == topics
    assert [h for h in hrefs if h.startswith("#")] == [f"#year-{y}" for y in years]
    for year in years:
        assert page.locator(f"#year-{year}").count() == 1
    # The topic link leads to the topic's page in the same language.
    page.click(f".hub-filter__links a[href$='topics/{topics[0]}/']")
    assert page.evaluate("location.pathname").endswith(f"/sv/topics/{topics[0]}/")
