"""The seed content as readers get it: no placeholder reaches a page, and every record page leads somewhere."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from seedsite import SEED_URL, seed_site
from sitebuild import LANGUAGES, REPO, prefix

# The word in each language, as data/site.yml's placeholder texts write it.
PLACEHOLDER_WORDS = re.compile(r"placeholder|platshållare|plassholder|pladsholder|paikkamerkki|tijdelijke tekst|platzhalter",
                               re.IGNORECASE)
EXAMPLE_LINK = re.compile(r"example\.(org|com|net|github\.io)", re.IGNORECASE)
RECORDS = [(c, p.stem) for c in ("events", "cases", "statements", "resources")
           for p in sorted((REPO / "data" / c).glob("*.yml"))]


@pytest.fixture(scope="module")
def site(shared_tmp):
    return seed_site(shared_tmp)


def pages(site):
    return sorted(p for p in site.rglob("*.html"))


def test_no_page_shows_a_placeholder_or_an_example_address(site):
    found = []
    for path in pages(site):
        doc = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for tag in doc(["script", "style"]):
            tag.decompose()
        text = doc.get_text(" ")
        if PLACEHOLDER_WORDS.search(text):
            found.append(f"{path.relative_to(site)}: {PLACEHOLDER_WORDS.search(text)[0]!r} in the text")
        for tag in doc.find_all(True):
            for name in ("href", "src", "content", "action", "data-video"):
                value = tag.get(name)
                if isinstance(value, str) and EXAMPLE_LINK.search(value) and not value.startswith(SEED_URL):
                    found.append(f"{path.relative_to(site)}: <{tag.name} {name}={value!r}>")
    assert not found, "\n".join(found[:30])


def test_no_edit_link_while_the_repository_is_a_placeholder(site):
    doc = BeautifulSoup((site / "events" / "cfit-launch-2021" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert doc.select_one("article") is not None
    assert not doc.select("a.md-content__button")  # Material's "Edit this page"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_record_page_has_one_primary_action_right_under_its_title(site, lang):
    for collection, record_id in RECORDS:
        path = site / prefix(lang) / collection / record_id / "index.html"
        doc = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        article = doc.select_one("article")
        heading = article.find("h1")
        actions = heading.find_next_sibling()
        assert actions is not None and "hub-actions" in actions.get("class", []), (lang, collection, record_id)
        primary = actions.select(".hub-actions__primary a.md-button--primary:not([hidden] *)")
        assert primary and primary[0]["href"], (lang, collection, record_id)
        # Before the facts, in the page's order.
        facts = article.select_one(".hub-facts-box")
        assert facts is None or str(article).index("hub-actions") < str(article).index("hub-facts-box")
