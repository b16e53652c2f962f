"""The hub's own facts as a page in one language shows them (hub/render/site_facts.py)."""
from pathlib import Path

import pytest

from hub.render.build import load_build
from hub.render.site_facts import as_html, site_fact, site_facts
from hub.render.text import Localised

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "basic"


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    root = tmp_path_factory.mktemp("facts")
    (root / "mkdocs.yml").write_text((Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text())
    (root / "data").symlink_to(FIXTURE / "data")
    return load_build(str(root))


def test_facts_in_a_language_with_english_fallback_marked(build):
    facts = site_facts(build, "sv")
    assert facts["name"] == Localised("Testnavet", "sv", False)
    assert facts["funding"] == Localised("Funded by the test budget.", "en", True)
    assert facts["prefix"] == "sv/" and facts["locale"] == "sv"
    assert site_facts(build, "en")["locale"] == "en-GB" and site_facts(build, "en")["prefix"] == ""
    assert facts["accessibility"]["contact"] == "access@example.org"
    assert facts["accessibility"]["reviewed"] == "1 maj 2021"
    assert facts["ui"]["accessibility_statement"] == "Tillgänglighetsredogörelse"


def test_site_fact_by_path_and_as_html(build):
    facts = site_facts(build, "de")
    assert as_html(site_fact(facts, "accessibility.enforcement.name")) == '<span lang="en">Test enforcement body</span>'
    assert as_html(site_fact(facts, "contact")) == "hub@example.org"
    assert as_html(site_fact(facts, "name")) == '<span lang="en">Test Hub</span>'
    assert as_html(None) == ""


def test_unknown_fact_names_the_known_ones(build):
    with pytest.raises(KeyError, match="accessibility.contact"):
        site_fact(site_facts(build, "en"), "accessibility.phone")
