"""The seed organisations in data/ are true to the seeds: their official names and what kind of body they are.

That every seed text is in every language is tests/test_seed_translations.py's job.
"""
import pytest
from sitebuild import REPO

from hub.load.content import load_content
from hub.load.siteconfig import read_site_config


@pytest.fixture(scope="module")
def content():
    return load_content(str(REPO), list(read_site_config(str(REPO)).languages))


# Names as the organisations themselves write them: the official local name, or the name they
# use in every language (issue 12).
@pytest.mark.parametrize("record_id,lang,name", [
    ("city-of-malmo", "sv", "Malmö stad"),
    ("city-of-malmo", "de", "Malmö stad"),
    ("city-of-oslo", "sv", "Oslo kommune"),
    ("city-of-copenhagen", "nb", "Københavns Kommune"),
    ("city-of-aalborg", "fi", "Aalborg Kommune"),
    ("city-of-helsinki", "fi", "Helsingin kaupunki"),
    ("city-of-helsinki", "sv", "Helsingfors stad"),
    ("city-of-stavanger", "nl", "Stavanger kommune"),
    ("region-stockholm", "da", "Region Stockholm"),
    ("pianoo", "de", "PIANOo"),
    ("iclei-europe", "fi", "ICLEI Europe"),
    ("city-of-oslo", "en", "City of Oslo"),
])
def test_organisation_names_are_their_official_ones(content, record_id, lang, name):
    assert content["organisations"][record_id].name[lang] == name


@pytest.mark.parametrize("record_id,kind", [
    ("pianoo", "government"),  # the Dutch public procurement expertise centre, not a buyer
    ("rijkswaterstaat", "government"),
    ("national-secretariat-for-sustainable-public-procurement", "network"),  # the Swedish regions' secretariat
    ("electronics-watch", "ngo"),
    ("iclei", "network"),
    ("hiva", "research"),
])
def test_organisation_kinds_are_what_they_are(content, record_id, kind):
    assert content["organisations"][record_id].kind == kind


def test_only_the_buyers_the_seeds_name_are_public_buyers(content):
    buyers = {i for i, o in content["organisations"].items() if o.kind == "public-buyer"}
    assert buyers == {"city-of-malmo", "city-of-oslo", "city-of-helsinki", "city-of-copenhagen",
                      "city-of-aalborg", "city-of-stavanger", "region-stockholm"}
