"""At 375 px wide nothing overflows sideways, and agenda and signatory tables stay readable."""
import pytest
from browsing import Reader

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}
PAGES = ["", "events/", "cases/", "resources/", "events/spring-dialogue/", "events/autumn-webinar/",
         "statements/phone-statement/", "cases/malmo-phones/", "organisations/city-of-malmo/", "accessibility/",
         "nonexistent/"]


@pytest.fixture(scope="module")
def phone(browser, site_url):
    r = Reader(browser, site_url, **PHONE)
    yield r
    r.close()


@pytest.mark.parametrize("lang", ["en", "fi", "de"])  # Finnish and German: the longest words
def test_nothing_overflows_horizontally(phone, lang):
    wide = {}
    for path in PAGES:
        page = phone.open(("" if lang == "en" else f"{lang}/") + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 375:
            culprits = page.evaluate("""() => [...document.querySelectorAll("body *")]
                .filter(e => e.getBoundingClientRect().right > 376 && getComputedStyle(e).position !== "fixed")
                .slice(0, 5).map(e => e.tagName.toLowerCase() + "." + [...e.classList].join("."))""")
            wide[path] = (width, culprits)
    assert not wide, wide


def test_agenda_rows_stack_into_readable_blocks(phone):
    page = phone.open("events/spring-dialogue/")
    cells = page.eval_on_selector_all(
        "table.hub-agenda tbody td", "cells => cells.map(c => { const r = c.getBoundingClientRect();"
        " return {left: r.left, right: r.right, text: c.innerText.trim()}; })")
    assert cells and all(c["left"] >= 0 and c["right"] <= 375 for c in cells), cells
    time_cell, title_cell = cells[0], cells[1]
    assert time_cell["text"] == "09:00–09:30"
    # Stacked: the item sits under its time, not squeezed into a column beside it.
    assert title_cell["left"] == time_cell["left"]


def test_wide_tables_scroll_inside_their_box_not_the_page(phone):
    page = phone.open("de/statements/phone-statement/")
    box = page.locator(".hub-table-wrap").first
    assert box.evaluate("b => getComputedStyle(b).overflowX") == "auto"
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
