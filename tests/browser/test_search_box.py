"""The header's search (Pagefind): in the reader's language only, by keyboard, fetched only when used."""
import json
from urllib.parse import urlsplit

import pytest
from browsing import describe

pytestmark = pytest.mark.browser


def search(page, words: str, show: str = "") -> list[dict]:
    """Open the search with '/', type `words`, wait for the answer; the results as the reader sees them."""
    page.keyboard.press("/")
    if show:
        page.select_option("#hub-search-show", show)
    page.locator("#hub-search-input").fill(words)
    answered = json.dumps([words, show], ensure_ascii=False, separators=(",", ":"))
    page.wait_for_function("a => document.querySelector('[data-hub-search]').dataset.answered === a", arg=answered)
    return page.eval_on_selector_all(".hub-search__result a", """links => links.map(a => ({
      path: new URL(a.href).pathname.slice(1),
      kind: (a.querySelector('.hub-search__kind') || {}).textContent || '',
      title: a.querySelector('.hub-search__title').textContent,
      marked: Array.from(a.querySelectorAll('.hub-search__excerpt mark'), m => m.textContent),
      excerpt: a.querySelector('.hub-search__excerpt').textContent}))""")


def status(page) -> str:
    return page.locator(".hub-search__status").text_content()


def test_a_swedish_word_finds_the_swedish_page_and_no_other_languages_with_its_excerpt(reader):
    page = reader.open("sv/")
    found = search(page, "marknadsdialog")
    assert found and all(r["path"].startswith("sv/") for r in found), found
    event = next(r for r in found if r["path"] == "sv/events/spring-dialogue/")
    assert event["title"] == "Marknadsdialog på våren"
    assert event["kind"] == "Evenemang · tidigare"  # collection and, at HUB_NOW, past
    assert any(m.lower().startswith("marknadsdialog") for m in event["marked"]), event
    assert status(page) in {f"{len(found)} träffar", "1 träff"}
    assert not reader.errors and not reader.failed


def test_english_search_returns_no_page_of_another_language(reader):
    page = reader.open("events/")
    found = search(page, "dialogue")
    assert "events/spring-dialogue/" in [r["path"] for r in found]
    assert all(r["path"].split("/")[0] not in {"sv", "nb", "da", "fi", "nl", "de"} for r in found), found
    # The Swedish title is not in the English index.
    assert not any("Marknadsdialog" in r["title"] or r["path"].startswith("sv/") for r in search(page, "marknadsdialog"))
    assert search(page, "qqxyzzy") == [] and status(page) == "No results for “qqxyzzy”."


@pytest.mark.parametrize("lang", ["de", "fi"])
def test_untranslated_records_are_found_under_the_readers_language(reader, lang):
    page = reader.open(f"{lang}/")
    found = [r["path"] for r in search(page, "laptops")]
    assert f"{lang}/events/autumn-webinar/" in found
    assert all(path.startswith(f"{lang}/") for path in found), found


def test_the_filter_keeps_upcoming_events_only(reader):
    page = reader.open("")
    found = search(page, "laptops", show="when:upcoming")
    assert [r["path"] for r in found] == ["events/autumn-webinar/"]
    assert found[0]["kind"] == "Event · upcoming"


def test_keyboard_slash_arrows_enter_and_escape(reader):
    page = reader.open("cases/")
    opener = page.locator(".hub-search__open")
    assert opener.get_attribute("aria-expanded") == "false"
    found = search(page, "dialogue")
    assert opener.get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    first = page.evaluate("document.activeElement.closest('.hub-search__result') !== null")
    assert first, "ArrowDown from the box goes to the first result"
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "hub-search-input"
    page.keyboard.press("Escape")
    assert page.locator("#hub-search").is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('hub-search__open')")
    # 's' opens it too; Enter goes to the first result.
    page.keyboard.press("s")
    assert page.evaluate("document.activeElement.id") == "hub-search-input"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path.lstrip("/") == found[0]["path"]


def test_opening_a_page_fetches_nothing_of_the_search_until_the_reader_starts(reader):
    page = reader.open("sv/events/spring-dialogue/")
    page.wait_for_load_state("networkidle")
    searchy = [u for u in reader.requests if "/pagefind/" in u or u.endswith("/search.js")]
    assert searchy == []
    # Opening the box is starting to search: its script and Pagefind's come then.
    with page.expect_request(lambda request: request.url.endswith("/pagefind/sv/pagefind.js")):
        page.locator(".hub-search__open").click()
    assert any(u.endswith("/assets/javascripts/search.js") for u in reader.requests)


@pytest.mark.parametrize("path", ["", "sv/events/", "de/events/spring-dialogue/", "fi/statements/", "nb/topics/"])
def test_a_page_view_has_no_404_and_no_console_error(reader, path):
    page = reader.open(path)
    page.wait_for_load_state("networkidle")
    assert reader.failed == [], reader.failed  # Material's sitemap look-ups are answered without a request
    assert not any(u.endswith("sitemap.xml") for u in reader.requests)
    assert reader.console_errors == [] and reader.errors == []


def test_open_search_fits_a_phone_and_passes_axe_in_both_palettes(new_reader):
    reader = new_reader(axe=True, viewport={"width": 375, "height": 740}, color_scheme="dark")
    page = reader.open("sv/events/")
    search(page, "dialog")
    box = page.locator("#hub-search").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    result = reader.audit()
    assert not result["light"] and not result["dark"], describe(result["light"] + result["dark"])


def test_without_javascript_the_header_links_to_the_listings(new_reader):
    reader = new_reader(java_script_enabled=False)
    page = reader.open("sv/", wait_for_script=False)
    assert page.locator(".hub-search__open").is_hidden()
    link = page.locator("a.hub-search__fallback")
    assert link.is_visible() and link.get_attribute("href") == "topics/"  # the Swedish topics listing
    assert link.text_content().strip() == "Bläddra i listorna"
