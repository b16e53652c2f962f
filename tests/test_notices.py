"""Where a part of a page falls back to English, its notice sits at that part, in the page's language."""
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from hub.render.build import load_build
from hub.render.text import ui_strings

REPO = Path(__file__).resolve().parent.parent
BASIC = REPO / "tests" / "fixtures" / "basic" / "data"


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    root = tmp_path_factory.mktemp("notices")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(BASIC, root / "data")
    return load_build(str(root))


def notices(build, collection, record_id, lang):
    doc = BeautifulSoup(build.renderer.record_page(collection, record_id, lang), "html.parser")
    return doc, doc.select(".hub-notice")


def test_each_fallback_part_has_its_own_notice_just_before_it(build):
    doc, found = notices(build, "events", "winter-workshop", "de")  # title in Swedish only; summary, report English
    texts = [n.get_text(strip=True) for n in found]
    assert texts == [ui_strings("de")["untranslated_title"], ui_strings("de")["untranslated_summary"],
                     ui_strings("de")["untranslated_report"]]
    assert texts[0] == "Dieser Titel ist noch nicht auf Deutsch verfügbar."
    # Each sits beside the part it is about.
    assert found[0].find_previous_sibling("h1") is not None
    assert "hub-summary" in found[1].find_previous_sibling("p")["class"]
    assert "agreed" in found[2].find_next_sibling("div", class_="hub-prose").get_text()


def test_notices_are_in_the_pages_language_and_left_out_of_search(build):
    for lang in ("sv", "nb", "da", "fi", "nl", "de"):
        _, found = notices(build, "events", "autumn-webinar", lang)
        assert found and all(n["lang"] == lang and n.has_attr("data-pagefind-ignore") for n in found)


def test_no_notice_on_english_pages_or_for_translated_parts(build):
    assert notices(build, "events", "winter-workshop", "en")[1] == []
    _, found = notices(build, "cases", "malmo-phones", "sv")  # title translated; summary and the rest English
    texts = [n.get_text(strip=True) for n in found]
    assert ui_strings("sv")["untranslated_title"] not in texts
    assert ui_strings("sv")["untranslated_summary"] in texts
    assert ui_strings("sv")["untranslated_criteria"] in texts and ui_strings("sv")["untranslated_results"] in texts


def test_a_list_gets_one_notice_when_any_item_is_in_english(build):
    _, found = notices(build, "events", "spring-dialogue", "sv")  # one agenda item of two is English
    assert [n.get_text(strip=True) for n in found] == [ui_strings("sv")["untranslated_agenda"]]


def test_organisation_and_topic_names(build):
    _, found = notices(build, "organisations", "city-of-oslo", "sv")  # named in nb only
    assert [n.get_text(strip=True) for n in found] == [ui_strings("sv")["untranslated_name"]]
    assert notices(build, "organisations", "city-of-oslo", "nb")[1] == []
    _, found = notices(build, "topics", "laptops", "fi")
    assert [n.get_text(strip=True) for n in found] == [ui_strings("fi")["untranslated_name"]]
