"""Each page in its language: <html lang>, `lang` on English fallback passages, the switcher to the
same record, and the one 404.html speaking the language of the address asked for."""
import pytest
from sitebuild import LANGUAGES, prefix

from hub.render.text import ui_strings

pytestmark = pytest.mark.browser


def test_fallback_passages_are_marked_as_english(reader):
    page = reader.open("sv/events/autumn-webinar/")  # no Swedish text in this record
    assert page.evaluate("document.documentElement.lang") == "sv"
    assert page.locator("article h1 > span[lang=en]").inner_text() == "Autumn webinar on laptops"
    assert page.locator(".hub-summary [lang=en]").count() == 1
    assert page.locator(".hub-notice").all_inner_texts() == ["Den här titeln finns ännu inte på svenska.",
                                                            "Den här sammanfattningen finns ännu inte på svenska."]
    # The header repeats the title: marked too (by script).
    assert page.get_attribute("[data-md-component=header-topic] .md-ellipsis", "lang") == "en"
    # The footer's funding line is English in the fixture.
    assert page.get_attribute(".hub-footer__funding", "lang") == "en"
    page = reader.open("sv/events/spring-dialogue/")  # translated: nothing marked
    assert page.locator("article h1 [lang]").count() == 0


@pytest.mark.parametrize("start,target", [("fi", "sv"), ("sv", "de"), ("de", "en"), ("en", "nb")])
def test_language_switcher_goes_to_the_same_record_also_on_fallback_pages(reader, start, target):
    page = reader.open(f"{prefix(start)}events/autumn-webinar/")
    page.hover(".md-select")  # the list opens on hover or focus
    page.click(f"a.md-select__link[hreflang={target}]")
    page.wait_for_url(f"**/{prefix(target)}events/autumn-webinar/", wait_until="domcontentloaded")
    page.wait_for_selector("html[data-hub-ready]", state="attached")
    assert page.evaluate("document.documentElement.lang") == target
    assert page.locator("article h1").inner_text() == "Autumn webinar on laptops"


def open_missing(reader, path: str, lang: str):
    """A missing address: GitHub Pages' root 404.html, then hub.js's move to the language's own."""
    page = reader.open(path, wait_for_script=False)
    status = reader.response.status
    page.wait_for_function(f"document.documentElement.lang === '{lang}' && "
                           "document.documentElement.hasAttribute('data-hub-ready')")
    return page, status


CHROME = """() => ({
  tabs: [...document.querySelectorAll(".md-tabs__link")].map(a => [a.textContent.trim(), new URL(a.href).pathname]),
  site: document.querySelector(".md-header__topic .md-ellipsis").textContent.trim(),
  search: document.querySelector(".md-search__input").getAttribute("placeholder"),
  searchLabel: document.querySelector(".md-search__input").getAttribute("aria-label"),
  footer: document.querySelector(".hub-footer").getAttribute("lang"),
  privacy: document.querySelector(".hub-footer a[href$='privacy/']").textContent.trim(),
  current: document.querySelector(".md-select__link[aria-current=true]").getAttribute("hreflang"),
})"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_404_page_is_wholly_in_the_language_of_the_address(reader, lang):
    ui = ui_strings(lang)
    home = reader.open(prefix(lang)).evaluate(CHROME)  # the language's own pages, to compare with
    page, status = open_missing(reader, f"{prefix(lang)}events/no-such-event/?q=1#x", lang)
    assert status == 404
    # The address asked for stays in the address bar.
    assert page.url == reader.site_url + f"{prefix(lang)}events/no-such-event/?q=1#x"
    assert page.locator(".hub-not-found h1").inner_text() == ui["not_found_title"]
    assert page.locator(".hub-not-found a").get_attribute("href") == f"/{prefix(lang)}"
    # Header, tabs, search and footer are that language's, as on its other pages.
    chrome = page.evaluate(CHROME)
    assert chrome == home
    assert chrome["tabs"][0][0] == ui["nav_home"] and chrome["tabs"][1] == [ui["events"], f"/{prefix(lang)}events/"]
    assert chrome["current"] == lang == chrome["footer"]
    assert not reader.errors


def test_404_page_without_script_is_the_default_languages(browser, site_url):
    from browsing import Reader
    reader = Reader(browser, site_url, java_script_enabled=False)
    try:
        page = reader.open("sv/events/no-such-event/", wait_for_script=False)
        assert reader.response.status == 404
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.locator(".hub-not-found h1").inner_text() == ui_strings("en")["not_found_title"]
    finally:
        reader.close()


def test_404_page_texts_differ_by_language(reader):
    titles = {lang: open_missing(reader, f"{prefix(lang)}gone/", lang)[0].locator(".hub-not-found h1").inner_text()
              for lang in LANGUAGES}
    assert titles["sv"] == "Sidan hittades inte" and titles["de"] == "Seite nicht gefunden"
    assert len(set(titles.values())) == len(LANGUAGES)
