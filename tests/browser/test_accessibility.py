"""WCAG 2.1 AA as axe-core checks it, on every kind of page in every language and both palettes;
page language, language of fallback passages, visible focus, the statement linked from every page."""
import pytest
from conftest import AXE, describe
from sitebuild import LANGUAGES, prefix

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
def test_every_page_passes_axe_in_both_palettes_and_loads_nothing_from_elsewhere(reader, lang):
    failures = []
    for path in PAGES:
        reader.open(prefix(lang) + path, wait_for_script=False)
        result = reader.audit()
        where = f"/{prefix(lang)}{path}"
        if result["lang"] != lang:
            failures.append(f"{where}: <html lang={result['lang']!r}>, expected {lang!r}")
        if result["light"]:
            failures.append(f"{where} (light palette):\n{describe(result['light'])}")
        if result["dark"]:
            failures.append(f"{where} (dark palette):\n{describe(result['dark'])}")
        if reader.foreign:
            failures.append(f"{where}: requests to other hosts: {reader.foreign}")
    assert not failures, "\n".join(failures)
