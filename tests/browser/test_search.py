"""Search in each language finds pages in that language only, translated titles included."""
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


# Material's own texts in the result header: what it shows once the index is ready, and after a query.
_STATE = """() => {
  const t = JSON.parse(document.getElementById("__config").textContent).translations;
  const meta = document.querySelector(".md-search-result__meta").textContent.trim();
  return meta === t["search.result.placeholder"] ? "ready" : meta.startsWith("Initiali") ? "loading" : "answered";
}"""


def search(page, words: str) -> list[str]:
    """Query Material's search box once; the site paths of the results (with their language prefix)."""
    box = page.locator(".md-search__input")
    box.click()
    box.fill("")
    box.press("End")
    page.wait_for_function(f"({_STATE})() === 'ready'")
    box.fill(words)
    box.press("End")  # Material searches on keyup: one query, with the whole words
    page.wait_for_function(f"({_STATE})() === 'answered'")
    hrefs = page.eval_on_selector_all(".md-search-result__item > a.md-search-result__link",
                                      "links => links.map(a => a.href)")
    return [urlsplit(h).path.lstrip("/") for h in hrefs]


def test_search_in_swedish_finds_the_translated_title_and_only_swedish_pages(reader):
    page = reader.open("sv/")
    found = search(page, "marknadsdialog")
    assert "sv/events/spring-dialogue/" in found
    assert found and all(path.startswith("sv/") for path in found), found


def test_search_in_english_returns_no_page_of_another_language(reader):
    page = reader.open("events/")
    found = search(page, "dialogue")
    assert "events/spring-dialogue/" in found
    assert all(path.split("/")[0] not in {"sv", "nb", "da", "fi", "nl", "de"} for path in found), found
    assert search(page, "marknadsdialog") == []  # the Swedish title is not in the English index


@pytest.mark.parametrize("lang", ["de", "fi"])
def test_untranslated_records_are_found_under_the_readers_language(reader, lang):
    page = reader.open(f"{lang}/")
    found = search(page, "laptops")
    assert f"{lang}/events/autumn-webinar/" in found
    assert all(path.startswith(f"{lang}/") for path in found), found
