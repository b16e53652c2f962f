"""The benchmark's generator (bench/generate.py) writes records the loader accepts; no timings here."""
import sys

import pytest
from sitebuild import LANGUAGES, REPO

sys.path.insert(0, str(REPO / "bench"))

from generate import generate, sizes  # noqa: E402

from hub.load.content import load_content  # noqa: E402


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    root = tmp_path_factory.mktemp("bench")
    counts = generate(root / "data", 40)
    return counts, root, load_content(str(root), LANGUAGES)


def test_generated_hub_is_valid_and_has_the_pages_asked_for(hub):
    counts, _root, content = hub
    assert {name: len(records) for name, records in content.records.items()} == \
        {name: n for name, n in counts.items() if name != "topics"}
    assert len(content.topics) == counts["topics"]
    assert sum(counts.values()) == 40 == sum(sizes(40).values())
    event = next(iter(content["events"].values()))
    assert event.recording and event.agenda and event.speakers and event.registration and event.documents


def test_translations_in_half_the_languages_and_sibling_markdown(hub):
    _counts, root, content = hub
    assert all(isinstance(e.title, dict) and len(e.title) == 4 and "en" in e.title for e in content["events"].values())
    siblings = list((root / "data" / "events").glob("*.*.md"))
    assert siblings and all(isinstance(content["events"][p.name.split(".")[0]].description, dict) for p in siblings)


def test_english_only_variant_is_valid_for_an_english_site(tmp_path):
    generate(tmp_path / "data", 40, languages=["en"])
    content = load_content(str(tmp_path), ["en"])
    assert all(isinstance(r.title, str) for r in content["events"].values())
