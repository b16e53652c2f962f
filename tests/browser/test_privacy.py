"""Nothing leaves the site while pages load; no cookies; recordings load their player only on a click."""
import re

import pytest
from sitebuild import REPO

pytestmark = pytest.mark.browser


def test_pages_make_no_request_to_another_host_even_after_loading(reader):
    # The axe sweep checks every page as it loads; here the pages also get time to go idle
    # (lazy images, Material's look-ups) before the requests are counted.
    for path in ["", "sv/events/autumn-webinar/", "resources/webinar-recording/", "de/cases/"]:
        reader.open(path)
        reader.page.wait_for_load_state("networkidle")
        assert reader.requests, "no request was recorded at all"
        assert not reader.foreign, f"/{path} asked other hosts: {reader.foreign}"


def test_no_cookies_and_no_repository_widget(reader):
    reader.open("events/spring-dialogue/")
    reader.page.wait_for_load_state("networkidle")
    assert reader.context.cookies() == []
    # Material fetches facts from GitHub's API when repo_url is set: keep it unset.
    assert not re.search(r"^repo_url\s*:", (REPO / "mkdocs.yml").read_text(), re.MULTILINE)
    assert reader.page.locator("[data-md-component=source]").count() == 0


@pytest.mark.parametrize("path,player", [
    ("events/autumn-webinar/", "https://www.youtube-nocookie.com/embed/abc123?"),
    ("sv/resources/webinar-recording/", "https://player.vimeo.com/video/123?dnt=1"),
])
def test_recording_is_a_placeholder_until_the_reader_asks_for_the_player(new_reader, path, player):
    reader = new_reader()
    # The player must never really load here: any request off the test server is refused.
    reader.context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())
    page = reader.open(path)
    page.wait_for_load_state("networkidle")
    assert page.locator("iframe").count() == 0
    assert not reader.foreign
    button = page.locator(".hub-player__play")
    assert button.is_visible()
    assert page.locator(".hub-player__notice").is_visible()
    # The link to the recording's own page stays, for readers without script or who prefer it.
    assert page.locator(".hub-recording a, .md-button--primary[href*='vimeo']").count() >= 1
    button.click()
    frame = page.locator(".hub-player__frame iframe")
    assert frame.count() == 1
    assert frame.get_attribute("src").startswith(player)
    assert frame.get_attribute("title")  # named for screen readers
    assert all(not url.startswith(("https://www.youtube.com", "https://vimeo.com")) for url in reader.foreign)


def test_recordings_say_whether_captions_are_available(reader):
    page = reader.open("events/autumn-webinar/")
    assert "Captions are available." in page.locator(".hub-captions").inner_text()
    page = reader.open("de/resources/webinar-recording/")
    captions = page.locator(".hub-captions")
    assert captions.locator("a[href='https://example.org/captions.vtt']").count() == 1
