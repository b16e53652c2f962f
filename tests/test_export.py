"""The JSON export round-trips every record: read back through the model, it is what data/ holds."""
from __future__ import annotations

import json

import pytest

from hub.load.content import load_content
from hub.model.records import COLLECTIONS
from sitebuild import FIXTURES, LANGUAGES

DERIVED = {"id", "page", "start_utc", "end_utc", "counts"}  # added by the export; not fields of the model


@pytest.fixture(scope="module")
def content():
    return load_content(str(FIXTURES / "basic"), LANGUAGES)


def _read(site, name):
    return json.loads((site / "api" / f"{name}.json").read_text(encoding="utf-8"))


def same(loaded, exported) -> bool:
    """Equal, where the export may give a plain text as {'en': text}."""
    if isinstance(loaded, str) and isinstance(exported, dict):
        return exported == {"en": loaded}
    if isinstance(loaded, dict) and isinstance(exported, dict):
        return loaded.keys() == exported.keys() and all(same(loaded[k], exported[k]) for k in loaded)
    if isinstance(loaded, list) and isinstance(exported, list):
        return len(loaded) == len(exported) and all(same(a, b) for a, b in zip(loaded, exported))
    return loaded == exported


@pytest.mark.parametrize("collection", list(COLLECTIONS))
def test_every_record_round_trips(basic_site, content, collection):
    items = _read(basic_site, collection)
    assert [i["id"] for i in items] == sorted(content[collection])
    model = COLLECTIONS[collection]
    for item in items:
        # The exported object, minus what the export adds, is a valid record again ...
        again = model.model_validate({k: v for k, v in item.items() if k not in DERIVED})
        # ... and the same record as the one loaded from data/.
        assert same(content[collection][item["id"]].model_dump(), again.model_dump()), item["id"]


def test_texts_carry_every_language_they_have(basic_site):
    events = {e["id"]: e for e in _read(basic_site, "events")}
    spring = events["spring-dialogue"]
    assert spring["title"] == {"en": "Spring market dialogue", "sv": "Marknadsdialog på våren"}
    assert spring["speakers"][0]["role"] == {"en": "Buyer", "sv": "Upphandlare"}
    # The description comes from the sibling Markdown files spring-dialogue.md and .sv.md.
    assert spring["description"]["en"].strip() == "The **dialogue** covers smartphones."
    assert spring["description"]["sv"].strip() == "**Dialogen** handlar om smarttelefoner."
    assert events["autumn-webinar"]["summary"] == {"en": "A webinar about <laptops> & fair labour."}


def test_references_dates_and_derived_fields(basic_site):
    events = {e["id"]: e for e in _read(basic_site, "events")}
    spring = events["spring-dialogue"]
    assert spring["organisers"] == ["city-of-malmo"] and spring["topics"] == ["smartphones"]
    assert spring["aliases"] == ["old-spring-dialogue"]
    assert (spring["start"], spring["timezone"]) == ("2021-03-28T09:00", "Europe/Stockholm")
    assert spring["added"] == "2021-02-01"
    assert (spring["start_utc"], spring["end_utc"]) == ("2021-03-28T07:00:00Z", "2021-03-28T10:30:00Z")
    assert events["autumn-webinar"]["start_utc"] == "2021-10-31T09:00:00Z"
    assert spring["page"]["sv"] == "http://127.0.0.1:8000/sv/events/spring-dialogue/"
    assert set(spring["page"]) == set(LANGUAGES)
    statement = _read(basic_site, "statements")[0]
    assert statement["signatories"][2] == {"organisation": "test-network", "role": "supporting"}
    # Counted as the statement's page counts them: signatories apart from supporters and the committed.
    assert statement["counts"] == {"signatories": 2, "supporters": 1, "committed": 0, "commitments_quoted": 2}
    case = _read(basic_site, "cases")[0]
    assert case["contract"] == {"value": 1500000, "currency": "SEK", "devices": 2000, "duration_months": 24}
    assert _read(basic_site, "resources")[0]["published"] == "2019"


def test_vocabularies(basic_site, content):
    topics = _read(basic_site, "topics")
    assert [t["id"] for t in topics] == list(content.topics)
    assert {t["id"]: t["name"] for t in topics}["laptops"] == {"en": "Laptops"}
    assert topics[0]["page"]["de"] == "http://127.0.0.1:8000/de/topics/smartphones/"
    assert _read(basic_site, "series") == [{"id": "test-series", "title": {"en": "Test series"}}]


def test_index_names_collections_languages_and_build_time(basic_site):
    index = _read(basic_site, "index")
    assert list(index["collections"]) == ["organisations", "events", "cases", "statements", "resources",
                                          "topics", "series"]
    assert index["collections"]["events"] == {"url": "http://127.0.0.1:8000/api/events.json", "count": 4}
    assert index["languages"] == LANGUAGES
    assert index["built"] == "2021-06-01T00:00:00Z"  # HUB_NOW of the fixture build
    for name in index["collections"]:
        assert (basic_site / "api" / f"{name}.json").is_file()
    assert not (basic_site / "sv" / "api").exists()  # once, at the root
