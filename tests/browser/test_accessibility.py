"""WCAG 2.1 AA as axe-core checks it, on every kind of page in every language and both palettes;
page language, language of fallback passages, visible focus, the statement linked from every page."""
import pytest
from browsing import AXE, describe
from sitebuild import LANGUAGES, prefix

pytestmark = pytest.mark.browser

# One page of every kind the site has (the fixture's records).
PAGES = [
    "",  # home
    "events/", "cases/", "statements/", "resources/", "organisations/", "topics/",
    "events/spring-dialogue/",  # agenda, speakers, registration, translated
    "events/autumn-webinar/",  # recording, cancelled neighbour, English fallback elsewhere
    "cases/malmo-phones/", "statements/phone-statement/", "resources/webinar-recording/",
    "organisations/city-of-malmo/", "topics/laptops/",
    "accessibility/", "privacy/",
    "no-such-page/",  # GitHub Pages' 404.html
]


@pytest.fixture(scope="module", autouse=True)
def _axe_present():
    if not AXE.exists():
        pytest.skip(f"axe-core is missing at {AXE}: run `npm ci`")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_passes_axe_in_both_palettes_and_loads_nothing_from_elsewhere(auditor, lang):
    """Also: <html lang> is the language, and no script fails."""
    failures = []
    for path in PAGES:
        auditor.open(prefix(lang) + path, wait_for_script=False)
        result = auditor.audit()
        where = f"/{prefix(lang)}{path}"
        if result["lang"] != lang:
            failures.append(f"{where}: <html lang={result['lang']!r}>, expected {lang!r}")
        if result["light"]:
            failures.append(f"{where} (light palette):\n{describe(result['light'])}")
        if result["dark"]:
            failures.append(f"{where} (dark palette):\n{describe(result['dark'])}")
        if auditor.foreign:
            failures.append(f"{where}: requests to other hosts: {auditor.foreign}")
        if auditor.errors:
            failures.append(f"{where}: script errors: {auditor.errors}")
    assert not failures, "\n".join(failures)


def test_dark_palette_follows_the_systems_setting_and_passes_axe(new_reader):
    reader = new_reader(color_scheme="dark")
    reader.context.add_init_script(path=str(AXE))
    for path in ["", "sv/events/spring-dialogue/", "fi/cases/"]:
        page = reader.open(path)
        assert page.get_attribute("body", "data-md-color-scheme") == "slate"
        violations = reader.axe()
        assert not violations, f"/{path} (dark):\n{describe(violations)}"


def test_a_chosen_palette_is_remembered_without_cookies(new_reader):
    reader = new_reader(color_scheme="light")
    page = reader.open("")
    page.click("label[for=__palette_1]")  # "Switch to dark mode"
    page = reader.open("de/cases/")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    assert reader.context.cookies() == []


_FOCUS = """() => {
    const a = document.activeElement;
    // Material's palette switch is a hidden radio whose visible part is the label after it.
    const e = a.matches("input.md-option") ? a.nextElementSibling : a, s = getComputedStyle(e);
    const ring = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
    const box = e.getBoundingClientRect();
    return {what: a.outerHTML.slice(0, 90), ring, shown: box.width > 0 && box.height > 0};
}"""


@pytest.mark.parametrize("path,start", [
    ("events/autumn-webinar/", None),  # from the top: skip link, header, language list, tabs
    ("events/", "#hub-filter-topic"),  # the filters and the listing
    ("events/autumn-webinar/", ".hub-player__play"),  # player button, links, footer
])
def test_keyboard_focus_is_always_visible(reader, path, start):
    page = reader.open(path)
    if start:
        page.focus(start)
    unseen = []
    for _ in range(25):
        page.keyboard.press("Tab")
        focus = page.evaluate(_FOCUS)
        if focus["what"].startswith("<body"):
            break  # past the last link of the page
        if not (focus["ring"] and focus["shown"]):
            unseen.append(focus["what"])
    assert not unseen, "focused without a visible indicator:\n" + "\n".join(unseen)


@pytest.mark.parametrize("lang", ["en", "sv", "de"])
def test_every_page_links_the_statements_and_shows_funding_and_contact(reader, lang):
    page = reader.open(f"{prefix(lang)}cases/malmo-phones/")
    footer = page.locator(".hub-footer")
    assert footer.locator("a[href^='mailto:hub@example.org']").count() == 1
    assert "Funded by the test budget." in footer.inner_text()
    statement = footer.locator("a[href$='accessibility/']")
    statement.click()
    page.wait_for_url(f"**/{prefix(lang)}accessibility/")
    text = page.locator("article").inner_text()
    assert "access@example.org" in text and "Test enforcement body" in text
    assert page.locator("article a[href='https://example.org/enforcement']").count() == 1


def test_accessibility_statement_follows_the_model_statement(reader):
    page = reader.open("accessibility/")
    headings = page.locator("article h2").all_inner_texts()
    assert headings == ["Compliance status", "Non-accessible content", "Preparation of this accessibility statement",
                        "Feedback and contact information", "Enforcement procedure"]
    text = page.locator("article").inner_text()
    assert "partially compliant" in text and "1 May 2021" in text  # accessibility.reviewed of the fixture
    page = reader.open("fi/accessibility/")
    assert page.locator("article h1").inner_text() == "Saavutettavuusseloste"
    assert "1. toukokuuta 2021" in page.locator("article").inner_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_privacy_notice_names_the_personal_data_and_says_no_cookies(reader, lang):
    page = reader.open(f"{prefix(lang)}privacy/")
    article = page.locator("article")
    assert article.locator("a[href='mailto:hub@example.org']").count() >= 1
    assert "No cookies." in article.inner_text() if lang == "en" else article.locator("li strong").count() >= 5
