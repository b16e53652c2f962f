"""Each page in its language: <html lang>, `lang` on English fallback passages, the switcher to the
same record, and the one 404.html speaking the language of the address asked for."""
import pytest
from sitebuild import LANGUAGES, prefix

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


@pytest.mark.parametrize("lang", LANGUAGES)
def test_404_page_speaks_the_language_of_the_address(reader, lang):
    page = reader.open(f"{prefix(lang)}events/no-such-event/")
    assert reader.response.status == 404
    assert page.evaluate("document.documentElement.lang") == lang
    visible = page.locator(".hub-not-found > div:not([hidden])")
    assert visible.count() == 1 and visible.get_attribute("lang") == lang
    home = visible.locator("a").get_attribute("href")
    assert home == f"/{prefix(lang)}"
    assert page.locator(f".hub-footer[data-lang={lang}]").is_visible()
    if lang != "en":  # the navigation around it is the English build's, and says so
        assert page.get_attribute(".md-tabs", "lang") == "en"


def test_404_page_texts_differ_by_language(reader):
    titles = {}
    for lang in LANGUAGES:
        titles[lang] = reader.open(f"{prefix(lang)}gone/").locator(".hub-not-found > div:not([hidden]) h1").inner_text()
    assert titles["sv"] == "Sidan hittades inte" and titles["de"] == "Seite nicht gefunden"
    assert len(set(titles.values())) == len(LANGUAGES)
