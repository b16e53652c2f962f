"""Bytes, never time: what a reader's phone fetches for the search on a hub of 400 records per language.

The hub is the benchmark's generator (bench/generate.py) at 400 record pages per language, built once
per test session in English and Swedish only: each language's Pagefind index holds that language's
pages alone, so the other five would change nothing measured here but the build's length.
"""
from __future__ import annotations

import fcntl
import json
import sys

import pytest
from browsing import REPO, Reader, Server
from sitebuild import build, prepare_project

sys.path.insert(0, str(REPO / "bench"))
import generate  # noqa: E402
import sites  # noqa: E402

pytestmark = pytest.mark.browser

RECORDS = 400
BUDGET = 300_000  # bytes for a one-word search, everything included (script, Pagefind, index, results)


@pytest.fixture(scope="session")
def hub_400(shared_tmp):
    folder = shared_tmp / "site-hub400"
    folder.mkdir(parents=True, exist_ok=True)
    with open(shared_tmp / "site-hub400.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / "BUILT").exists():
            generate.generate(folder / "data", RECORDS, languages=["en", "sv"])
            project = prepare_project(folder / "project", folder / "data")
            config = sites.read_config(project)
            for plugin in config["plugins"]:
                if isinstance(plugin, dict) and "i18n" in plugin:
                    plugin["i18n"]["languages"] = [lang for lang in plugin["i18n"]["languages"]
                                                   if lang["locale"] in ("en", "sv")]
            sites.write_config(project, config)
            build(project, now=generate.NOW)
            (folder / "BUILT").write_text("ok")
    server = Server(folder / "project" / "site")
    yield server.url
    server.close()


@pytest.fixture
def phone(browser, hub_400):
    reader = Reader(browser, hub_400, viewport={"width": 375, "height": 740}, locale="sv-SE")
    received: list = []
    reader.context.on("response", lambda response: received.append(response))
    reader.received = received
    yield reader
    reader.close()


def transferred(responses) -> int:
    return sum(len(r.body()) for r in responses if r.ok)


def test_a_page_fetches_nothing_of_the_search_and_a_one_word_search_stays_under_300_kb(phone):
    page = phone.open("sv/events/")
    page.wait_for_load_state("networkidle")
    assert [r.url for r in phone.received if "/pagefind/" in r.url or r.url.endswith("/search.js")] == []
    assert phone.failed == [] and phone.console_errors == []
    phone.received.clear()

    page.keyboard.press("/")
    page.locator("#hub-search-input").fill("upphandling")
    page.wait_for_function("a => document.querySelector('[data-hub-search]').dataset.answered === a",
                           arg=json.dumps(["upphandling", ""], separators=(",", ":")))
    found = page.eval_on_selector_all(".hub-search__result a", "links => links.map(a => new URL(a.href).pathname)")
    assert found and all(path.startswith("/sv/") for path in found), found
    page.wait_for_load_state("networkidle")
    size = transferred(phone.received)
    print(f"one-word search at {RECORDS} records per language: {size:,} bytes in {len(phone.received)} responses")
    assert size <= BUDGET, [(r.url, len(r.body())) for r in phone.received]
    assert phone.failed == [] and phone.console_errors == [] and phone.errors == []
