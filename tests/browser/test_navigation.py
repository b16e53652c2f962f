"""Navigation fits and is in one language: the tab bar at 1280 px, the phone's drawer and language
menu at 375 px, in every language."""
import pytest
from browsing import Reader
from sitebuild import LANGUAGES, prefix

from hub.render.text import ui_strings

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}
TABS = ["", "events/", "cases/", "statements/", "resources/", "organisations/", "topics/"]


@pytest.fixture(scope="module")
def phone(browser, site_url):
    r = Reader(browser, site_url, **PHONE)
    yield r
    r.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_tab_bar_fits_at_1280_px(reader, lang):
    for path in ("", "events/", "events/spring-dialogue/"):
        page = reader.open(prefix(lang) + path)
        bar = page.evaluate("""() => {
          const list = document.querySelector(".md-tabs__list"), grid = document.querySelector(".md-tabs .md-grid");
          const items = [...list.querySelectorAll(".md-tabs__item")];
          return {scroll: list.scrollWidth, width: list.clientWidth, right: Math.max(...items.map(i => i.getBoundingClientRect().right)),
                  edge: grid.getBoundingClientRect().right, shown: items.filter(i => i.offsetParent).length,
                  labels: items.map(i => i.textContent.trim())};
        }""")
        assert bar["scroll"] <= bar["width"] and bar["right"] <= bar["edge"], (lang, path, bar)
        assert bar["shown"] == len(TABS), bar
    ui = ui_strings(lang)
    assert bar["labels"][0] == ui["nav_home"]
    # The statement and the notice are in the footer, not the tabs.
    assert ui["accessibility_statement"] not in bar["labels"] and ui["privacy_notice"] not in bar["labels"]
    footer = page.eval_on_selector_all(".hub-footer__links a", "links => links.map(a => a.textContent.trim())")
    assert ui["accessibility_statement"] in footer and ui["privacy_notice"] in footer


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_phone_drawer_shows_every_tab_whole(phone, lang):
    page = phone.open(prefix(lang) + "events/")
    page.click(".md-header label[for=__drawer]")
    page.wait_for_function("document.querySelector('.md-sidebar--primary').getBoundingClientRect().right > 200")
    links = page.evaluate("""() => [...document.querySelectorAll(".md-nav--primary > .md-nav__list > .md-nav__item > .md-nav__link")]
        .map(a => { const text = a.querySelector(".md-ellipsis") || a, r = a.getBoundingClientRect();
                    return {label: text.textContent.trim(), cut: text.scrollWidth > text.clientWidth, right: r.right}; })""")
    # The page open in the drawer is there twice (a label to open its contents, and the link).
    labels = list(dict.fromkeys(link["label"] for link in links))
    assert labels[0] == ui_strings(lang)["nav_home"] and len(labels) == len(TABS), labels
    assert not [link for link in links if link["cut"] or link["right"] > 375], links


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_language_menu_shows_all_seven_at_375_px_and_marks_the_current(phone, lang):
    page = phone.open(prefix(lang) + "events/")
    page.focus(".md-select button")
    page.wait_for_function("getComputedStyle(document.querySelector('.md-select__inner')).visibility === 'visible'")
    items = page.evaluate("""() => [...document.querySelectorAll(".md-select__link")].map(a => {
        const r = a.getBoundingClientRect(), hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return {lang: a.getAttribute("hreflang"), current: a.getAttribute("aria-current"), left: r.left, right: r.right,
                top: r.top, bottom: r.bottom, reachable: a.contains(hit)};
    })""")
    assert [i["lang"] for i in items] == LANGUAGES
    assert [i["lang"] for i in items if i["current"] == "true"] == [lang]
    outside = [i for i in items if i["left"] < 0 or i["right"] > 375 or i["top"] < 0 or i["bottom"] > 812 or not i["reachable"]]
    assert not outside, outside
