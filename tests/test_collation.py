"""Listings and lists of names in the reader's alphabetical order (ICU), by the names the reader sees."""
import re
import shutil
from pathlib import Path

import pytest

from hub.render.build import load_build
from hub.render.collation import collated

REPO = Path(__file__).resolve().parent.parent
BASIC = REPO / "tests" / "fixtures" / "basic" / "data"

ORGANISATIONS = {  # id -> names; ids in English alphabetical order, names not
    "city-of-aarhus": "{en: City of Aarhus, sv: Århus kommun, da: Aarhus Kommune}",
    "city-of-orebro": "{en: City of Örebro, sv: Örebro kommun}",
    "city-of-vasteras": "{en: City of Västerås, sv: Västerås stad}",
    "city-of-zurich": "{en: City of Zurich, sv: Zürich stad, de: Stadt Zürich}",
}


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    root = tmp_path_factory.mktemp("collation")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(BASIC, root / "data")
    for record_id, name in ORGANISATIONS.items():
        (root / "data" / "organisations" / f"{record_id}.yml").write_text(f"name: {name}\nkind: public-buyer\n", encoding="utf-8")
    case = (root / "data" / "cases" / "malmo-phones.yml")
    case.write_text(re.sub(r"^buyers:.*$", "buyers: [city-of-zurich, city-of-orebro, city-of-aarhus, city-of-vasteras]",
                           case.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    for case_id, title in (("aarhus-laptops", "{en: Aarhus buys laptops, sv: Århus köper datorer}"),
                           ("borlange-phones", "{en: Borlange buys phones, sv: Borlänge köper telefoner}")):
        (root / "data" / "cases" / f"{case_id}.yml").write_text(
            f"title: {title}\nsummary: A case.\nbuyers: [city-of-malmo]\ncountry: SE\nyear: 2020\n"
            "topics: [smartphones]\nadded: 2021-01-01\n", encoding="utf-8")
    (root / "data" / "topics.yml").write_text(
        "smartphones: {en: Smartphones, sv: Smarttelefoner, de: Smartphones}\n"
        "fair-labour: {en: Fair labour, sv: Rättvisa arbetsvillkor, de: Faire Arbeit}\n"
        "laptops: {en: Laptops, sv: Bärbara datorer, de: Laptops}\n"
        "reuse: {en: Reuse, sv: Återanvändning, de: Wiederverwendung}\n", encoding="utf-8")
    return load_build(str(root))


def test_swedish_puts_a_ring_and_diaereses_after_z():
    assert collated(["Örebro", "Zürich", "Åre", "Aalborg", "Västerås"], "sv") == ["Aalborg", "Västerås", "Zürich", "Åre", "Örebro"]
    assert collated(["Örebro", "Zürich", "Åre", "Oslo"], "fi") == ["Oslo", "Zürich", "Åre", "Örebro"]


def test_german_files_umlauts_with_their_letters():
    assert collated(["Zürich", "Örebro", "Oslo", "Äpfel", "Birnen"], "de") == ["Äpfel", "Birnen", "Örebro", "Oslo", "Zürich"]


def test_danish_and_norwegian_end_with_ae_o_slash_a_ring():
    assert collated(["Ålborg", "Ørsted", "Æbelø", "Zealand", "Bornholm"], "da") == ["Bornholm", "Zealand", "Æbelø", "Ørsted", "Ålborg"]
    assert collated(["Ålesund", "Ørland", "Ærø", "Oslo"], "nb") == ["Oslo", "Ærø", "Ørland", "Ålesund"]


def _names(html: str, start: str, end: str) -> list[str]:
    part = html.split(start, 1)[1].split(end, 1)[0]
    return [re.sub(r"<[^>]+>", "", a) for a in re.findall(r"<a [^>]*>(.*?)</a>", part)]


def test_a_cases_buyers_are_in_the_readers_order_of_their_names_in_that_language(build):
    sv = build.renderer.record_page("cases", "malmo-phones", "sv")
    buyers = _names(sv, "<dd>", "</dd>")
    assert buyers == ["Västerås stad", "Zürich stad", "Århus kommun", "Örebro kommun"]
    en = _names(build.renderer.record_page("cases", "malmo-phones", "en"), "<dd>", "</dd>")
    assert en == ["City of Aarhus", "City of Örebro", "City of Västerås", "City of Zurich"]


def test_the_organisations_listing_sorts_by_translated_names(build):
    names = _names(build.renderer.listing("organisations", "sv"), "<ul", "</ul>")
    assert names.index("Zürich stad") < names.index("Århus kommun") < names.index("Örebro kommun")
    assert names.index("Malmö stad") < names.index("Västerås stad")
    de = _names(build.renderer.listing("organisations", "de"), "<ul", "</ul>")
    assert de.index("City of Örebro") < de.index("City of Västerås") < de.index("Stadt Zürich")


def test_topics_are_listed_by_their_names_in_the_readers_language(build):
    assert _names(build.renderer.listing("topics", "sv"), "<ul", "</ul>") == \
        ["Bärbara datorer", "Rättvisa arbetsvillkor", "Smarttelefoner", "Återanvändning"]
    assert _names(build.renderer.listing("topics", "de"), "<ul", "</ul>") == \
        ["Faire Arbeit", "Laptops", "Smartphones", "Wiederverwendung"]


def test_topic_tags_and_filter_options_follow_the_same_order(build):
    view = build.renderer.view("sv", "sv/events/")
    assert view.by_name("topics", ["reuse", "smartphones", "laptops"]) == ["laptops", "smartphones", "reuse"]
    facets = view.filter_facets("events", list(build.content["events"]))
    topics = facets["options"]["topic"]
    assert [view.plain(build.content.topics[t]) for t in topics] == \
        collated([view.plain(build.content.topics[t]) for t in topics], "sv")
    assert facets["options"]["year"] == sorted(facets["options"]["year"], reverse=True)


def test_listings_of_one_year_follow_the_readers_alphabet(build):
    view = build.renderer.view("sv", "sv/organisations/")
    names = [view.plain(build.content["organisations"][i].name) for i in view.listing("organisations")]
    assert names == collated(names, "sv")
    # Cases: newest year first; within a year by title in the reader's language.
    assert view.listing("cases") == ["borlange-phones", "malmo-phones", "aarhus-laptops"]
    assert build.renderer.view("en", "cases/").listing("cases") == ["aarhus-laptops", "borlange-phones", "malmo-phones"]
