"""A record's former ids keep working: a redirect page in every language, with no script needed."""
from __future__ import annotations

import pytest

from sitebuild import LANGUAGES, page, prefix

SITE = "http://127.0.0.1:8000/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_former_id_redirects_in_every_language(basic_site, lang):
    # tests/fixtures/basic/data/events/spring-dialogue.yml has `aliases: [old-spring-dialogue]`.
    doc = page(basic_site, f"{prefix(lang)}events/old-spring-dialogue/")
    assert doc.html["lang"] == lang
    refresh = doc.select_one('meta[http-equiv="refresh"]')["content"]
    assert refresh == "0; url=../spring-dialogue/"
    canonical = doc.select_one('link[rel="canonical"]')["href"]
    assert canonical == f"{SITE}{prefix(lang)}events/spring-dialogue/"
    assert doc.select_one('meta[name="robots"]')["content"] == "noindex"
    link = doc.select_one("body a")
    assert link["href"] == "../spring-dialogue/" and link.get_text(strip=True)
    target = basic_site / prefix(lang) / "events" / "old-spring-dialogue" / link["href"] / "index.html"
    assert target.resolve().is_file()
    assert doc.select("script") == []


def test_redirect_page_speaks_the_language_and_names_the_record(basic_site):
    doc = page(basic_site, "sv/events/old-spring-dialogue/")
    assert doc.select_one("body a").get_text() == "Marknadsdialog på våren"
    assert "flyttats" in doc.select_one("body p").get_text()
    assert doc.title.get_text() == "Marknadsdialog på våren"


def test_record_without_aliases_gets_no_redirects(basic_site):
    folders = {p.name for p in (basic_site / "events").iterdir() if p.is_dir()}
    assert folders == {"spring-dialogue", "autumn-webinar", "cancelled-meeting", "winter-workshop",
                       "old-spring-dialogue"}

