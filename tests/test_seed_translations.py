"""The seed content is translated into every site language, and stays so (issue #12, item 1).

Reads data/ as `python -m hub status` does (hub/cli/status.py's `translation_status`), so this
test and the command agree on what "translated" means. The seed records are listed by name: a
record added later in English only does not fail here, but a seed record that loses a language,
or disappears, does.
"""
import shutil
from pathlib import Path

import pytest

from hub.cli.status import translation_status
from hub.load.content import load_content
from hub.load.siteconfig import read_site_config

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = list(read_site_config(str(ROOT)).languages)

# What the seed documents (../shared/seeds/) gave the hub, by collection.
SEED_RECORDS = {
    "events": ["cfit-launch-2021", "circular-labour-markets-webinar-2021",
               "ict-procurement-verification-webinar-2021", "minerals-in-electronics-webinar-2021",
               "nordic-market-dialogue-smartphones-2020", "procure2innovate-session-2021"],
    "cases": ["dutch-learning-network-circular-ict"],
    "statements": ["circular-and-fair-ict-pact", "joint-statement-fair-circular-smartphones"],
    "resources": ["learning-network-circular-ict-summary"],
    "organisations": [
        "bmnt", "bmu", "cdti", "cenex-nederland", "cfit", "circle-economy", "circular-flanders",
        "circular-innovation-council", "city-of-aalborg", "city-of-copenhagen", "city-of-helsinki",
        "city-of-malmo", "city-of-oslo", "city-of-stavanger", "defra", "dfo", "electronics-watch",
        "european-parliament", "european-union", "fido", "hiva", "iclei-europe", "iclei", "koinno",
        "ministry-of-infrastructure-and-water-management",
        "national-secretariat-for-sustainable-public-procurement", "one-planet-network-spp", "pianoo",
        "procura-plus", "procure2innovate", "recyc-quebec", "region-stockholm",
        "responsible-minerals-initiative", "rijkswaterstaat", "sida",
        "spanish-ministry-of-science-and-innovation", "swedwatch", "tco-development",
        "zero-waste-scotland"],
    "topics": ["buyer-networks", "circular-economy", "circular-jobs", "climate", "conflict-minerals",
               "criteria", "fair-labour", "human-rights", "ict-hardware", "innovation-procurement",
               "laptops", "market-dialogue", "reuse", "smartphones", "verification"],
    "series": ["meet-the-market"],
}


def _keys(collection: str) -> list[str]:
    return [f"{collection}/{record_id}" for record_id in SEED_RECORDS[collection]]


def _untranslated(statuses, keys: list[str]) -> dict[str, dict[str, list[str]]]:
    """language -> {"collection/id": untranslated fields} for the given records."""
    return {s.lang: {key: s.missing[key] for key in keys if key in s.missing} for s in statuses
            if any(key in s.missing for key in keys)}


@pytest.fixture(scope="module")
def content():
    return load_content(str(ROOT), LANGUAGES)


@pytest.fixture(scope="module")
def statuses(content):
    return translation_status(content)


def test_the_site_has_the_seven_languages_the_seeds_are_translated_into():
    assert LANGUAGES == ["en", "sv", "nb", "da", "fi", "nl", "de"]


@pytest.mark.parametrize("collection", list(SEED_RECORDS))
def test_every_seed_record_is_still_there(content, collection):
    present = content.topics if collection == "topics" else content.series if collection == "series" \
        else content[collection]
    gone = [record_id for record_id in SEED_RECORDS[collection] if record_id not in present]
    assert not gone, f"seed records missing from data/{collection}: {', '.join(gone)}"


@pytest.mark.parametrize("collection", list(SEED_RECORDS) + ["site"])
def test_every_seed_text_is_in_every_language(statuses, collection):
    keys = ["site"] if collection == "site" else _keys(collection)
    missing = _untranslated(statuses, keys)
    assert not missing, "not translated (python -m hub status lists the same):\n" + "\n".join(
        f"  {lang}: {key}: {', '.join(fields)}" for lang, records in missing.items()
        for key, fields in records.items())


def test_a_seed_record_that_loses_a_language_is_reported(tmp_path):
    # The check above must be able to fail: drop the Finnish description of one event and one
    # Dutch agenda title, and both must be named for those languages only.
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "data" / "events" / "cfit-launch-2021.fi.md").unlink()
    record = tmp_path / "data" / "events" / "circular-labour-markets-webinar-2021.yml"
    text = record.read_text(encoding="utf-8")
    dutch_closing = "      nl: Afsluiting\n"
    assert dutch_closing in text
    record.write_text(text.replace(dutch_closing, ""), encoding="utf-8")

    missing = _untranslated(translation_status(load_content(str(tmp_path), LANGUAGES)), _keys("events"))

    assert missing == {"fi": {"events/cfit-launch-2021": ["description"]},
                       "nl": {"events/circular-labour-markets-webinar-2021": ["agenda[5].title"]}}
