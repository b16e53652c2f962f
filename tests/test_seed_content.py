"""The seed content in data/ itself: translated into every site language, and true to the seeds."""
import pytest
from sitebuild import REPO

from hub.cli.status import translation_status
from hub.load.content import load_content
from hub.load.siteconfig import read_site_config

# Collections whose seed records are translated in full; events, cases, statements and
# resources join this list once theirs are.
COMPLETE = ("organisations/", "topics/", "series/", "site")


@pytest.fixture(scope="module")
def content():
    return load_content(str(REPO), list(read_site_config(str(REPO)).languages))


def test_every_seed_organisation_topic_series_and_site_text_is_in_every_language(content):
    assert len(content.languages) == 7
    missing = {f"{s.lang}: {key}": fields for s in translation_status(content)
               for key, fields in s.missing.items() if key.startswith(COMPLETE)}
    assert not missing, f"texts that lost a language (add it back): {missing}"


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
