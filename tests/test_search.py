"""hub/emit/search.py: Pagefind's index of the built site, per language, of the articles only."""
import json

import pytest
from sitebuild import LANGUAGES, page

from hub.emit import search

pytestmark = pytest.mark.usefixtures("basic_site")


def test_material_search_index_is_gone_and_pagefind_has_one_index_per_language(basic_site):
    assert not (basic_site / "search" / "search_index.json").exists()
    assert sorted(p.name for p in (basic_site / "pagefind").iterdir()) == sorted(LANGUAGES)
    counts = {}
    for lang in LANGUAGES:  # each language's bundle holds its pages and no other language's
        entry = json.loads((basic_site / "pagefind" / lang / "pagefind-entry.json").read_text())
        assert list(entry["languages"]) == [lang]
        counts[lang] = entry["languages"][lang]["page_count"]
    # Every language has every page (translated or shown in English), and nothing else is indexed.
    assert len(set(counts.values())) == 1, counts
    pages = [p for p in basic_site.rglob("index.html")
             if p.parent.name != "old-spring-dialogue" and "pagefind" not in p.parts]
    assert counts["en"] * len(LANGUAGES) == len(pages)


def test_only_the_article_is_indexed_with_its_collection_and_time(basic_site):
    doc = page(basic_site, "sv/events/spring-dialogue/")
    body = doc.select("[data-pagefind-body]")
    assert len(body) == 1 and body[0].find_parent("article") is not None
    assert body[0]["data-pagefind-filter"] == "collection[data-collection], when[data-when]"
    assert (body[0]["data-collection"], body[0]["data-when"]) == ("event", "past")  # HUB_NOW=2021-06-01
    assert page(basic_site, "events/autumn-webinar/").select_one("[data-pagefind-body]")["data-when"] == "upcoming"
    assert page(basic_site, "fi/cases/malmo-phones/").select_one("[data-pagefind-body]")["data-collection"] == "case"
    # Listings and hand-written pages are searched, without a collection.
    listing = page(basic_site, "events/").select_one("[data-pagefind-body]")
    assert listing is not None and not listing.has_attr("data-pagefind-filter")


@pytest.mark.parametrize("path", ["404.html", "events/old-spring-dialogue/index.html"])
def test_pages_that_are_not_content_are_not_indexed(basic_site, path):
    assert not page(basic_site, path).select("[data-pagefind-body]")


def test_untranslated_notice_is_left_out_of_the_index():
    assert ".hub-notice" in search.IGNORED


def test_the_search_box_is_in_the_header_in_the_pages_language(basic_site):
    doc = page(basic_site, "sv/events/")
    box = doc.select_one(".md-header [data-hub-search]")
    dialog = box.select_one("[role=dialog]")
    assert dialog["aria-label"] == "Sök på kunskapsnavet"
    assert box.select_one("label[for=hub-search-input]").get_text(strip=True) == "Sök på kunskapsnavet"
    text = json.loads(box.select_one(".hub-search__text").string)
    assert text["none"] == "Inga träffar för ”{query}”." and text["kind"]["event"] == "Evenemang"
    # Without script: a link to the listings, in the same language.
    assert box.select_one("a.hub-search__fallback")["href"] == "../topics/"
    assert not doc.select("[data-md-component=search]")  # Material's search is not there


def test_page_filters_follow_the_build_time():
    class Build:
        class index:
            @staticmethod
            def is_past(event):
                return event == "old"
        content = {"events": {"a": "old", "b": "new"}}

    assert search.page_filters(Build, "events/a") == {"collection": "event", "when": "past"}
    assert search.page_filters(Build, "events/b") == {"collection": "event", "when": "upcoming"}
    assert search.page_filters(Build, "organisations/x") == {"collection": "organisation"}
    assert search.page_filters(Build, None) == {}
    assert search.filter_attributes({}) == {}


def test_hreflang_alternates_are_absolute_and_name_the_same_page(basic_site):
    doc = page(basic_site, "fi/cases/malmo-phones/")
    links = {link["hreflang"]: link["href"] for link in doc.select("head link[rel=alternate][hreflang]")}
    assert links["en"] == "http://127.0.0.1:8000/cases/malmo-phones/"
    assert links["sv"] == "http://127.0.0.1:8000/sv/cases/malmo-phones/"
    assert set(links) == set(LANGUAGES) | {"x-default"}
    assert links["x-default"] == links["en"]


def test_record_pages_name_the_toc_control_and_carry_a_table_of_contents_for_phones(basic_site):
    doc = page(basic_site, "sv/events/spring-dialogue/")
    for label in doc.select("label[for]"):
        assert doc.find(id=label["for"]) is not None, label
    toc = doc.select_one("article details.hub-toc")
    assert toc.summary.get_text(strip=True) == "Innehållsförteckning"
    assert toc.select("a[href^='#']")


def test_the_build_checks_that_every_language_has_its_own_full_index(basic_site, tmp_path):
    from hub.emit import outputs
    from hub.render.build import load_build

    build = load_build(str(basic_site.parent), "http://127.0.0.1:8000/")
    assert search.check in outputs.CHECKS and search.check(build, str(basic_site)) == []
    site = tmp_path / "site"
    for lang in LANGUAGES:  # each language's home page and bundle entry: what the check reads
        prefix = "" if lang == "en" else f"{lang}/"
        (site / prefix).mkdir(parents=True, exist_ok=True)
        (site / prefix / "index.html").write_bytes((basic_site / prefix / "index.html").read_bytes())
        (site / "pagefind" / lang).mkdir(parents=True)
        (site / "pagefind" / lang / "pagefind-entry.json").write_bytes(
            (basic_site / "pagefind" / lang / "pagefind-entry.json").read_bytes())
    assert search.check(build, str(site)) == []
    (site / "pagefind" / "fi" / "pagefind-entry.json").unlink()
    entry = json.loads((site / "pagefind" / "de" / "pagefind-entry.json").read_text())
    entry["languages"]["de"]["page_count"] = 1
    (site / "pagefind" / "de" / "pagefind-entry.json").write_text(json.dumps(entry))
    problems = search.check(build, str(site))
    assert problems[0] == "search: no index for fi (expected pagefind/fi/pagefind-entry.json)"
    assert problems[1].startswith("search: the de index holds 1 pages in de; expected de alone, with at least")
    assert len(problems) == 2
