"""The privacy notice says what the site stores in the browser: this holds it to what Chromium sees."""
import pytest

pytestmark = pytest.mark.browser

LANGUAGES = ["", "sv/", "nb/", "da/", "fi/", "nl/", "de/"]

STORED = "() => ({local: Object.keys(localStorage), session: Object.keys(sessionStorage)})"


def test_the_first_page_view_stores_only_the_palette_the_notice_names(new_reader):
    # A fresh reader who never touches the palette toggle: Material still saves `__palette`
    # on load, which is why the notice says "on your first visit, whether or not you switch".
    reader = new_reader(color_scheme="dark")
    page = reader.open("events/")
    page.wait_for_load_state("networkidle")
    stored = page.evaluate(STORED)
    assert stored["session"] == []
    assert [key.rsplit(".", 1)[-1] for key in stored["local"]] == ["__palette"], stored
    assert '"scheme":"slate"' in page.evaluate(f"() => localStorage.getItem({stored['local'][0]!r})")
    assert reader.context.cookies() == []


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_every_privacy_notice_names_what_is_stored(reader, prefix):
    text = reader.open(prefix + "privacy/").locator("article").inner_text()
    assert "__palette" in text
    assert "Material for MkDocs" in text
